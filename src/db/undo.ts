import { queryOptions } from '@tanstack/react-query';
import type { Table } from 'dexie';
import type { Claim, ClaimId, HistoryEntry, HistoryTable, SourceId, Timestamp } from '@/core/model/types';
import {
  type BatchRecord,
  describeBatch,
  FIELD_GROUPS,
  invertChange,
  planFieldChange,
  type UndoState,
  undoState,
} from '@/core/review/undo';
import { db } from './db';
import { DbError } from './errors';
import { type HistoryChange, historyOfBatch, newBatchId, recordHistory } from './history';
import { SYNC_KEYS, type SyncIdentity } from './sync-tables';

/** How many of the latest batches undo/redo looks back over ("the last changes"). */
export const UNDO_WINDOW = 200;

export type SkippedChange = Readonly<{
  table: HistoryTable;
  rowId: string;
  /** The fields left alone (empty when the whole row was). */
  fields: readonly string[];
  reason: string;
}>;

export type UndoResult = Readonly<{
  kind: 'undo' | 'redo';
  /** The change batch undone or redone. */
  target: string;
  /** The new batch that records this undo / redo (itself in history). */
  batchId: string;
  /** The label of the target batch, e.g. "Set verdict on 1 claim". */
  label: string;
  /** Rows changed. */
  applied: number;
  /** What was left alone because a later change wins. */
  skipped: readonly SkippedChange[];
  /** Other things the person should know (a source brought back from the trash…). */
  notes: readonly string[];
  /** One sentence for a toast or a live region. */
  message: string;
}>;

export type UndoStep = Readonly<{ batchId: string; label: string; at: Timestamp }>;

export type UndoSnapshot = Readonly<{
  undo: UndoStep | null;
  redo: UndoStep | null;
  undoDepth: number;
  redoDepth: number;
}>;

type AnyRow = Record<string, unknown> & { id: string; updatedAt: Timestamp; deletedAt: Timestamp | null };

const TABLES_WRITTEN = () => [
  db.history,
  db.claims,
  db.speakers,
  db.sources,
  db.evidence,
  db.articles,
  db.questions,
  db.syncState,
];

function tableOf(name: HistoryTable): Table<AnyRow, string> {
  return db.table(name) as unknown as Table<AnyRow, string>;
}

/**
 * This device's id once a team was connected. A history entry with another `deviceId` came from a
 * team member (or records a sync merge): undo and redo never act on it, nor count it.
 */
async function myDeviceId(): Promise<string | null> {
  const row = await db.syncState.get(SYNC_KEYS.identity);
  return (row?.value as SyncIdentity | undefined)?.deviceId ?? null;
}

/** The latest batches of this device (up to UNDO_WINDOW), in the order they were written. */
async function recentBatches(): Promise<(BatchRecord & { at: Timestamp })[]> {
  const me = await myDeviceId();
  // batch ids are UUID v7 (time-ordered): the newest batches are the last distinct keys of the index
  const ids = (await db.history.orderBy('batchId').reverse().limit(UNDO_WINDOW).uniqueKeys()) as string[];
  const heads = await Promise.all(ids.map((id) => db.history.where('batchId').equals(id).first()));
  return heads
    .filter((h): h is HistoryEntry => h !== undefined && (h.deviceId === undefined || h.deviceId === me))
    .map((h) => ({ batchId: h.batchId, kind: h.batchKind ?? 'change', target: h.target ?? null, at: h.at }))
    .sort((a, b) => a.at - b.at || (a.batchId < b.batchId ? -1 : 1));
}

async function currentState(): Promise<UndoState & { atOf: Map<string, Timestamp> }> {
  const batches = await recentBatches();
  return { ...undoState(batches), atOf: new Map(batches.map((b) => [b.batchId, b.at])) };
}

/** The label of a change batch ("Tag 50 claims"). */
export async function describeBatchById(batchId: string): Promise<string> {
  return describeBatch(await historyOfBatch(batchId));
}

/** What can be undone and redone now, with labels. */
export async function readUndoState(): Promise<UndoSnapshot> {
  return db.transaction('r', [db.history, db.syncState], async () => {
    const state = await currentState();
    const step = async (batchId: string | null): Promise<UndoStep | null> =>
      batchId === null
        ? null
        : { batchId, label: await describeBatchById(batchId), at: state.atOf.get(batchId) ?? 0 };
    return {
      undo: await step(state.undo),
      redo: await step(state.redo),
      undoDepth: state.undoDepth,
      redoDepth: state.redoDepth,
    };
  });
}

