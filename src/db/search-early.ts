/**
 * The saved search index's row, read with IndexedDB's own API the moment the search worker starts,
 * before its code (Dexie, MiniSearch, the data layer: about 40 ms to load at start) has loaded: the
 * read (about 100 ms at 100,000 claims) and the code's load then overlap. `search.ts` takes the row
 * from here when it loads its index (`takeEarlySavedRow`); anywhere else there is none.
 *
 * The read never creates, upgrades or holds the database: a database that does not exist yet is
 * not made (its creation is aborted), one that another connection wants to upgrade is let go, and
 * the connection closes once the row is read. Any failure answers `undefined`: the index is then
 * read through Dexie as before.
 */
import type { SearchIndexRow } from './db';

let early: { dbName: string; key: string; row: Promise<SearchIndexRow | undefined> } | null = null;

function readRow(dbName: string, key: string): Promise<SearchIndexRow | undefined> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = indexedDB.open(dbName);
    } catch {
      resolve(undefined);
      return;
    }
    // no database yet: not created here (Dexie creates it with its schema)
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(undefined);
    open.onblocked = () => resolve(undefined);
    open.onsuccess = () => {
      const idb = open.result;
      idb.onversionchange = () => idb.close();
      try {
        if (!idb.objectStoreNames.contains('searchIndex')) {
          idb.close();
          resolve(undefined);
          return;
        }
        const tx = idb.transaction('searchIndex', 'readonly');
        const get = tx.objectStore('searchIndex').get(key);
        get.onsuccess = () => resolve(get.result as SearchIndexRow | undefined);
        tx.oncomplete = () => idb.close();
        tx.onabort = () => {
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

/** Starts reading the saved index's row (`key`) of database `dbName` (the search worker's first act). */
export function readSavedRowEarly(dbName: string, key: string): void {
  if (typeof indexedDB === 'undefined') return;
  early = { dbName, key, row: readRow(dbName, key) };
}

/**
 * The row read early, once, if it was this database's and key's (null: none was started; the
 * promise's undefined: no row, or not read).
 */
export function takeEarlySavedRow(dbName: string, key: string): Promise<SearchIndexRow | undefined> | null {
  const taken = early;
  early = null;
  return taken && taken.dbName === dbName && taken.key === key ? taken.row : null;
}
