import { useMutation, useQuery } from '@tanstack/react-query';
import type { ArticleId } from '@/core/model/types';
import type { ArticleSort } from '@/core/review/progress';
import { softDeleteArticle } from '@/db/articles';
import { describeDbError } from '@/db/errors';
import { articleQueries } from '@/db/queries';
import { showToast } from '@/ui/toast';
import { showUndoToast, undoableBatch } from '@/ui/undo-toast';

export const useArticles = (sort: ArticleSort = 'imported') => useQuery(articleQueries.list(sort));

/** Moves an article (and its claims) to the trash, with the same Undo toast as every other delete. */
export const useDeleteArticle = () =>
  useMutation({
    mutationFn: ({ id, batchId }: { id: ArticleId; title: string; batchId: string }) =>
      softDeleteArticle(id, { batchId }),
    onSuccess: (_, { title, batchId }) => showUndoToast(`Deleted “${title}”`, batchId),
    onError: (e) => showToast(describeDbError(e), { tone: 'error' }),
  });

export const deleteArgs = (id: ArticleId, title: string) => ({ id, title, batchId: undoableBatch() });
