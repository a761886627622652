/**
 * History as one row a batch (schema version 15). `recordHistory` writes a batch's entries through
 * `db.history` as before; this middleware, under every other (observability, sync capture and the
 * batch heads above it see the entries), stores the entries of one such request as one
 * `historyBatches` row instead of a row each: a 1,000-claim bulk edit wrote 1,000 rows with three
 * index entries each (bench/write-shapes.ts --only indexes, session 27: 598 → 379 ms raw for the
 * bulk verdict's claims and history). Entries pulled by sync, restored from a backup or stored
 * before version 15 stay single rows in `history`; history-read.ts reads both stores.
 *
 * An entry id names its batch row: `<row id>.<index>`, the row id being `<UUID v7>.<entry count>`
 * (so counting entries reads keys only). An id lives in one store only: a put of an entry whose
 * row exists replaces it in the row; a delete moves the row's other entries to single rows.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { Dexie } from 'dexie';
import type { HistoryEntry, HistoryId } from '@/core/model/types';
import { withoutHead } from './history-heads';
import { newId } from './ids';

export const BATCHES = 'historyBatches';

/**
 * The entries of one request after its first, as stored: `r` holds each `table␁rowId` they change
 * (a multi-entry index). The first entry stays a single row in `history`, where it is the batch's
 * head (history-heads.ts): the Undo state reads heads as before, never a batch row.
 */
export type HistoryBatchRow = Readonly<{
  id: string;
  batchId: string;
  r: readonly string[];
  entries: readonly HistoryEntry[];
}>;

export const rowRefOf = (table: string, rowId: string): string => `${table}\u0001${rowId}`;

const BATCH_ROW = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.([0-9a-z]+)$/;

/** The entry count of the request a batch row's id names (its head included), or null for another key. */
export function countOfRow(rowKey: string): number | null {
  const m = BATCH_ROW.exec(rowKey);
  return m ? Number.parseInt(m[1]!, 36) : null;
}

/** The batch row an entry id names, or null for an id of another kind (a single row's). */
export function batchRowOf(entryId: string): string | null {
  const dot = entryId.lastIndexOf('.');
  if (dot < 0) return null;
  const row = entryId.slice(0, dot);
  return countOfRow(row) === null ? null : row;
}

/** The ids of a batch row's `count` entries, in the order made (they sort as made). */
export function entryIdsOf(rowKey: string, count: number): HistoryId[] {
  const width = Math.max(4, (count - 1).toString(36).length);
  return Array.from(
    { length: count },
    (_, i) => `${rowKey}.${i.toString(36).padStart(width, '0')}` as HistoryId,
  );
}

/** The ids of the entries a batch row holds: its request's after the first. */
export const idsInRow = (rowKey: string): HistoryId[] => entryIdsOf(rowKey, countOfRow(rowKey) ?? 0).slice(1);

/** A new batch row id for a request of `count` entries, and their ids. */
export function newBatchRow(count: number): { rowKey: string; ids: HistoryId[] } {
  const rowKey = `${newId()}.${count.toString(36)}`;
  return { rowKey, ids: entryIdsOf(rowKey, count) };
}

/** Batch rows announced by `recordHistory` for the transaction they are written in. */
const announced = new WeakMap<object, Set<string>>();

/** Asks the middleware to store the entries of `rowKey` as one row when `trans` writes them. */
export function announceBatchRow(trans: object, rowKey: string): void {
  const keys = announced.get(trans) ?? new Set<string>();
  keys.add(rowKey);
  announced.set(trans, keys);
}

type Entry = HistoryEntry & { hd?: string };

function rowOf(rowKey: string, entries: readonly Entry[]): HistoryBatchRow {
  return {
    id: rowKey,
    batchId: entries[0]!.batchId,
    r: [...new Set(entries.map((e) => rowRefOf(e.table, e.rowId)))],
    entries: entries.map((e) => withoutHead(e)),
  };
}

const ok = (keys: readonly unknown[]): DBCoreMutateResponse => ({
  numFailures: 0,
  failures: {},
  results: [...keys],
  lastResult: keys[keys.length - 1],
});

/** Responses of parts of one request, answered in the request's order. */
function joined(
  parts: readonly { at: readonly number[]; res: DBCoreMutateResponse }[],
): DBCoreMutateResponse {
  const failures: Record<number, Error> = {};
  const results: unknown[] = [];
  let numFailures = 0;
  for (const { at, res } of parts) {
    at.forEach((i, j) => {
      results[i] = res.results?.[j];
      const failed = res.failures[j];
      if (failed) {
        failures[i] = failed;
        numFailures++;
      }
    });
  }
  return { numFailures, failures, results, lastResult: results[results.length - 1] };
}