type Outcome = { changes: HistoryChange[]; skipped: SkippedChange[]; notes: string[] };

const claimIdsIn = (entry: HistoryEntry): string[] => {
  const ids = (entry.to?.claimIds ?? entry.from?.claimIds) as unknown;
  return Array.isArray(ids) ? (ids as string[]) : [];
};

const bump = (row: AnyRow, now: Timestamp) => Math.max(now, row.updatedAt + 1);

async function tombstone(
  entry: HistoryEntry,
  row: AnyRow,
  now: Timestamp,
  batchRowIds: Set<string>,
  out: Outcome,
  deletedAt: Timestamp = now,
) {
  if (row.deletedAt !== null) return; // already in the trash: nothing to do, nothing lost
  if (entry.table === 'sources') {
    // a source made by this batch but since linked to other claims stays: those links need it
    const others = await db.evidence
      .where('sourceId')
      .equals(row.id)
      .filter((e) => e.deletedAt === null && !batchRowIds.has(e.id))
      .count();
    if (others > 0) {
      out.skipped.push({
        table: 'sources',
        rowId: row.id,
        fields: ['deletedAt'],
        reason: `Kept the source “${String(row.title)}”: ${others === 1 ? 'another claim links' : `${others} other claims link`} to it.`,
      });
      return;
    }
  }
  const to: Record<string, unknown> = { deletedAt };
  if (entry.table === 'articles') {
    const claims = (await db.claims.bulkGet(claimIdsIn(entry) as ClaimId[])).filter(
      (c): c is Claim => c !== undefined && c.deletedAt === null,
    );
    await db.claims.bulkPut(claims.map((c) => ({ ...c, deletedAt, updatedAt: now })));
    to.claimIds = claims.map((c) => c.id);
  }
  await tableOf(entry.table).put({ ...row, deletedAt, updatedAt: bump(row, now) });
  out.changes.push({ table: entry.table, rowId: row.id, action: 'delete', from: { deletedAt: null }, to });
}

async function untombstone(
  entry: HistoryEntry,
  row: AnyRow,
  expectDeletedAt: unknown,
  now: Timestamp,
  out: Outcome,
) {
  if (row.deletedAt === null) return;
  if (typeof expectDeletedAt === 'number' && row.deletedAt !== expectDeletedAt) {
    out.skipped.push({
      table: entry.table,
      rowId: row.id,
      fields: ['deletedAt'],
      reason: 'It was deleted again since; restore it from the trash.',
    });
    return;
  }
  const deletedAt = row.deletedAt;
  const to: Record<string, unknown> = { deletedAt: null };
  if (entry.table === 'articles') {
    const claims = (await db.claims.bulkGet(claimIdsIn(entry) as ClaimId[])).filter(
      (c): c is Claim => c !== undefined && c.deletedAt === deletedAt,
    );
    await db.claims.bulkPut(claims.map((c) => ({ ...c, deletedAt: null, updatedAt: now })));
    to.claimIds = claims.map((c) => c.id);
  }
  await tableOf(entry.table).put({ ...row, deletedAt: null, updatedAt: bump(row, now) });
  out.changes.push({ table: entry.table, rowId: row.id, action: 'restore', from: { deletedAt }, to });
  if (entry.table === 'evidence') {
    // a link is no use without its source: bring a trashed source back with it, and say so
    const source = await db.sources.get(row.sourceId as SourceId);
    if (source && source.deletedAt !== null) {
      await db.sources.put({ ...source, deletedAt: null, updatedAt: Math.max(now, source.updatedAt + 1) });
      out.changes.push({
        table: 'sources',
        rowId: source.id,
        action: 'restore',
        from: { deletedAt: source.deletedAt },
        to: { deletedAt: null },
      });
      out.notes.push(`The source “${source.title}” was in the trash; it is back, with its link.`);
    } else if (!source) {
      out.notes.push('The source of a restored link no longer exists.');
    }
  }
}

