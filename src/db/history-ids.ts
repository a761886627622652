/**
 * Batch-prefixed history ids (bulk21). An entry recorded by this code has the id
 * `<batchId>.<count>` (`entryId`), so a batch's entries are one range of the primary key and need
 * no index of their own: such an entry is stored without its `batchId` field, which leaves it out of
 * the `batchId` index (IndexedDB skips a row whose index key is missing), and the field is set
 * again from the id whenever an entry is read. A 1,000-claim bulk edit so writes 1,000 index
 * entries fewer (docs/PERFORMANCE.md, bulk21). Entries stored before, and entries of other devices
 * or conflict entries with other ids, keep their field and their `batchId` index entry as before:
 * `historyOfBatch` reads both. No schema change, no row rewritten.
 *
 * The middleware sits below every other (level -10), so everything above it, Dexie's own layers,
 * sync capture, the batch heads, backups and sync documents, sees whole entries.
 */
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import type { HistoryId } from '@/core/model/types';

/** Between a batch id and an entry's count; the count has none, so the last one marks the batch. */
const DOT = '.';

let lastCount = 0;

/**
 * A new entry id of `batchId`: the batch id, a dot, and a count in base 36 that grows with every
 * entry made here (at least the time in ms), so a batch's entries sort in the order they were made.
 */
export function entryId(batchId: string): HistoryId {
  lastCount = Math.max(lastCount + 1, Date.now());
  return `${batchId}${DOT}${lastCount.toString(36)}` as HistoryId;
}

/** The key range of a batch's prefixed entries: [`<batchId>.`, `<batchId>/`) ('/' follows '.'). */
export const batchRange = (batchId: string): readonly [string, string] => [`${batchId}${DOT}`, `${batchId}/`];

type Stored = Record<string, unknown> & { id?: unknown; batchId?: unknown };

const prefixed = (e: Stored): boolean =>
  typeof e.id === 'string' && typeof e.batchId === 'string' && e.id.startsWith(`${e.batchId}${DOT}`);

/** An entry as stored: without `batchId` when its id carries it. */
function stored(value: unknown): unknown {
  const e = value as Stored;
  if (!e || !prefixed(e)) return value;
  const { batchId: _, ...rest } = e;
  return rest;
}

/** An entry as read: its `batchId` set again from its id (in place: a value read is this layer's own copy). */
function whole(value: unknown): unknown {
  const e = value as Stored | undefined;
  if (e && typeof e === 'object' && e.batchId === undefined && typeof e.id === 'string') {
    const dot = e.id.lastIndexOf(DOT);
    if (dot > 0) e.batchId = e.id.slice(0, dot);
  }
  return value;
}

/** A cursor whose `value` is read whole; everything else is the cursor's own (native getters on the cursor itself). */
function wholeCursor(cursor: DBCoreCursor): DBCoreCursor {
  return new Proxy(cursor, {
    get(target, prop) {
      if (prop === 'value') return whole(target.value);
      const v = Reflect.get(target, prop, target);
      // IndexedDB's own methods must be called on the cursor itself
      return typeof v === 'function' && !Object.hasOwn(target, prop) ? v.bind(target) : v;
    },
    set(target, prop, v) {
      return Reflect.set(target, prop, v, target);
    },
  });
}

function historyTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) =>
      req.type === 'add' || req.type === 'put'
        ? table.mutate({ ...req, values: req.values.map(stored) })
        : table.mutate(req),
    get: (req) => table.get(req).then(whole),
    getMany: (req) =>
      table.getMany(req).then((rows) => {
        for (const r of rows) whole(r);
        return rows;
      }),
    query: (req) =>
      table.query(req).then((res) => {
        if (req.values) for (const r of res.result) whole(r);
        return res;
      }),
    openCursor: (req) => table.openCursor(req).then((c) => (c && req.values !== false ? wholeCursor(c) : c)),
  };
}

export const historyIdsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'historyIds',
  level: -10,
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      return name === 'history' ? historyTable(table) : table;
    },
  }),
};
