import { queryOptions } from '@tanstack/react-query';
import { Dexie, type Table } from 'dexie';
import type {
  Claim,
  ClaimId,
  HistoryEntry,
  HistoryTable,
  Source,
  SourceId,
  Timestamp,
} from '@/core/model/types';
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
import { allOrNothingIfOwn } from './derived/middleware';
import { DbError } from './errors';
import { type HistoryChange, newBatchId, recordHistory } from './history';
import { entriesOfBatch, newestHeads } from './history-read';
import { META_KEYS } from './meta';
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
  db.meta,
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
 * The rows an undo or redo reads and writes, per table: read in one `bulkGet` per table up front
 * and written in one `bulkPut` per table at the end (`flush`), so undoing a 1,000-claim batch is a
 * few requests, not a read and a write per row (each also paying for its facets and summaries).
 * A step that reads the tables another way (links of a source, claims of an article) flushes first.
 */
class RowCache {
  private readonly rows = new Map<HistoryTable, Map<string, AnyRow | undefined>>();
  private readonly dirty = new Map<HistoryTable, Map<string, AnyRow>>();

  async load(entries: readonly HistoryEntry[]): Promise<void> {
    const byTable = new Map<HistoryTable, Set<string>>();
    for (const e of entries) {
      const ids = byTable.get(e.table) ?? new Set<string>();
      ids.add(e.rowId);
      byTable.set(e.table, ids);
    }
    // one table after another: awaiting a plain Promise.all here would lose Dexie's transaction zone
    for (const [table, ids] of byTable) {
      const keys = [...ids];
      const found = await tableOf(table).bulkGet(keys);
      const known = this.rows.get(table) ?? new Map<string, AnyRow | undefined>();
      keys.forEach((id, i) => {
        known.set(id, found[i]);
      });
      this.rows.set(table, known);
    }
    // the sources of links, which a restored link brings back from the trash
    const links = [...(this.rows.get('evidence')?.values() ?? [])];
    const sourceIds = [...new Set(links.flatMap((l) => (l ? [l.sourceId as string] : [])))].filter(
      (id) => !this.rows.get('sources')?.has(id),
    );
    if (sourceIds.length > 0) {
      const found = await tableOf('sources').bulkGet(sourceIds);
      const known = this.rows.get('sources') ?? new Map<string, AnyRow | undefined>();
      sourceIds.forEach((id, i) => {
        known.set(id, found[i]);
      });
      this.rows.set('sources', known);
    }
  }

  /** The row as this undo has it, or undefined when it was never read (`load` reads every entry's row). */
  cached(table: HistoryTable, id: string): { row: AnyRow | undefined } | undefined {
    const known = this.rows.get(table);
    return known?.has(id) ? { row: known.get(id) } : undefined;
  }

  put(table: HistoryTable, row: AnyRow): void {
    const known = this.rows.get(table) ?? new Map<string, AnyRow | undefined>();
    known.set(row.id, row);
    this.rows.set(table, known);
    const pending = this.dirty.get(table) ?? new Map<string, AnyRow>();
    pending.set(row.id, row);
    this.dirty.set(table, pending);
  }

  /** Rows written around the cache (an article's claims): later steps see them as written. */
  saw(table: HistoryTable, written: readonly AnyRow[]): void {
    const known = this.rows.get(table);
    if (known) for (const row of written) if (known.has(row.id)) known.set(row.id, row);
  }

  async flush(): Promise<void> {
    const pending = [...this.dirty];
    this.dirty.clear();
    for (const [table, rows] of pending) await tableOf(table).bulkPut([...rows.values()]);
  }
}

/** The tables the undo state is read from. */
type UndoReadTables = Readonly<{
  meta: typeof db.meta;
  syncState: typeof db.syncState;
}>;

const dbTables = (): UndoReadTables => ({ meta: db.meta, syncState: db.syncState });

/**
 * This device's id once a team was connected. A history entry with another `deviceId` came from a
 * team member (or records a sync merge): undo and redo never act on it, nor count it.
 */
async function myDeviceId(tables: UndoReadTables): Promise<string | null> {
  const row = await tables.syncState.get(SYNC_KEYS.identity);
  return (row?.value as SyncIdentity | undefined)?.deviceId ?? null;
}

