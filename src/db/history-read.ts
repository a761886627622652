/**
 * Every read of history, from both of its stores (schema version 15): single entries in `history`
 * (stored before version 15, pulled by sync, restored from a backup) and batch rows in
 * `historyBatches` (history-batches.ts). Callers see `HistoryEntry`s as they were written.
 *
 * Reads run in the current transaction when it holds history (the batch middleware adds the batch
 * store to any transaction over `history`), else in a read transaction of their own on `source`.
 * They go to IndexedDB directly: the batch store is not in Dexie's view of such a transaction.
 * Entries come without the batch-head mark a single row may carry (history-heads.ts).
 */
import { Dexie } from 'dexie';
import type { HistoryEntry, HistoryTable } from '@/core/model/types';
import { db } from './db';
import { BATCHES, batchRowOf, type HistoryBatchRow, idsInRow, rowRefOf } from './history-batches';
import { HEAD, withoutHead } from './history-heads';
import { keptEntries } from './written-batches';

const HISTORY = 'history';

/** An IndexedDB request as a Dexie promise: the transaction's later reads keep its zone. */
function asked<T>(request: IDBRequest<T>): Promise<T> {
  return new Dexie.Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

type Stores = Readonly<{ history: IDBObjectStore; batches: IDBObjectStore }>;

/** Where a read runs: a transaction over history (IndexedDB's), or a database to open one on. */
export type HistorySource = Dexie | IDBTransaction;

/**
 * Runs `read` over both stores: in `from` if a transaction, else in the current one when it has
 * them, else in one of its own. Answered as a Dexie promise: the caller's transaction keeps its zone.
 */
function inHistory<T>(read: (s: Stores) => Promise<T>, from: HistorySource = db): Promise<T> {
  const stores = (t: IDBTransaction) => ({
    history: t.objectStore(HISTORY),
    batches: t.objectStore(BATCHES),
  });
  const tx = Dexie.currentTransaction;
  const current = from instanceof Dexie ? (tx?.db === from ? tx.idbtrans : undefined) : from;
  if (current?.objectStoreNames.contains(BATCHES) && current.objectStoreNames.contains(HISTORY))
    return new Dexie.Promise<T>((resolve, reject) => read(stores(current)).then(resolve, reject));
  return (from as Dexie).transaction('r', [HISTORY, BATCHES], (tx) => read(stores(tx.idbtrans)));
}

const byId = (a: HistoryEntry, b: HistoryEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byTime = (a: HistoryEntry, b: HistoryEntry) => a.at - b.at || byId(a, b);

/** Single entries and batch rows' entries, one of each id (an id lives in one store; to be sure). */
function merged(singles: readonly HistoryEntry[], rows: readonly HistoryBatchRow[]): HistoryEntry[] {
  const seen = new Set(singles.map((e) => e.id));
  return [...singles.map(withoutHead), ...rows.flatMap((r) => r.entries.filter((e) => !seen.has(e.id)))];
}

const distinctRows = (lists: readonly HistoryBatchRow[][]) => [
  ...new Map(lists.flat().map((r) => [r.id, r])).values(),
];

/** The entries of these rows, by id. */
export function historyOfRows(
  keys: readonly (readonly [HistoryTable, string])[],
  source?: HistorySource,
): Promise<HistoryEntry[]> {
  if (keys.length === 0) return Dexie.Promise.resolve([]) as Promise<HistoryEntry[]>;
  return inHistory(async ({ history, batches }) => {
    const wanted = new Set(keys.map(([t, id]) => rowRefOf(t, id)));
    const [singles, rows] = await Dexie.Promise.all([
      Dexie.Promise.all(
        keys.map((k) => asked(history.index('[table+rowId]').getAll(IDBKeyRange.only([...k])))),
      ),
      Dexie.Promise.all([...wanted].map((ref) => asked(batches.index('r').getAll(IDBKeyRange.only(ref))))),
    ]);
    const entries = merged(singles.flat() as HistoryEntry[], distinctRows(rows as HistoryBatchRow[][]));
    return entries.filter((e) => wanted.has(rowRefOf(e.table, e.rowId))).sort(byId);
  }, source);
}

/** The history of one row, oldest first. */
export async function historyOfRow(
  table: HistoryTable,
  rowId: string,
  source?: HistorySource,
): Promise<HistoryEntry[]> {
  return (await historyOfRows([[table, rowId]], source)).sort(byTime);
}

/** Which of these rows have any history (`table␁rowId` refs, history-batches.ts `rowRefOf`): keys only. */
export function rowsWithHistory(
  keys: readonly (readonly [HistoryTable, string])[],
  source?: HistorySource,
): Promise<Set<string>> {
  return inHistory(async ({ history, batches }) => {
    const [singles, inRows] = await Dexie.Promise.all([
      Dexie.Promise.all(
        keys.map(([t, id]) => asked(history.index('[table+rowId]').count(IDBKeyRange.only([t, id])))),
      ),
      Dexie.Promise.all(
        keys.map(([t, id]) => asked(batches.index('r').count(IDBKeyRange.only(rowRefOf(t, id))))),
      ),
    ]);
    const counts = singles.map((n, i) => n + inRows[i]!);
    return new Set(keys.flatMap(([t, id], i) => (counts[i]! > 0 ? [rowRefOf(t, id)] : [])));
  }, source);
}

/** `read` of both stores' `batchId` index. */
const ofBatch = <T>(stores: readonly IDBObjectStore[], read: (index: IDBIndex) => IDBRequest<T>) =>
  Dexie.Promise.all(stores.map((store) => asked(read(store.index('batchId')))));

/** The entries of one batch (one user action), in the order they were made. */
export function historyOfBatch(batchId: string, source?: HistorySource): Promise<HistoryEntry[]> {
  return inHistory(async ({ history, batches }) => {
    const [singles, rows] = await ofBatch([history, batches], (index) =>
      index.getAll(IDBKeyRange.only(batchId)),
    );
    return merged(singles as HistoryEntry[], rows as HistoryBatchRow[]).sort(byId);
  }, source);
}

/** The ids of one batch's entries, ascending, read as keys only. */
export function batchEntryIds(batchId: string, source?: HistorySource): Promise<string[]> {
  return inHistory(async ({ history, batches }) => {
    const [singles, rows] = await ofBatch([history, batches], (index) =>
      index.getAllKeys(IDBKeyRange.only(batchId)),
    );
    const ids = new Set([...(singles as string[]), ...(rows as string[]).flatMap(idsInRow)]);
    return [...ids].sort();
  }, source);
}

/** The entries with these ids, in their order (undefined where none). */
export function historyByIds(
  ids: readonly string[],
  source?: HistorySource,
): Promise<(HistoryEntry | undefined)[]> {
  if (ids.length === 0) return Dexie.Promise.resolve([]) as Promise<(HistoryEntry | undefined)[]>;
  return inHistory(async ({ history, batches }) => {
    const singles = (await Dexie.Promise.all(ids.map((id) => asked(history.get(id))))) as (
      | HistoryEntry
      | undefined
    )[];
    const rowKeys = [...new Set(ids.flatMap((id, i) => (singles[i] ? [] : [batchRowOf(id) ?? []].flat())))];
    const rows = (await Dexie.Promise.all(rowKeys.map((k) => asked(batches.get(k))))) as (
      | HistoryBatchRow
      | undefined
    )[];
    const inRows = new Map(rows.flatMap((r) => r?.entries.map((e) => [e.id as string, e] as const) ?? []));
    return ids.map((id, i) => (singles[i] ? withoutHead(singles[i]!) : inRows.get(id)));
  }, source);
}

type IndexWithRecords = IDBIndex & {
  getAllRecords?: (o: {
    query: IDBKeyRange | null;
    count?: number;
    direction: IDBCursorDirection;
  }) => IDBRequest<{ key: IDBValidKey; primaryKey: IDBValidKey; value: unknown }[]>;
};

/** The last `count` records of an index at or above `floor`, newest first: one request where the browser can. */
function newestOf(index: IndexWithRecords, floor: string | undefined, count: number): Promise<unknown[]> {
  const query = floor === undefined ? null : IDBKeyRange.lowerBound(floor);
  if (typeof index.getAllRecords === 'function')
    return asked(index.getAllRecords({ query, count, direction: 'prev' })).then((rs) =>
      rs.map((r) => r.value),
    );
  const out: unknown[] = [];
  const cursor = index.openCursor(query, 'prev');
  return new Dexie.Promise<unknown[]>((resolve, reject) => {
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c || out.length >= count) return resolve(out);
      out.push(c.value);
      c.continue();
    };
    cursor.onerror = () => reject(cursor.error);
  });
}

