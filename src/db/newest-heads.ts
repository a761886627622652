/**
 * The newest batch heads (history-heads.ts) in one request: `getAllRecords` of the `hd` index
 * backwards, where the browser has it (Chromium 141+), instead of a cursor walk of up to
 * `UNDO_WINDOW` steps, each a request and a task on this thread, after every write (bulk24: the
 * walk ran 80–1,900 ms beside the Claims page's first read after a bulk verdict).
 */
import { Dexie } from 'dexie';
import type { HistoryEntry } from '@/core/model/types';
import { HEAD } from './history-heads';

type IndexWithRecords = IDBIndex & {
  getAllRecords?: (o: {
    query: IDBKeyRange | null;
    count?: number;
    direction: IDBCursorDirection;
  }) => IDBRequest<{ key: IDBValidKey; primaryKey: IDBValidKey; value: unknown }[]>;
};

/**
 * The head entries of the newest `count` index entries at or above `floor`, newest first (index
 * key, then id, descending: a cursor walk's order), read in `idb`; null without a transaction or
 * where the browser has no `getAllRecords` (the caller walks a cursor).
 */
export function newestHeads(
  idb: IDBTransaction | undefined,
  floor: string | undefined,
  count: number,
): Promise<HistoryEntry[]> | null {
  if (!idb) return null;
  const index = idb.objectStore('history').index(HEAD) as IndexWithRecords;
  if (typeof index.getAllRecords !== 'function') return null;
  const request = index.getAllRecords({
    query: floor === undefined ? null : IDBKeyRange.lowerBound(floor),
    count,
    direction: 'prev',
  });
  // a Dexie promise, as a table's own read gives: the transaction's later reads keep its zone
  return new Dexie.Promise<HistoryEntry[]>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result.map((r) => r.value as HistoryEntry));
    request.onerror = () => reject(request.error);
  });
}
