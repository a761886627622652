import { describeDbError } from '@/db/errors';
import { newBatchId } from '@/db/history';
import type { UndoResult } from '@/db/undo';
import { showToast } from '@/ui/toast';

/** Says what an undo or redo did (or that there was nothing to do), in a toast (a polite live region: screen readers hear it once). */
export function sayUndoResult(result: UndoResult | null, which: 'undo' | 'redo' = 'undo') {
  showToast(result?.message ?? (which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.'));
}

const sayError = (e: unknown) => {
  showToast(describeDbError(e), { tone: 'error' });
};

/** Undoes one change batch through history (a selective undo), and says what it did. */
export function undoBatch(batchId: string, onUndone?: () => void): Promise<void> {
  // the undo code loads with the first undo: screens that only offer it stay out of the first load
  return import('@/db/undo')
    .then(({ undo }) => undo({ batchId }))
    .then((result) => {
      sayUndoResult(result);
      if (result) onUndone?.();
    }, sayError);
}

/**
 * The one undo toast: every change that offers an Undo (a delete, a bulk edit, a reassignment…)
 * is written as one history batch, and the toast's Undo undoes exactly that batch through history,
 * never by a hand-written inverse write.
 */
export function showUndoToast(
  message: string,
  batchId: string,
  onUndone?: () => void,
  /** A later toast with this key replaces this one (see `showToast`). */
  key?: string,
) {
  showToast(message, { key, action: { label: 'Undo', run: () => void undoBatch(batchId, onUndone) } });
}

/** A batch id for a write that should be undoable from its toast (pass it as the write's `batchId`). */
export const undoableBatch = (): string => newBatchId();