/** The latest batches of this device (up to UNDO_WINDOW), in the order they were written. */
async function recentBatches(
  tables: UndoReadTables,
  trans: IDBTransaction | undefined,
): Promise<(BatchRecord & { at: Timestamp })[]> {
  const me = await myDeviceId(tables);
  const floor = (await tables.meta.get(META_KEYS.undoFloor))?.value as string | undefined;
  // batch ids are UUID v7 (time-ordered): the newest batches are the last keys of the batch-head
  // index (history-heads.ts), one entry a batch (a few when it was written in several requests:
  // walking backwards, a batch's entries come by descending id, so the one kept is its first)
  const heads = new Map<string, HistoryEntry>();
  const past = (h: HistoryEntry) =>
    (floor !== undefined && h.batchId < floor) || (heads.size >= UNDO_WINDOW && !heads.has(h.batchId));
  // a few more than the window: a batch written in several requests has several heads
  for (let count = UNDO_WINDOW + 16; ; count *= 2) {
    const got = await newestHeads(floor, count, trans);
    heads.clear();
    let read = got.length < count;
    for (const h of got) {
      if (past(h)) {
        read = true;
        break;
      }
      heads.set(h.batchId, h);
    }
    if (read) break;
  }
  return [...heads.values()]
    .filter((h) => h.deviceId === undefined || h.deviceId === me)
    .map((h) => ({ batchId: h.batchId, kind: h.batchKind ?? 'change', target: h.target ?? null, at: h.at }))
    .sort((a, b) => a.at - b.at || (a.batchId < b.batchId ? -1 : 1));
}

async function currentState(
  tables: UndoReadTables = dbTables(),
  trans: IDBTransaction | undefined = Dexie.currentTransaction?.idbtrans,
): Promise<UndoState & { atOf: Map<string, Timestamp> }> {
  const batches = await recentBatches(tables, trans);
  return { ...undoState(batches), atOf: new Map(batches.map((b) => [b.batchId, b.at])) };
}

