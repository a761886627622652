import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ArticleId } from '@/core/model/types';
import type { ArticleSort } from '@/core/review/progress';
import { describeDbError } from '@/db/errors';
import { articleQueries } from '@/db/queries';
import { useBulkImportRunning } from '@/stores/ui-store';
import { showToast } from '@/ui/toast';
import { showUndoToast, undoableBatch } from '@/ui/undo-toast';

/** While a bulk import runs, the article list is read again at most once per this many milliseconds. */
export const LIBRARY_REREAD_DURING_IMPORT_MS = 5_000;

/**
 * The Library's articles. Every committed write makes the list out of date, and a bulk import
 * commits a batch a second or more: re-reading and re-rendering the whole library after each one
 * blocked the page. While an import runs the list is read when it has nothing yet, then at most
 * once per LIBRARY_REREAD_DURING_IMPORT_MS if a batch made it out of date, and once when the import
 * ends; the import's progress bar gives the counts meanwhile.
 */
export function useArticles(sort: ArticleSort = 'imported') {
  const importing = useBulkImportRunning();
  const client = useQueryClient();
  const query = useQuery({
    ...articleQueries.list(sort),
    enabled: (q) => !importing || q.state.data === undefined,
  });
  const { refetch } = query;
  useEffect(() => {
    if (!importing) return;
    const { queryKey } = articleQueries.list(sort);
    const timer = setInterval(() => {
      // a disabled query never says it is stale: ask the cache whether a commit made it out of date
      if (client.getQueryState(queryKey)?.isInvalidated) void refetch();
    }, LIBRARY_REREAD_DURING_IMPORT_MS);
    return () => clearInterval(timer);
  }, [importing, client, sort, refetch]);
  return query;
}

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
