import { mutationOptions } from '@tanstack/react-query';
import type { ArticleId } from '@/core/model/types';

/**
 * Mutation options shared by several features (which may not import each other), beside the query
 * factories of `queries.ts`: `useMutation(articleMutations.restore())`. Invalidation is `live.ts`'s.
 */
export const articleMutations = {
  /**
   * Brings an article back from the trash with the claims deleted along with it. The article write
   * code loads with the first restore (the import status offers it from the Library's first paint).
   */
  restore: () =>
    mutationOptions({
      mutationFn: (id: ArticleId) => import('./articles').then((m) => m.restoreArticle(id)),
    }),
};
