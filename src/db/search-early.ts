/**
 * The saved search index's row read with IndexedDB alone, before Dexie and the rest of the search
 * worker's code are loaded: the worker starts this first (its entry is only this), so the read of
 * the ~10 MB row runs while the worker's own chunk (Dexie, MiniSearch, the data layer: about 160 kB)
 * is fetched, compiled and run, instead of after it (search14, docs/PERFORMANCE.md). Nothing here
 * imports Dexie: this module is all the worker's first chunk holds besides its entry.
 *
 * It never creates or changes the database: opened without a version, an open that would create it
 * (no database yet) is aborted in its upgrade, and a connection another tab's upgrade asks to close
 * is closed. The row is returned as Dexie would read it (the `searchIndex` table has no hooks).
 */

/** What the early read found: the row, no row (`undefined`), or nothing usable (`null`: read it the usual way). */
export type EarlyRead = Promise<unknown>;

/** The `searchIndex` table's name in IndexedDB. */
const STORE = 'searchIndex';
/** The saved claims index's key in it. */
export const SAVED_CLAIMS_INDEX = 'claims';

/** Reads the saved claims index row of database `name`; `null` when that cannot be done here. */
export function readSavedIndexEarly(name: string): EarlyRead {
  return new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') {
      resolve(null);
      return;
    }
    let open: IDBOpenDBRequest;
    try {
      open = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    // no database yet: this open would create an empty one at version 1; Dexie creates it instead
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = (e) => {
      e.preventDefault(); // an aborted creation is expected, not an error to report
      resolve(null);
    };
    open.onsuccess = () => {
      const idb = open.result;
      idb.onversionchange = () => idb.close();
      try {
        if (!idb.objectStoreNames.contains(STORE)) {
          idb.close();
          resolve(null);
          return;
        }
        const get = idb.transaction(STORE, 'readonly').objectStore(STORE).get(SAVED_CLAIMS_INDEX);
        get.onsuccess = () => {
          idb.close();
          resolve(get.result);
        };
        get.onerror = (e) => {
          e.preventDefault();
          idb.close();
          resolve(null);
        };
      } catch {
        idb.close();
        resolve(null);
      }
    };
  });
}