/**
 * The head entries (history-heads.ts) of the newest `count` batch heads at or above `floor`, newest
 * first (batch id, then entry id, descending). A head is always a single row: a batch row holds a
 * request's entries after its first (history-batches.ts).
 */
export function newestHeads(
  floor: string | undefined,
  count: number,
  source?: HistorySource,
): Promise<HistoryEntry[]> {
  return inHistory(
    async ({ history }) =>
      (await newestOf(history.index(HEAD) as IndexWithRecords, floor, count)) as HistoryEntry[],
    source,
  );
}

/** How many entries history holds (batch rows' counted by their keys). */
export function countHistory(source?: HistorySource): Promise<number> {
  return inHistory(async ({ history, batches }) => {
    const [singles, rows] = await Dexie.Promise.all([asked(history.count()), asked(batches.getAllKeys())]);
    return (rows as string[]).reduce((n, r) => n + idsInRow(r).length, singles);
  }, source);
}

/** Every entry id, ascending (batch rows' derived from their keys). */
export function historyIds(source?: HistorySource): Promise<string[]> {
  return inHistory(async ({ history, batches }) => {
    const [singles, rows] = await Dexie.Promise.all([
      asked(history.getAllKeys()),
      asked(batches.getAllKeys()),
    ]);
    const ids = (rows as string[]).flatMap(idsInRow);
    return [...new Set([...(singles as string[]), ...ids])].sort();
  }, source);
}

