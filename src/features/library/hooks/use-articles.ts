import { useMutation, useQuery } from '@tanstack/react-query';
import type { ArticleId } from '@/core/model/types';
import type { ArticleSort } from '@/core/review/progress';
import { describeDbError } from '@/db/errors';
import { articleQueries } from '@/db/queries';
import { showToast } from '@/ui/toast';
import { showUndoToast, undoableBatch } from '@/ui/undo-toast';

/**
 * The Library's articles. While a bulk import commits its batches, the freshness bridge
 * (`features/team/coalesced-invalidation.ts`) makes the list out of date once per window rather
 * than after every batch.
 */
export const useArticles = (sort: ArticleSort = 'imported', enabled = true) =>
  useQuery({ ...articleQueries.list(sort), enabled });

/**
 * The first `count` articles newest first, read on their own while the whole list is (`enabled`
 * until it is in): the Library draws its first screenful from them.
 */
export const useNewestArticles = (count: number, enabled: boolean) =>
  useQuery({ ...articleQueries.newest(count), enabled });

/** Moves an article (and its claims) to the trash, with the same Undo toast as every other delete. */
export const useDeleteArticle = () =>
  useMutation({
    // the article write code loads with the first delete, not with the Library's first paint
    mutationFn: ({ id, batchId }: { id: ArticleId; title: string; batchId: string }) =>
      import('@/db/articles').then((m) => m.softDeleteArticle(id, { batchId })),
    onSuccess: (_, { title, batchId }) => showUndoToast(`Deleted “${title}”`, batchId),
    onError: (e) => showToast(describeDbError(e), { tone: 'error' }),
  });

export const deleteArgs = (id: ArticleId, title: string) => ({ id, title, batchId: undoableBatch() });
