import { type QueryObserverResult, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ArticleId, Claim, Speaker } from '@/core/model/types';
import { compareQueries } from '@/db/compare-read';
import { articleQueries, claimQueries, metaQueries, speakerQueries } from '@/db/queries';

/** Suggestions accepted or rejected, remembered by id so they are not offered again. */
export const HANDLED_SUGGESTIONS_KEY = 'compare.handledSuggestions';

export function useComparison(articleIds: readonly ArticleId[]) {
  return useQuery(compareQueries.comparison({ articleIds }));
}

export function useLibraryArticles() {
  return useQuery(articleQueries.list());
}

export function useHandledSuggestions(): readonly string[] {
  return useQuery(metaQueries.value<string[]>(HANDLED_SUGGESTIONS_KEY)).data ?? NONE;
}
const NONE: readonly string[] = [];

type Combined<T> = Readonly<{ data: readonly (T | undefined)[]; pending: boolean; error: Error | null }>;
function combine<T>(results: QueryObserverResult<T>[]): Combined<T> {
  return {
    data: results.map((r) => r.data),
    pending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
  };
}

/** The live claims and speakers of the compared articles: what can be placed under a question. */
export function useScopeClaims(articleIds: readonly ArticleId[]) {
  const claims = useQueries({
    queries: articleIds.map((id) => claimQueries.byArticle(id)),
    combine: combine<Claim[]>,
  });
  const speakers = useQueries({
    queries: articleIds.map((id) => speakerQueries.byArticle(id)),
    combine: combine<Speaker[]>,
  });
  const value = useMemo(() => {
    const all: Claim[] = claims.data.flatMap((d) => d ?? []);
    const bySpeaker = new Map<string, Speaker>();
    for (const list of speakers.data) for (const s of list ?? []) bySpeaker.set(s.id, s);
    return { claims: all, speakers: bySpeaker };
  }, [claims.data, speakers.data]);
  return { ...value, loading: claims.pending || speakers.pending, error: claims.error ?? speakers.error };
}
