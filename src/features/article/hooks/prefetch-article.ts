import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import type { ArticleId } from '@/core/model/types';
import { articleQueries, claimQueries, speakerQueries, summaryQueries } from '@/db/queries';

/**
 * Asks for what the article screen shows first (the text, the first claims and their speakers, the
 * counts, as `use-article-data.ts` reads them), each unless it is cached or being read. The app
 * calls it as a navigation to an article starts, so the reads run while the screen's chunk arrives
 * and the screen renders, not after it has mounted.
 */
export function prefetchArticle(client: QueryClient, id: ArticleId): void {
  const cold = (key: QueryKey) => client.getQueryState(key) === undefined;
  const text = articleQueries.detail(id);
  if (cold(text.queryKey)) void client.prefetchQuery(text);
  // The first claims only while the whole list is not in, and then the speakers they name, unless
  // every speaker of the article is in (`useArticleClaims` reads them so too): the article's ~550
  // speakers are read after the first frame.
  const head = claimQueries.byArticleHead(id);
  if (cold(claimQueries.byArticle(id).queryKey) && cold(head.queryKey)) {
    void client.fetchQuery(head).then(
      (claims) => {
        if (!cold(speakerQueries.byArticle(id).queryKey)) return;
        return client.prefetchQuery(speakerQueries.ofClaims(id, claims));
      },
      () => {}, // the screen shows the error (its own query of the first claims)
    );
  }
  const counts = summaryQueries.article(id);
  if (cold(counts.queryKey)) void client.prefetchQuery(counts);
}

/** `prefetchArticle` in a render: cheap once the reads are cached or under way (each `j` renders it again). */
export function usePrefetchArticle(id: ArticleId): void {
  prefetchArticle(useQueryClient(), id);
}
