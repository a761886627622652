import { type QuestionSuggestion, type SuggestClaim, suggestQuestions } from '@/core/compare/suggest';

/** What the suggestions worker offers: the pure grouping of `src/core/compare/suggest`. */
export const suggestApi = {
  suggest: (claims: readonly SuggestClaim[]): QuestionSuggestion[] => suggestQuestions(claims),
};
export type SuggestApi = typeof suggestApi;
