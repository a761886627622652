import { type Remote, wrap } from 'comlink';
import type { QuestionSuggestion, SuggestClaim } from '@/core/compare/suggest';
import type { SuggestApi } from './suggest-api';

let worker: Remote<SuggestApi> | null = null;

/**
 * Question suggestions made off the main thread (their cost grows with the cube of the claims
 * compared: hundreds of milliseconds for 400). Where there is no Worker (tests), made here.
 */
export async function suggestOffThread(claims: readonly SuggestClaim[]): Promise<QuestionSuggestion[]> {
  if (typeof Worker === 'undefined') return (await import('./suggest-api')).suggestApi.suggest(claims);
  worker ??= wrap<SuggestApi>(
    new Worker(new URL('./suggest.worker.ts', import.meta.url), { type: 'module' }),
  );
  return worker.suggest(claims);
}
