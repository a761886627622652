import { describeDbError } from '@/db/errors';
import { newBatchId } from '@/db/history';
import { undo } from '@/db/undo';
import { announce, showToast } from './toast';

/**
 * The one undo toast: every change that offers an Undo (a delete, a bulk edit, a reassignment…)
 * is written as one history batch, and the toast's Undo undoes exactly that batch through history,
 * never by a hand-written inverse write. What the undo did (or why it could not) is said after.
 */
export function showUndoToast(message: string, batchId: string, onUndone?: () => void) {
  showToast(message, {
    action: {
      label: 'Undo',
      run: () =>
        void undo({ batchId }).then(
          (result) => {
            const said = result?.message ?? 'Nothing to undo: that change is already undone.';
            showToast(said);
            announce(said);
            if (result) onUndone?.();
          },
          (e: unknown) => showToast(describeDbError(e), { tone: 'error' }),
        ),
    },
  });
}

/** A batch id for a write that should be undoable from its toast (pass it as the write's `batchId`). */
export const undoableBatch = (): string => newBatchId();
