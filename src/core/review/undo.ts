/**
 * Undo and redo over an append-only history. Nothing is ever rewritten: an undo is itself a new batch of
 * changes that points at the batch it reverses, so the audit trail shows both, and the stacks are rebuilt
 * from the log after a reload.
 */
import { sameValue } from '../model/row-diff';
import type { HistoryBatchKind, HistoryTable } from '../model/types';

export type BatchKind = HistoryBatchKind;

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
  /** The change batches that can be undone, oldest first (the last is `undo`). */
  undoStack: readonly string[];
  /** The undone batches that can be redone, oldest undo first (the last is `redo`). */
  redoStack: readonly string[];
}>;

/**
 * Replays batches in the order they were written; returns the change batch to undo next and to redo next.
 * An undo usually targets the top of the undo stack; one that targets a batch further down (a selective
 * undo, or a tab that had not seen a later change) takes that batch out of the stack wherever it is.
 * An undo or redo whose target is not on the stack (already undone, or outside the log) changes nothing.
 */
export function undoState(batches: readonly BatchRecord[]): UndoState {
  const undo: string[] = [];
  let redo: string[] = [];
  for (const b of batches) {
    if (b.kind === 'change') {
      undo.push(b.batchId);
      redo = [];
    } else if (b.kind === 'undo' && b.target !== null) {
      const i = undo.lastIndexOf(b.target);
      if (i === -1) continue;
      undo.splice(i, 1);
      redo.push(b.target);
    } else if (b.kind === 'redo' && b.target !== null) {
      const i = redo.lastIndexOf(b.target);
      if (i === -1) continue;
      redo.splice(i, 1);
      undo.push(b.target);
    }
  }
  return {
    undo: undo.at(-1) ?? null,
    redo: redo.at(-1) ?? null,
    undoDepth: undo.length,
    redoDepth: redo.length,
    undoStack: undo,
    redoStack: redo,
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

/** Fields that only make sense together: if one of them was changed since, none is applied. */
export const FIELD_GROUPS: Readonly<Partial<Record<HistoryTable, readonly (readonly string[])[]>>> = {
  claims: [['start', 'end', 'text', 'quote']],
};

export type FieldPlan = Readonly<{
  /** The fields to write (null: nothing to write). */
  patch: Readonly<Record<string, unknown>> | null;
  /** Fields left alone because the row no longer holds the value the change expects. */
  skipped: readonly string[];
}>;

/**
 * Applies an update (`from` → `to`) to a row that may have changed since: a field is set to `to` only
 * while the row still holds `from` (a field already at `to` needs nothing); any other value was written
 * by a later change, which wins and is reported as skipped. Grouped fields go all or nothing.
 */
export function planFieldChange(
  current: Readonly<Record<string, unknown>>,
  from: Readonly<Record<string, unknown>>,
  to: Readonly<Record<string, unknown>>,
  groups: readonly (readonly string[])[] = [],
): FieldPlan {
  const patch: Record<string, unknown> = {};
  const skipped = new Set<string>();
  for (const key of Object.keys(to)) {
    if (sameValue(current[key], to[key])) continue;
    if (sameValue(current[key], from[key])) patch[key] = to[key];
    else skipped.add(key);
  }
  for (const group of groups) {
    if (!group.some((k) => skipped.has(k))) continue;
    for (const k of group) {
      if (k in patch) {
        delete patch[k];
        skipped.add(k);
      }
    }
  }
  return { patch: Object.keys(patch).length > 0 ? patch : null, skipped: [...skipped] };
}

export type DescribableEntry = Readonly<{
  table: HistoryTable;
  rowId: string;
  action: RowChange['action'];
  from: Readonly<Record<string, unknown>> | null;
  to: Readonly<Record<string, unknown>> | null;
  label?: string | null;
}>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const CLAIM_FIELD_VERBS: readonly (readonly [string, string])[] = [
  ['verdict', 'Set verdict on'],
  ['speakerId', 'Reassign'],
  ['start', 'Edit the span of'],
  ['ratingNote', 'Edit the rating note of'],
  ['notes', 'Edit notes on'],
  ['kind', 'Change the kind of'],
];

function describeClaims(entries: readonly DescribableEntry[]): string {
  const n = new Set(entries.map((e) => e.rowId)).size;
  const actions = new Set(entries.map((e) => e.action));
  const claims = plural(n, 'claim');
  if (actions.has('create') && actions.has('update')) return 'Split a claim';
  if (actions.has('delete') && actions.has('update')) return 'Merge claims';
  if (actions.has('create')) return `Add ${claims}`;
  if (actions.has('delete')) return `Delete ${claims}`;
  if (actions.has('restore')) return `Restore ${claims}`;
  const fields = new Set(entries.flatMap((e) => Object.keys(e.to ?? {})));
  if (fields.size === 1 && fields.has('tags')) {
    const added = entries.every(
      (e) =>
        ((e.to?.tags as unknown[] | undefined)?.length ?? 0) > ((e.from?.tags as unknown[]) ?? []).length,
    );
    const removed = entries.every(
      (e) =>
        ((e.to?.tags as unknown[] | undefined)?.length ?? 0) < ((e.from?.tags as unknown[]) ?? []).length,
    );
    return added ? `Tag ${claims}` : removed ? `Untag ${claims}` : `Edit the tags of ${claims}`;
  }
  if (
    fields.size === 1 ||
    (fields.has('start') && [...fields].every((f) => FIELD_GROUPS.claims![0]!.includes(f)))
  ) {
    const verb = CLAIM_FIELD_VERBS.find(([f]) => fields.has(f))?.[1];
    if (verb) return `${verb} ${claims}`;
  }
  return `Edit ${claims}`;
}

/** A short human label for a batch: "Set verdict on 1 claim", "Tag 50 claims", "Attach a source"… */
export function describeBatch(entries: readonly DescribableEntry[]): string {
  const explicit = entries.find((e) => e.label)?.label;
  if (explicit) return explicit;
  if (entries.length === 0) return 'Nothing';
  const of = (table: HistoryTable) => entries.filter((e) => e.table === table);
  const articles = of('articles');
  if (articles.length > 0) {
    const a = articles[0]!;
    const title = typeof a.to?.title === 'string' ? ` “${a.to.title}”` : '';
    if (a.action === 'create') return `Import${title || ' an article'}`;
    if (a.action === 'delete') return 'Delete an article';
    if (a.action === 'restore') return 'Restore an article';
    return 'Edit an article';
  }
  const speakers = of('speakers');
  if (speakers.some((e) => e.action === 'delete' && e.to?.mergedInto)) return 'Merge speakers';
  const evidence = of('evidence');
  if (evidence.length > 0) {
    const n = evidence.length;
    const a = evidence[0]!.action;
    if (a === 'create') return n === 1 ? 'Attach a source' : `Attach ${plural(n, 'source')}`;
    if (a === 'delete') return n === 1 ? 'Remove a source link' : `Remove ${plural(n, 'source link')}`;
    if (a === 'restore') return n === 1 ? 'Restore a source link' : `Restore ${plural(n, 'source link')}`;
    return 'Edit a source link';
  }
  const claims = of('claims');
  if (claims.length > 0) return describeClaims(claims);
  if (speakers.length > 0) {
    const s = speakers[0]!;
    if (s.action === 'create') return 'Add a speaker';
    if (s.to && 'name' in s.to) return `Rename a speaker to “${String(s.to.name)}”`;
    return 'Edit a speaker';
  }
  const sources = of('sources');
  if (sources.length > 0) {
    const a = sources[0]!.action;
    return a === 'create'
      ? 'Add a source'
      : a === 'delete'
        ? 'Delete a source'
        : a === 'restore'
          ? 'Restore a source'
          : 'Edit a source';
  }
  return 'Edit a question';
}

type LoggedEntry = Readonly<{ batchId: string; at: number; batchKind?: BatchKind; target?: string | null }>;

/**
 * The change batch a per-row undo acts on: of the history entries about one thing (a claim and its
 * source links), the latest change still in effect, leaving out what was undone since. Null when
 * nothing about it can be undone.
 */
export function lastChangeIn(entries: readonly LoggedEntry[]): string | null {
  const batches = new Map<string, BatchRecord & { at: number }>();
  for (const e of entries) {
    if (!batches.has(e.batchId))
      batches.set(e.batchId, {
        batchId: e.batchId,
        kind: e.batchKind ?? 'change',
        target: e.target ?? null,
        at: e.at,
      });
  }
  const ordered = [...batches.values()].sort((a, b) => a.at - b.at || (a.batchId < b.batchId ? -1 : 1));
  return undoState(ordered).undo;
}
