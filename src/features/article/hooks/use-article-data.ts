import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import type { ArticleId } from '@/core/model/types';
import { articleQueries, claimQueries, speakerQueries, summaryQueries } from '@/db/queries';

export const useArticle = (id: ArticleId) => useQuery(articleQueries.detail(id));
export const useArticleSpeakers = (id: ArticleId) => useQuery(speakerQueries.byArticle(id));
export const useArticleCounts = (id: ArticleId) => useQuery(summaryQueries.article(id));

/**
 * The article's claims: every one once read, and before that the first ones by offset (what the top
 * of the text shows), so a long article opens on its first claims instead of waiting for all of them.
 * The whole read starts once the first claims are in: IndexedDB answers requests in turn, and the
 * small one asked second would wait behind the large one. `complete` says which it is.
 *
 * The whole list replaces the first claims in a deferred render: React renders it component by
 * component, yielding to input, so a `j` pressed while a long article's claims arrive is answered
 * instead of waiting behind the render of all of them. The first claims, and every later list (a
 * verdict edit), show at once.
 */
export function useArticleClaims(id: ArticleId) {
  const client = useQueryClient();
  const cached = client.getQueryData(claimQueries.byArticle(id).queryKey) !== undefined;
  const head = useQuery({ ...claimQueries.byArticleHead(id), enabled: !cached });
  const all = useQuery({
    ...claimQueries.byArticle(id),
    enabled: cached || head.data !== undefined || head.error !== null,
  });
  // Only the switch from the first claims to the whole list is deferred (a boolean), so a later list
  // (a verdict edit) renders once, not once at once and again in a deferred pass.
  const complete = useDeferredValue(all.data !== undefined);
  const data = complete ? all.data : (head.data ?? all.data);
  return { data, complete, error: all.error ?? head.error };
}
