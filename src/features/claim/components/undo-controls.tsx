import { useMutation, useQuery } from '@tanstack/react-query';
import { describeDbError } from '@/db/errors';
import { useShortcuts } from '@/ui/shortcuts';
import { announce, showToast } from '@/ui/toast';
import { nextLabel, redo, undo, undoAvailable, undoStateQuery } from '../undo-client';

const NO_STATE = { queryKey: ['history', 'undo-state-unavailable'], queryFn: () => null, enabled: false };

/** Undo and redo through the data layer, with the labels of the next steps; outcomes are announced. */
function useUndoRedo() {
  const state = useQuery(undoStateQuery ? undoStateQuery() : NO_STATE);
  const undoLabel = nextLabel(state.data, 'undo');
  const redoLabel = nextLabel(state.data, 'redo');
  const run = useMutation({
    mutationFn: (which: 'undo' | 'redo') => (which === 'undo' ? undo() : redo()),
    onSuccess: (outcome, which) => {
      const verb = which === 'undo' ? 'Undone' : 'Redone';
      if (!outcome) {
        announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        showToast(which === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
        return;
      }
      const skipped = outcome.skipped?.length ? ` (kept later changes to ${outcome.skipped.join(', ')})` : '';
      showToast(`${verb}: ${outcome.label}${skipped}`);
    },
    onError: (error) => showToast(describeDbError(error), { tone: 'error' }),
  });

  return { run, undoLabel, redoLabel };
}

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) anywhere in the app, outside text fields (which keep their own undo). */
export function UndoShortcuts() {
  const { run } = useUndoRedo();
  useShortcuts('Anywhere', [
    { keys: 'Ctrl+Z', description: 'Undo the last change', match: ['Mod+z'], run: () => run.mutate('undo') },
    {
      keys: 'Ctrl+Shift+Z',
      description: 'Redo',
      match: ['Mod+Shift+z', 'Mod+y'],
      run: () => run.mutate('redo'),
    },
  ]);
  return null;
}

/** Undo / Redo buttons, titled with what they would undo or redo. */
export function UndoControls() {
  const { run, undoLabel, redoLabel } = useUndoRedo();
  if (!undoAvailable) return null;
  return (
    <div className="undo-controls">
      <button
        type="button"
        onClick={() => run.mutate('undo')}
        disabled={run.isPending || undoLabel === null}
        title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Undo (Ctrl+Z)'}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        onClick={() => run.mutate('redo')}
        disabled={run.isPending || redoLabel === null}
        title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Redo (Ctrl+Shift+Z)'}
      >
        ↷ Redo
      </button>
    </div>
  );
}
