/** The app's IndexedDB without Dexie, for benchmarks that time or seed the stores directly. */
import { db } from '@/db/db';

/** The app's own database, opened raw (its stores and indexes as the app made them). */
export function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(db.name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** A new raw database of this name with the app's stores and indexes (for same-rows comparisons). */
export async function openRawCopy(name: string): Promise<IDBDatabase> {
  await new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = resolve;
  });
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const t of db.tables) {
        const store = req.result.createObjectStore(t.name, { keyPath: t.schema.primKey.keyPath as string });
        for (const ix of t.schema.indexes)
          store.createIndex(ix.name, ix.keyPath as string | string[], {
            unique: !!ix.unique,
            multiEntry: !!ix.multi,
          });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