async function applyEntry(
  entry: HistoryEntry,
  direction: 'undo' | 'redo',
  now: Timestamp,
  batchRowIds: Set<string>,
  out: Outcome,
) {
  const row = await tableOf(entry.table).get(entry.rowId);
  if (!row) {
    out.skipped.push({ table: entry.table, rowId: entry.rowId, fields: [], reason: 'It no longer exists.' });
    return;
  }
  const change = direction === 'undo' ? invertChange(entry) : entry;
  switch (change.action) {
    case 'update': {
      const plan = planFieldChange(row, change.from ?? {}, change.to ?? {}, FIELD_GROUPS[entry.table]);
      if (plan.skipped.length > 0) {
        out.skipped.push({
          table: entry.table,
          rowId: row.id,
          fields: plan.skipped,
          reason: `Changed again since (${plan.skipped.join(', ')}); the later change was kept.`,
        });
      }
      if (!plan.patch) return;
      const from = Object.fromEntries(Object.keys(plan.patch).map((k) => [k, row[k]]));
      await tableOf(entry.table).put({ ...row, ...plan.patch, updatedAt: bump(row, now) });
      out.changes.push({ table: entry.table, rowId: row.id, action: 'update', from, to: plan.patch });
      return;
    }
    case 'delete':
    case 'create': // (never produced by invertChange; a redo of a create restores the row below)
      if (change.action === 'delete') {
        // undoing a restore, or redoing a deletion, puts the row back in the trash as that deletion
        // left it (its time too), so that undoing the deletion later still recognises the row
        const previous =
          direction === 'undo' && entry.action === 'restore'
            ? entry.from?.deletedAt
            : direction === 'redo' && entry.action === 'delete'
              ? entry.to?.deletedAt
              : undefined;
        return tombstone(entry, row, now, batchRowIds, out, typeof previous === 'number' ? previous : now);
      }
      return untombstone(entry, row, undefined, now, out);
    case 'restore':
      return untombstone(
        entry,
        row,
        direction === 'undo' && entry.action === 'delete' ? entry.to?.deletedAt : undefined,
        now,
        out,
      );
  }
}

async function replay(kind: 'undo' | 'redo', requested: string | undefined): Promise<UndoResult | null> {
  return db.transaction('rw', TABLES_WRITTEN(), async () => {
    const state = await currentState();
    const stack = kind === 'undo' ? state.undoStack : state.redoStack;
    const target = requested ?? stack.at(-1) ?? null;
    if (target === null) return null;
    if (!stack.includes(target)) {
      throw new DbError(
        'invalid',
        kind === 'undo'
          ? 'That change cannot be undone: it was already undone (perhaps in another tab), or it is too old.'
          : 'That change cannot be redone: it was redone already, or something changed since.',
      );
    }
    const entries = await historyOfBatch(target);
    const label = describeBatch(entries);
    const ordered = kind === 'undo' ? [...entries].reverse() : entries;
    const now = Date.now();
    const out: Outcome = { changes: [], skipped: [], notes: [] };
    const batchRowIds = new Set(entries.map((e) => e.rowId));
    for (const entry of ordered) await applyEntry(entry, kind, now, batchRowIds, out);
    const batchId = newBatchId();
    // the undo batch is recorded even when nothing was left to change, so the stacks move on
    const changes: HistoryChange[] =
      out.changes.length > 0
        ? out.changes
        : [{ table: entries[0]!.table, rowId: entries[0]!.rowId, action: 'update', from: {}, to: {} }];
    await recordHistory(changes, now, { batchId, batchKind: kind, target });
    const verb = kind === 'undo' ? 'Undid' : 'Redid';
    const skippedNote =
      out.skipped.length > 0
        ? ` ${plural(out.skipped.length)} left as changed since (a later change wins).`
        : '';
    return {
      kind,
      target,
      batchId,
      label,
      applied: out.changes.length,
      skipped: out.skipped,
      notes: out.notes,
      message: `${verb}: ${label}.${skippedNote}${out.notes.length > 0 ? ` ${out.notes.join(' ')}` : ''}`,
    };
  });
}

const plural = (n: number) => (n === 1 ? '1 item was' : `${n} items were`);

/**
 * Undoes the latest change (or `batchId`, a change further back: a selective undo) in one
 * transaction, recording the undo as a new batch that points at it. Fields changed since by a
 * later write keep the later value and are reported in `skipped`. Null when there is nothing to undo.
 */
export function undo(options: Readonly<{ batchId?: string }> = {}): Promise<UndoResult | null> {
  return replay('undo', options.batchId);
}

/** Redoes the latest undone change (or `batchId`); null when there is nothing to redo. */
export function redo(options: Readonly<{ batchId?: string }> = {}): Promise<UndoResult | null> {
  return replay('redo', options.batchId);
}

export const undoQueries = {
  all: () => ['history', 'undo'] as const,
  /** What Ctrl+Z / Ctrl+Shift+Z would do now: `{ undo: { batchId, label, at } | null, redo, depths }`. */
  state: () =>
    queryOptions({
      queryKey: [...undoQueries.all(), 'state'] as const,
      queryFn: readUndoState,
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
};