/** Batch rows read a page at a time: each holds up to a whole batch. */
const ROWS_A_PAGE = 4;

/**
 * Every entry in id order, handed to `onPage` `pageSize` at a time (the last page may be shorter),
 * reading a page of each store at a time.
 */
export function eachHistoryPage(
  pageSize: number,
  onPage: (page: HistoryEntry[]) => void,
  source?: HistorySource,
): Promise<void> {
  return inHistory(async ({ history, batches }) => {
    let singles: HistoryEntry[] = [];
    let inRows: HistoryEntry[] = [];
    let lastSingle: string | null = null;
    let lastRow: string | null = null;
    let singlesDone = false;
    let rowsDone = false;
    const page: HistoryEntry[] = [];
    for (;;) {
      if (singles.length === 0 && !singlesDone) {
        const range = lastSingle === null ? null : IDBKeyRange.lowerBound(lastSingle, true);
        singles = ((await asked(history.getAll(range, pageSize))) as HistoryEntry[]).map(withoutHead);
        singlesDone = singles.length < pageSize;
        if (singles.length > 0) lastSingle = singles[singles.length - 1]!.id;
      }
      if (inRows.length === 0 && !rowsDone) {
        const range = lastRow === null ? null : IDBKeyRange.lowerBound(lastRow, true);
        const rows = (await asked(batches.getAll(range, ROWS_A_PAGE))) as HistoryBatchRow[];
        rowsDone = rows.length < ROWS_A_PAGE;
        if (rows.length > 0) lastRow = rows[rows.length - 1]!.id;
        inRows = rows.flatMap((r) => [...r.entries].sort(byId));
      }
      if (singles.length === 0 && inRows.length === 0) break;
      // take from the front of whichever holds the lower id, up to where the other's front is
      let taken: HistoryEntry[];
      if (inRows.length === 0 || (singles.length > 0 && singles[0]!.id <= inRows[0]!.id)) {
        const until = inRows[0]?.id;
        const n = until === undefined ? singles.length : countBelow(singles, until);
        taken = singles.splice(0, Math.max(n, 1));
        if (until !== undefined && taken[taken.length - 1]!.id === until) inRows.shift();
      } else {
        const until = singles[0]?.id;
        const n = until === undefined ? inRows.length : countBelow(inRows, until, true);
        taken = inRows.splice(0, n);
      }
      page.push(...taken);
      while (page.length >= pageSize) onPage(page.splice(0, pageSize));
    }
    if (page.length > 0) onPage(page);
  }, source);
}

/** How many of `sorted` (ascending ids) are at or below `id` (below, if `strict`). */
function countBelow(sorted: readonly HistoryEntry[], id: string, strict = false): number {
  let n = 0;
  while (n < sorted.length && (strict ? sorted[n]!.id < id : sorted[n]!.id <= id)) n++;
  return n;
}

/**
 * The entries of one batch (one user action), in the order they were made: the ones this tab kept
 * when the stored batch is still what it wrote (its ids read as keys, not its entries), else read;
 * in `from` when given (a transaction).
 */
export async function entriesOfBatch(batchId: string, from?: HistorySource): Promise<HistoryEntry[]> {
  const mine = keptEntries(batchId);
  if (mine) {
    const stored = await batchEntryIds(batchId, from);
    if (stored.length === mine.length && stored.every((id, i) => id === mine[i]!.id)) return [...mine];
  }
  return historyOfBatch(batchId, from);
}
