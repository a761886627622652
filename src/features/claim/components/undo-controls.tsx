import { useMutation, useQuery } from '@tanstack/react-query';
import { describeDbError } from '@/db/errors';
import { redo, undo, undoQueries } from '@/db/undo';
import { useShortcuts } from '@/ui/shortcuts';
import { announce, showToast } from '@/ui/toast';

/** Undo and redo through the data layer, with the labels of the next steps; outcomes are announced. */
function useUndoRedo() {
  const state = useQuery(undoQueries.state()).data;
  const run = useMutation({
    mutationFn: (which: 'undo' | 'redo') => (which === 'undo' ? undo() : redo()),
    onSuccess: (result, which) => {
      if (!result) {
        announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        showToast(which === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
        return;
      }
      showToast(result.message);
    },
    onError: (error) => showToast(describeDbError(error), { tone: 'error' }),
  });
  return {
    run,
    undoLabel: state?.undo?.label ?? null,
    redoLabel: state?.redo?.label ?? null,
    loaded: !!state,
  };
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
  const { run, undoLabel, redoLabel, loaded } = useUndoRedo();
  return (
    <div className="undo-controls">
      <button
        type="button"
        onClick={() => run.mutate('undo')}
        disabled={run.isPending || (loaded && undoLabel === null)}
        title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
        aria-label={undoLabel ? `Undo: ${undoLabel}` : 'Undo'}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        onClick={() => run.mutate('redo')}
        disabled={run.isPending || (loaded && redoLabel === null)}
        title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        aria-label={redoLabel ? `Redo: ${redoLabel}` : 'Redo'}
      >
        ↷ Redo
      </button>
    </div>
  );
}
