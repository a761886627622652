import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';

/**
 * The data layer's undo/redo (`src/db/undo.ts`, branch rdata). Bound through a glob so this
 * feature builds before that module lands; once it is merged, `undoAvailable` is true.
 */
export type UndoOutcome = Readonly<
  { label: string; skipped?: readonly string[] } & Record<string, unknown>
> | null;

type UndoModule = Readonly<{
  undo: () => Promise<UndoOutcome>;
  redo: () => Promise<UndoOutcome>;
  undoQueries?: Readonly<{ state: () => UseQueryOptions<unknown, Error, unknown, QueryKey> }>;
}>;

const found = import.meta.glob<UndoModule>('/src/db/undo.ts', { eager: true });
const mod: UndoModule | undefined = Object.values(found)[0];

export const undoAvailable = mod !== undefined;

export async function undo(): Promise<UndoOutcome> {
  if (!mod) throw new Error('Undo is not available in this build yet.');
  return mod.undo();
}

export async function redo(): Promise<UndoOutcome> {
  if (!mod) throw new Error('Redo is not available in this build yet.');
  return mod.redo();
}

/** Query options for the undo state (labels of the next undo / redo), when the data layer offers them. */
export const undoStateQuery = mod?.undoQueries?.state;

type StateShape = Readonly<Record<string, unknown>>;

/** Reads a label out of whatever shape the undo state has: `{ undo: { label } }` or `{ undoLabel }`. */
export function nextLabel(state: unknown, which: 'undo' | 'redo'): string | null | undefined {
  if (state === undefined) return undefined;
  if (typeof state !== 'object' || state === null) return null;
  const s = state as StateShape;
  const direct = s[`${which}Label`];
  if (typeof direct === 'string') return direct;
  const nested = s[which];
  if (nested && typeof nested === 'object' && typeof (nested as StateShape).label === 'string')
    return (nested as StateShape).label as string;
  if (nested === null) return null;
  if (typeof nested === 'string') return 'last change';
  return null;
}
