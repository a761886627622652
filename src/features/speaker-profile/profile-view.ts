import { detectPositionChanges, type PositionChange } from '@/core/compare/position-change';
import type { CompareClaim } from '@/core/compare/types';
import type { Question, Stance } from '@/core/model/types';
import type { ArticleRef, SpeakerProfileData } from '@/db/compare-read';

export type QuestionSection = Readonly<{
  question: Question;
  entries: readonly { claim: CompareClaim; stance: Stance }[];
}>;

export type ArticleSection = Readonly<{ article: ArticleRef; claims: readonly CompareClaim[] }>;

export type ProfileView = Readonly<{
  byQuestion: readonly QuestionSection[];
  byArticle: readonly ArticleSection[];
  changes: readonly PositionChange[];
}>;

/** The profile's sections: by question (with stances), by article and date, and changes of position. */
export function profileView(data: SpeakerProfileData): ProfileView {
  const claims = new Map(data.claims.map((c) => [c.id, c]));
  const byQuestion = data.questions
    .map((question) => ({
      question,
      entries: Object.entries(question.stances)
        .flatMap(([id, stance]) => {
          const claim = claims.get(id);
          return claim ? [{ claim, stance }] : [];
        })
        .sort((a, b) => (a.claim.date ?? '').localeCompare(b.claim.date ?? '')),
    }))
    .filter((s) => s.entries.length > 0);
  const articles = new Map(data.articles.map((a) => [a.id as string, a]));
  const grouped = new Map<string, CompareClaim[]>();
  for (const c of data.claims) grouped.set(c.articleId, [...(grouped.get(c.articleId) ?? []), c]);
  const byArticle = [...grouped]
    .flatMap(([id, list]) => {
      const article = articles.get(id);
      return article ? [{ article, claims: list }] : [];
    })
    .sort(
      (a, b) =>
        (a.article.date ?? '').localeCompare(b.article.date ?? '') ||
        a.article.title.localeCompare(b.article.title),
    );
  const changes = detectPositionChanges(
    byQuestion.flatMap((s) =>
      s.entries.map((e) => ({
        questionId: s.question.id,
        speakerId: e.claim.speakerId ?? '',
        claimId: e.claim.id,
        stance: e.stance,
        date: e.claim.date,
      })),
    ),
  );
  return { byQuestion, byArticle, changes };
}
