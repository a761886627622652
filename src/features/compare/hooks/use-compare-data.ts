import { queryOptions, useInfiniteQuery, usePrefetchQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ArticleId } from '@/core/model/types';
import { compareQueries } from '@/db/compare-read';
import {
  compareScopeQueries,
  type PlaceFilter,
  readSuggestInput,
  type ScopeArticleState,
} from '@/db/compare-scope-read';
import { articleQueries, metaQueries } from '@/db/queries';
import { suggestOffThread } from '@/workers/suggest-client';

/** Suggestions accepted or rejected, remembered by id so they are not offered again. */
export const HANDLED_SUGGESTIONS_KEY = 'compare.handledSuggestions';

/**
 * The comparison, its read started while the screen first renders (not after its first commit and
 * paint, when a query's observer subscribes): the read's round trips to IndexedDB overlap the
 * rendering and painting of the screen around the matrix.
 */
export function useComparison(articleIds: readonly ArticleId[]) {
  const options = compareQueries.comparison({ articleIds });
  usePrefetchQuery(options);
  return useQuery(options);
}

/** The library's article titles (heads only) for the scope picker. */
export function useLibraryArticles(enabled: boolean) {
  return useQuery({ ...articleQueries.titles(), enabled });
}

export function useHandledSuggestions(enabled = true): readonly string[] {
  return useQuery({ ...metaQueries.value<string[]>(HANDLED_SUGGESTIONS_KEY), enabled }).data ?? NONE;
}
const NONE: readonly string[] = [];

/** The speakers of the compared articles (for names and the place panel's speaker filter). */
export function useScopeSpeakers(articleIds: readonly ArticleId[], enabled: boolean) {
  const query = useQuery({ ...compareScopeQueries.speakers(articleIds), enabled });
  const speakers = useMemo(() => new Map((query.data ?? []).map((s) => [s.id as string, s])), [query.data]);
  return { speakers, error: query.error };
}

/**
 * The chosen articles the library does not list (`notListed`): those in the trash, by id (an id not
 * here at all is not in the map); null while they are read.
 */
export function useScopeGone(notListed: readonly ArticleId[]) {
  const query = useQuery({ ...compareScopeQueries.gone(notListed), enabled: notListed.length > 0 });
  const articles = useMemo(
    () => (notListed.length === 0 ? NO_GONE : query.data ? new Map(query.data.map((a) => [a.id, a])) : null),
    [notListed.length, query.data],
  );
  return { articles, error: query.error };
}
const NO_GONE: ReadonlyMap<ArticleId, ScopeArticleState> = new Map();

/** Claims to place, a page at a time, narrowed by speaker and words. */
export function usePlaceClaims(articleIds: readonly ArticleId[], filter: PlaceFilter, enabled: boolean) {
  const query = useInfiniteQuery({ ...compareScopeQueries.place(articleIds, filter), enabled });
  const claims = useMemo(() => query.data?.pages.flatMap((p) => p.claims) ?? [], [query.data]);
  return {
    claims,
    pending: query.isPending,
    more: query.hasNextPage ? () => void query.fetchNextPage() : null,
    loadingMore: query.isFetchingNextPage,
    error: query.error,
  };
}

const suggestionQuery = (articleIds: readonly ArticleId[]) =>
  queryOptions({
    queryKey: [...compareScopeQueries.all(), 'suggestions', [...articleIds]] as const,
    queryFn: async () => suggestOffThread(await readSuggestInput(articleIds)),
  });

/** Question suggestions for the compared articles, made in a worker; those handled left out. */
export function useSuggestions(articleIds: readonly ArticleId[], enabled: boolean) {
  const handled = useHandledSuggestions(enabled);
  const query = useQuery({ ...suggestionQuery(articleIds), enabled });
  const suggestions = useMemo(() => {
    const handledSet = new Set(handled);
    return query.data?.filter((s) => !handledSet.has(s.id)) ?? null;
  }, [query.data, handled]);
  return { suggestions, error: query.error };
}