/** What can be undone and redone now, with labels. */
export async function readUndoState(): Promise<UndoSnapshot> {
  return db.transaction('r', [db.history, db.syncState, db.meta], async (tx) => {
    // every read through tables bound to this transaction: while a write makes every shown query
    // read again (an import), Dexie's zone was lost across these nested awaits, the labels were read
    // in transactions of their own and this one committed first ("Transaction committed too early")
    const tables: UndoReadTables = {
      meta: tx.table('meta'),
      syncState: tx.table('syncState'),
    };
    const state = await currentState(tables, tx.idbtrans);
    const step = async (batchId: string | null): Promise<UndoStep | null> =>
      batchId === null
        ? null
        : {
            batchId,
            label: describeBatch(await entriesOfBatch(batchId, tx.idbtrans)),
            at: state.atOf.get(batchId) ?? 0,
          };
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

/** Puts a row in the trash (a source or an article first reads what else it touches). */
function tombstone(
  entry: HistoryEntry,
  row: AnyRow,
  now: Timestamp,
  batchRowIds: Set<string>,
  out: Outcome,
  rows: RowCache,
  deletedAt: Timestamp = now,
): (() => Promise<void>) | null {
  if (row.deletedAt !== null) return null; // already in the trash: nothing to do, nothing lost
  const to: Record<string, unknown> = { deletedAt };
  const done = () => {
    rows.put(entry.table, { ...row, deletedAt, updatedAt: bump(row, now) });
    out.changes.push({ table: entry.table, rowId: row.id, action: 'delete', from: { deletedAt: null }, to });
  };
  if (entry.table !== 'sources' && entry.table !== 'articles') {
    done();
    return null;
  }
  return async () => {
    await rows.flush();
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
    } else {
      const claims = (await db.claims.bulkGet(claimIdsIn(entry) as ClaimId[])).filter(
        (c): c is Claim => c !== undefined && c.deletedAt === null,
      );
      const written = claims.map((c) => ({ ...c, deletedAt, updatedAt: now }));
      await db.claims.bulkPut(written);
      rows.saw('claims', written as unknown as AnyRow[]);
      to.claimIds = claims.map((c) => c.id);
    }
    done();
  };
}

/** Brings a row back from the trash (an article its claims too, a link its source). */
function untombstone(
  entry: HistoryEntry,
  row: AnyRow,
  expectDeletedAt: unknown,
  now: Timestamp,
  out: Outcome,
  rows: RowCache,
): (() => Promise<void>) | null {
  if (row.deletedAt === null) return null;
  if (typeof expectDeletedAt === 'number' && row.deletedAt !== expectDeletedAt) {
    out.skipped.push({
      table: entry.table,
      rowId: row.id,
      fields: ['deletedAt'],
      reason: 'It was deleted again since; restore it from the trash.',
    });
    return null;
  }
  const deletedAt = row.deletedAt;
  const to: Record<string, unknown> = { deletedAt: null };
  const done = () => {
    rows.put(entry.table, { ...row, deletedAt: null, updatedAt: bump(row, now) });
    out.changes.push({ table: entry.table, rowId: row.id, action: 'restore', from: { deletedAt }, to });
    if (entry.table === 'evidence') restoreSourceOf(row, now, out, rows);
  };
  if (entry.table !== 'articles') {
    done();
    return null;
  }
  return async () => {
    await rows.flush();
    const claims = (await db.claims.bulkGet(claimIdsIn(entry) as ClaimId[])).filter(
      (c): c is Claim => c !== undefined && c.deletedAt === deletedAt,
    );
    const written = claims.map((c) => ({ ...c, deletedAt: null, updatedAt: now }));
    await db.claims.bulkPut(written);
    rows.saw('claims', written as unknown as AnyRow[]);
    to.claimIds = claims.map((c) => c.id);
    done();
  };
}

/** A link is no use without its source: bring a trashed source back with it, and say so. */
function restoreSourceOf(link: AnyRow, now: Timestamp, out: Outcome, rows: RowCache): void {
  const source = rows.cached('sources', link.sourceId as SourceId)?.row as Source | undefined;
  if (source && source.deletedAt !== null) {
    rows.put('sources', {
      ...source,
      deletedAt: null,
      updatedAt: Math.max(now, source.updatedAt + 1),
    } as unknown as AnyRow);
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

/**
 * Applies one entry. Returns null when done, else the work left that reads or writes beyond the
 * cache (trash and restore): field updates stay synchronous, since awaiting many settled promises
 * in a row inside a Dexie transaction loses its zone.
 */
function applyEntry(
  entry: HistoryEntry,
  direction: 'undo' | 'redo',
  now: Timestamp,
  batchRowIds: Set<string>,
  out: Outcome,
  rows: RowCache,
): (() => Promise<void>) | null {
  const row = rows.cached(entry.table, entry.rowId)?.row;
  if (!row) {
    out.skipped.push({ table: entry.table, rowId: entry.rowId, fields: [], reason: 'It no longer exists.' });
    return null;
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
      if (!plan.patch) return null;
      const from = Object.fromEntries(Object.keys(plan.patch).map((k) => [k, row[k]]));
      rows.put(entry.table, { ...row, ...plan.patch, updatedAt: bump(row, now) });
      out.changes.push({ table: entry.table, rowId: row.id, action: 'update', from, to: plan.patch });
      return null;
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
        return tombstone(
          entry,
          row,
          now,
          batchRowIds,
          out,
          rows,
          typeof previous === 'number' ? previous : now,
        );
      }
      return untombstone(entry, row, undefined, now, out, rows);
    case 'restore':
      return untombstone(
        entry,
        row,
        direction === 'undo' && entry.action === 'delete' ? entry.to?.deletedAt : undefined,
        now,
        out,
        rows,
      );
  }
}

async function replay(kind: 'undo' | 'redo', requested: string | undefined): Promise<UndoResult | null> {
  return db.transaction('rw', TABLES_WRITTEN(), async () => {
    allOrNothingIfOwn();
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
    const entries = await entriesOfBatch(target);
    const label = describeBatch(entries);
    const ordered = kind === 'undo' ? [...entries].reverse() : entries;
    const now = Date.now();
    const out: Outcome = { changes: [], skipped: [], notes: [] };
    const batchRowIds = new Set(entries.map((e) => e.rowId));
    const rows = new RowCache();
    await rows.load(entries);
    for (const entry of ordered) {
      const rest = applyEntry(entry, kind, now, batchRowIds, out, rows);
      if (rest) await rest();
    }
    await rows.flush();
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
    }),
};