function batchesTable(history: DBCoreTable, batches: DBCoreTable): DBCoreTable {
  const byKey = (trans: DBCoreTransaction, keys: readonly string[]) =>
    batches.getMany({ trans, keys: [...keys] }) as Promise<(HistoryBatchRow | undefined)[]>;

  /** Stores entries whose batch row exists inside it (replacing theirs); returns the others. */
  async function intoRows(trans: DBCoreTransaction, values: readonly Entry[]): Promise<Set<number>> {
    const mine = new Map<string, number[]>();
    values.forEach((v, i) => {
      const row = batchRowOf(String(v.id));
      if (row !== null) mine.set(row, [...(mine.get(row) ?? []), i]);
    });
    const done = new Set<number>();
    if (mine.size === 0) return done;
    const keys = [...mine.keys()];
    const rows = await byKey(trans, keys);
    const put: HistoryBatchRow[] = [];
    rows.forEach((row, k) => {
      if (!row) return;
      const byId = new Map(row.entries.map((e) => [e.id as string, e]));
      for (const i of mine.get(keys[k]!)!) {
        const v = values[i]!;
        if (!byId.has(v.id)) continue;
        byId.set(v.id, withoutHead(v));
        done.add(i);
      }
      put.push({ ...row, entries: row.entries.map((e) => byId.get(e.id)!) });
    });
    if (put.length > 0) await batches.mutate({ trans, type: 'put', values: put });
    return done;
  }

  /** Deletes entries held in batch rows: each row goes, its other entries become single rows. */
  async function outOfRows(trans: DBCoreTransaction, keys: readonly string[]): Promise<void> {
    const byRow = new Map<string, Set<string>>();
    for (const k of keys) {
      const row = batchRowOf(k);
      if (row !== null) byRow.set(row, (byRow.get(row) ?? new Set()).add(k));
    }
    if (byRow.size === 0) return;
    const rowKeys = [...byRow.keys()];
    const rows = (await byKey(trans, rowKeys)).filter((r): r is HistoryBatchRow => r !== undefined);
    const left = rows.flatMap((row) => row.entries.filter((e) => !byRow.get(row.id)!.has(e.id)));
    if (left.length > 0) await history.mutate({ trans, type: 'put', values: left });
    if (rows.length > 0) await batches.mutate({ trans, type: 'delete', keys: rows.map((r) => r.id) });
  }

  /** The entry ids held in batch rows that fall in `range` (an entry id sorts after its row's id). */
  async function idsInRange(
    trans: DBCoreTransaction,
    range: Extract<DBCoreMutateRequest, { type: 'deleteRange' }>['range'],
  ): Promise<string[]> {
    const { result } = await batches.query({
      trans,
      values: false,
      query: { index: batches.schema.primaryKey, range: { type: 3, lower: undefined, upper: undefined } },
    });
    const inside = (id: string) => {
      if (range.type === 3) return true;
      if (range.type === 4) return false;
      if (range.type === 1) return id === range.lower;
      const above =
        range.lower === undefined || (range.lowerOpen ? id > String(range.lower) : id >= String(range.lower));
      const below =
        range.upper === undefined || (range.upperOpen ? id < String(range.upper) : id <= String(range.upper));
      return above && below;
    };
    return (result as string[]).flatMap((row) => idsInRow(row).filter(inside));
  }

  async function mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    const { trans } = req;
    if (req.type === 'delete') {
      await outOfRows(trans, req.keys as string[]);
      return history.mutate(req);
    }
    if (req.type === 'deleteRange') {
      await outOfRows(trans, await idsInRange(trans, req.range));
      return history.mutate(req);
    }
    if (req.type !== 'add' && req.type !== 'put') return history.mutate(req);
    const values = req.values as Entry[];
    const wanted = announced.get(trans as object);
    const groups = new Map<string, number[]>();
    if (wanted && req.type === 'add') {
      values.forEach((v, i) => {
        const row = batchRowOf(String(v.id));
        if (row !== null && wanted.has(row)) groups.set(row, [...(groups.get(row) ?? []), i]);
      });
      // a request of exactly the entries the row's id counts; its first stays a single row (the head)
      for (const [row, at] of groups) {
        if (at.length !== countOfRow(row) || at.length < 2) groups.delete(row);
        else groups.set(row, at.slice(1));
      }
    }
    const inRows = req.type === 'put' ? await intoRows(trans, values) : new Set([...groups.values()].flat());
    if (inRows.size === 0) return history.mutate(req);
    const parts: { at: number[]; res: DBCoreMutateResponse }[] = [];
    if (groups.size > 0) {
      const rows = [...groups].map(([row, at]) =>
        rowOf(
          row,
          at.map((i) => values[i]!),
        ),
      );
      await batches.mutate({ trans, type: 'add', values: rows });
      for (const at of groups.values()) parts.push({ at, res: ok(at.map((i) => values[i]!.id)) });
    } else {
      const at = [...inRows];
      parts.push({ at, res: ok(at.map((i) => values[i]!.id)) });
    }
    const rest = values.flatMap((_, i) => (inRows.has(i) ? [] : [i]));
    if (rest.length > 0) {
      const res = await history.mutate({
        ...req,
        values: rest.map((i) => values[i]!),
        ...(req.keys ? { keys: rest.map((i) => req.keys![i]) } : {}),
      } as DBCoreMutateRequest);
      parts.push({ at: rest, res });
    }
    return joined(parts);
  }

  return {
    ...history,
    // a Dexie promise, as the store's own answer is: a caller awaiting it keeps its transaction's zone
    mutate: (req) =>
      new Dexie.Promise<DBCoreMutateResponse>((resolve, reject) => mutate(req).then(resolve, reject)),
  };
}

export const historyBatchesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'historyBatches',
  // under Dexie's own (observability, cache: level 0): they see history entries, not batch rows
  level: -2,
  create(down) {
    if (!down.schema.tables.some((t) => t.name === BATCHES)) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = stores.includes('history') && !stores.includes(BATCHES);
        return down.transaction(widen ? [...stores, BATCHES] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === 'history' ? batchesTable(table, down.table(BATCHES)) : table;
      },
    };
  },
};
