import { mutationOptions } from '@tanstack/react-query';
import type { ArticleId } from '@/core/model/types';
import { restoreArticle } from './articles';

/**
 * Mutation options shared by several features (which may not import each other), beside the query
 * factories of `queries.ts`: `useMutation(articleMutations.restore())`. Invalidation is `live.ts`'s.
 */
export const articleMutations = {
  /** Brings an article back from the trash with the claims deleted along with it. */
  restore: () => mutationOptions({ mutationFn: (id: ArticleId) => restoreArticle(id) }),
};
