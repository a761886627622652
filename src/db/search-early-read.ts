/**
 * The search worker's first read of the saved index, with IndexedDB's own API, asked the moment the
 * worker starts: its script (`src/workers/search.worker.ts`) is this module and a dynamic import of
 * the rest (Dexie, MiniSearch, the index code: some 170 kB, 50–85 ms to load and run at 100,000
 * claims' bench), so the saved row (11 MB, ~100 ms to read) is read while that code loads, not
 * after it. `search.ts` takes the rows once (`takeEarlySavedRead`) and checks, through Dexie once
 * it is open, that the clock row is still the one read here (a save or a clear since then: read again).
 *
 * Imports nothing at run time (a type only): it is the whole of the worker's first chunk.
 */
import type { SearchIndexRow } from './db';

/** The saved index's row and its clock row (`search.ts`), as `searchIndex` rows. */
export const SAVED_INDEX_KEY = 'claims';
export const SAVED_CLOCK_KEY = 'claimsClock';

/**
 * What the early read found: the two rows (either may be missing) and the stored index's bytes
 * being read (formats 4 and 5), or null when it could not read.
 */
export type EarlySavedRead = {
  row: SearchIndexRow | undefined;
  clock: SearchIndexRow | undefined;
  bytes: Promise<ArrayBuffer> | null;
} | null;

let early: Promise<EarlySavedRead> | null = null;
/** How long the worker's code waits for the rows to be asked for at most. */
const ASK_WAIT_MS = 250;
/** The early read's own time, from its open to its rows (ms; for the benchmark), and the row's value's making. */
let readMs = 0;
let valueMs = 0;
/** The version of the database as the early read opened it (IndexedDB's numbering), when it did. */
let openedVersion: number | null = null;
/** When (this thread's clock) the rows were asked for and the stored index's bytes were in (for the benchmark). */
const times = { asked: 0, bytes: 0 };

/**
 * Reads the saved index's rows from database `name` as it is (no version asked: no upgrade here; a
 * database that does not exist yet is not created). The connection closes once read, and at once if
 * another connection asks for an upgrade meanwhile. Resolves once the rows are asked for (or the
 * read given up): the worker loads its code from then, its thread being free to open the database
 * and ask until then (with the code's load first, the open's answer waited for all of it).
 */
export function readSavedIndexEarly(name: string): Promise<void> {
  const started = performance.now();
  let asked: () => void = () => {};
  const reading = new Promise<void>((resolve) => {
    asked = resolve;
    // an open that waits (another connection's upgrade under way, or one blocked) holds the code no longer
    setTimeout(resolve, ASK_WAIT_MS);
  });
  early = new Promise<EarlySavedRead>((done) => {
    const resolve = (read: EarlySavedRead) => {
      asked();
      done(read);
    };
    let open: IDBOpenDBRequest;
    try {
      open = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    // no database of that name: creating it here (an empty version 1) would stand in Dexie's way
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = (e) => {
      e.preventDefault();
      resolve(null);
    };
    open.onsuccess = () => {
      const idb = open.result;
      openedVersion = idb.version;
      idb.onversionchange = () => idb.close();
      try {
        const tx = idb.transaction('searchIndex', 'readonly');
        const store = tx.objectStore('searchIndex');
        const row = store.get(SAVED_INDEX_KEY);
        const clock = store.get(SAVED_CLOCK_KEY);
        times.asked = performance.now();
        asked();
        tx.oncomplete = () => {
          const read = performance.now();
          readMs = Math.round(read - started);
          idb.close();
          // the row's value is made here, on this thread, from the browser's copy
          const value = row.result as SearchIndexRow | undefined;
          valueMs = Math.round(performance.now() - read);
          // a stored index's bytes (its arrays in a Blob, whatever its format) asked for now, read while the code loads
          const packed = value?.packed;
          const bytes =
            packed && 'data' in packed && packed.data instanceof Blob ? packed.data.arrayBuffer() : null;
          bytes?.then(
            () => {
              times.bytes = performance.now();
            },
            () => {},
          );
          resolve({ row: value, clock: clock.result as SearchIndexRow | undefined, bytes });
        };
        tx.onabort = () => {
          idb.close();
          resolve(null);
        };
      } catch {
        // no such store (a database of an older schema): Dexie's upgrade comes first
        idb.close();
        resolve(null);
      }
    };
  });
  return reading;
}

export const earlySavedReadMs = () => ({ readMs, valueMs, ...times });

/** The database's version as the early read found it (IndexedDB's numbering), or null (none, or not read). */
export const earlyOpenedVersion = (): number | null => openedVersion;

/** The early read, once (the first load of the index takes it; later loads read through Dexie). */
export function takeEarlySavedRead(): Promise<EarlySavedRead> | null {
  const taken = early;
  early = null;
  return taken;
}
