/**
 * Undo and redo over an append-only history. Nothing is ever rewritten: an undo is itself a new batch of
 * changes that points at the batch it reverses, so the audit trail shows both, and the stacks are rebuilt
 * from the log after a reload.
 */

export type BatchKind = 'change' | 'undo' | 'redo';

export type BatchRecord = Readonly<{
  batchId: string;
  kind: BatchKind;
  /** For undo and redo batches: the original change batch they act on. */
  target: string | null;
}>;

export type UndoState = Readonly<{
  undo: string | null;
  redo: string | null;
  undoDepth: number;
  redoDepth: number;
}>;

/** Replays batches in the order they were written; returns the change batch to undo next and to redo next. */
export function undoState(batches: readonly BatchRecord[]): UndoState {
  const undo: string[] = [];
  let redo: string[] = [];
  for (const b of batches) {
    if (b.kind === 'change') {
      undo.push(b.batchId);
      redo = [];
    } else if (b.kind === 'undo' && b.target !== null && undo.at(-1) === b.target) {
      undo.pop();
      redo.push(b.target);
    } else if (b.kind === 'redo' && b.target !== null && redo.at(-1) === b.target) {
      redo.pop();
      undo.push(b.target);
    }
  }
  return {
    undo: undo.at(-1) ?? null,
    redo: redo.at(-1) ?? null,
    undoDepth: undo.length,
    redoDepth: redo.length,
  };
}

export type RowChange = Readonly<{
  action: 'create' | 'update' | 'delete' | 'restore';
  from: Readonly<Record<string, unknown>> | null;
  to: Readonly<Record<string, unknown>> | null;
}>;

/** The change that reverses one change: fields go back to `from`; a create is undone by a (soft) delete. */
export function invertChange(change: RowChange): RowChange {
  const action =
    change.action === 'create'
      ? 'delete'
      : change.action === 'delete'
        ? 'restore'
        : change.action === 'restore'
          ? 'delete'
          : 'update';
  return { action, from: change.to, to: change.from };
}
