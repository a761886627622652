import { useMutation, useQuery } from '@tanstack/react-query';
import { describeDbError } from '@/db/errors';
import { redo, undo, undoQueries } from '@/db/undo';
import { defineKeymap, useKeymap } from '@/ui/shortcuts';
import { showToast } from '@/ui/toast';
import { sayUndoResult } from '@/ui/undo-toast';
import '@/features/undo/undo-controls.css';

const UNDO_KEYMAP = defineKeymap('Anywhere', {
  undo: { keys: 'Ctrl+Z', description: 'Undo the last change', match: ['Mod+z'] },
  redo: { keys: 'Ctrl+Shift+Z', description: 'Redo', match: ['Mod+Shift+z', 'Mod+y'] },
});

/** Undo and redo of the latest change anywhere, with the labels of the next steps. */
function useUndoRedo() {
  const state = useQuery(undoQueries.state()).data;
  const run = useMutation({
    mutationFn: (which: 'undo' | 'redo') => (which === 'undo' ? undo() : redo()),
    onSuccess: (result, which) => sayUndoResult(result, which),
    onError: (error) => showToast(describeDbError(error), { tone: 'error' }),
  });
  return {
    run,
    undoLabel: state?.undo?.label ?? null,
    redoLabel: state?.redo?.label ?? null,
    loaded: !!state,
  };
}

/**
 * The app-wide Undo / Redo (Ctrl+Z / Ctrl+Shift+Z outside text fields, which keep their own undo):
 * each button says which change it would undo or redo, wherever it was made.
 */
export function UndoControls() {
  const { run, undoLabel, redoLabel, loaded } = useUndoRedo();
  useKeymap(UNDO_KEYMAP, {
    undo: { run: () => run.mutate('undo') },
    redo: { run: () => run.mutate('redo') },
  });
  return (
    <div className="undo-controls">
      <button
        type="button"
        onClick={() => run.mutate('undo')}
        disabled={run.isPending || (loaded && undoLabel === null)}
        title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
      >
        ↶ <span className="undo-label">{undoLabel ? `Undo: ${undoLabel}` : 'Undo'}</span>
      </button>
      <button
        type="button"
        onClick={() => run.mutate('redo')}
        disabled={run.isPending || (loaded && redoLabel === null)}
        title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        aria-label={redoLabel ? `Redo: ${redoLabel}` : 'Redo'}
      >
        ↷
      </button>
    </div>
  );
}
