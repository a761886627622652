/**
 * The saved search index's row read straight from IndexedDB, with no Dexie and none of the data
 * layer's code, so the search worker can start this read the moment it starts: the read (about
 * 10 MB at 100,000 claims) then runs while the rest of the worker's code loads and Dexie opens,
 * instead of after them. Imports nothing at run time (the worker's first chunk stays small).
 */
import type { SearchIndexRow } from './db';

/** `schema.ts`'s DB_NAME and the `searchIndex` row `search.ts` saves (not imported: see above). */
const DB_NAME = 'claimdesk';
const STORE = 'searchIndex';
const KEY = 'claims';

/**
 * The saved row, or undefined (no database, no row, a store this version lacks, or any failure: the
 * caller then reads through Dexie as before). The connection is closed as soon as the read is done,
 * and at once if another connection asks to upgrade.
 */
export function readSavedSearchIndex(): Promise<SearchIndexRow | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB_NAME);
    } catch {
      return resolve(undefined);
    }
    // no database yet: this open would create an empty one; aborting leaves none, for the app to make
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(undefined);
    request.onsuccess = () => {
      const idb = request.result;
      idb.onversionchange = () => idb.close();
      try {
        const get = idb.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
        get.onsuccess = () => {
          idb.close();
          resolve(get.result as SearchIndexRow | undefined);
        };
        get.onerror = () => {
          idb.close();
          resolve(undefined);
        };
      } catch {
        idb.close();
        resolve(undefined);
      }
    };
  });
}
