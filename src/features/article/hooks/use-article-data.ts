import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import type { ArticleId, Claim } from '@/core/model/types';
import { articleQueries, claimQueries, speakerQueries, summaryQueries } from '@/db/queries';

export const useArticle = (id: ArticleId) => useQuery(articleQueries.detail(id));
export const useArticleCounts = (id: ArticleId) => useQuery(summaryQueries.article(id));

const NO_CLAIMS: readonly Claim[] = [];

/**
 * The article's claims and their speakers: every claim once read, and before that the first ones by
 * offset (what the top of the text shows) with only their speakers, so a long article opens on its
 * first claims instead of waiting for all of them and all their speakers (~550 reads). Each whole
 * read starts once its first part is in: IndexedDB answers requests in turn, and the small one asked
 * second would wait behind the large one. `complete` says which it is: the whole list with every
 * speaker of the article.
 *
 * The whole list replaces the first claims in a deferred render: React renders it component by
 * component, yielding to input, so a `j` pressed while a long article's claims arrive is answered
 * instead of waiting behind the render of all of them. The first claims, and every later list (a
 * verdict edit), show at once.
 */
export function useArticleClaims(id: ArticleId) {
  const client = useQueryClient();
  const cached = client.getQueryData(claimQueries.byArticle(id).queryKey) !== undefined;
  const speakersCached = client.getQueryData(speakerQueries.byArticle(id).queryKey) !== undefined;
  const head = useQuery({ ...claimQueries.byArticleHead(id), enabled: !cached });
  const all = useQuery({
    ...claimQueries.byArticle(id),
    enabled: cached || head.data !== undefined || head.error !== null,
  });
  const firstSpeakers = useQuery({
    ...speakerQueries.ofClaims(id, head.data ?? NO_CLAIMS),
    enabled: !speakersCached && head.data !== undefined,
  });
  const speakers = useQuery({
    ...speakerQueries.byArticle(id),
    enabled: speakersCached || cached || firstSpeakers.data !== undefined || firstSpeakers.error !== null,
  });
  // Only the switch from the first claims to the whole list is deferred (a boolean), so a later list
  // (a verdict edit) renders once, not once at once and again in a deferred pass.
  const complete = useDeferredValue(all.data !== undefined && speakers.data !== undefined);
  const data = complete ? all.data : (head.data ?? all.data);
  return {
    data,
    complete,
    /** Every speaker of the article once read, before that those of the first claims. */
    speakers: speakers.data ?? (head.data ? firstSpeakers.data : undefined),
    /** Every speaker of the article (the header's count), or undefined while they are read. */
    allSpeakers: speakers.data,
    error: all.error ?? head.error ?? speakers.error ?? firstSpeakers.error,
  };
}
