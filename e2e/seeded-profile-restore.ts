import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';

/**
 * Restores a storage-state file's IndexedDB in the story's own pages, before the app opens its database.
 * Playwright's `storageState` restores it by opening an extra page in every new context, which cost a
 * fifth of a story (docs/PERFORMANCE.md, suite9b). Here an init script opens each database at the
 * profile's version and, only when that creates it (a fresh profile), writes every store, index and
 * record inside the versionchange transaction: IndexedDB queues the app's own open behind it, so the
 * app never sees a half-written database, and later loads and second tabs find it there and do nothing.
 */

/** Playwright's serialized form of a value that JSON cannot carry (`valueEncoded`, `keyEncoded`). */
type Encoded = unknown;
type StoredRecord = { key?: unknown; keyEncoded?: Encoded; value?: unknown; valueEncoded?: Encoded };
type StoredIndex = {
  name: string;
  keyPath?: string;
  keyPathArray?: string[];
  multiEntry: boolean;
  unique: boolean;
};
type StoredStore = {
  name: string;
  keyPath?: string;
  keyPathArray?: string[];
  autoIncrement: boolean;
  indexes: StoredIndex[];
  records: StoredRecord[];
};
type StoredDb = { name: string; version: number; stores: StoredStore[] };
type StoredOrigin = {
  origin: string;
  localStorage?: unknown[];
  indexedDB?: StoredDb[];
};
export type Seed = { origin: string; dbs: StoredDb[] };

/** The console line a failed restore writes; the fixture fails the story on it. */
export const SEED_FAILURE = 'e2e seed restore failed:';

const seeds = new Map<string, Seed>();

/**
 * Reads a storage-state file made by `context.storageState({ indexedDB: true })`. Only IndexedDB on
 * one origin is restored: a profile with cookies or localStorage is refused, not half restored.
 */
export function readSeed(file: string): Seed {
  const cached = seeds.get(file);
  if (cached) return cached;
  const state = JSON.parse(readFileSync(file, 'utf8')) as { cookies?: unknown[]; origins?: StoredOrigin[] };
  const origins = state.origins ?? [];
  if (state.cookies?.length || origins.length !== 1 || origins[0]!.localStorage?.length)
    throw new Error(
      `${file}: the seed restore handles IndexedDB on one origin only (cookies: ${state.cookies?.length ?? 0}, ` +
        `origins: ${origins.length}, localStorage: ${origins[0]?.localStorage?.length ?? 0})`,
    );
  const seed = { origin: origins[0]!.origin, dbs: origins[0]!.indexedDB ?? [] };
  if (seed.dbs.length === 0) throw new Error(`${file}: no IndexedDB database to restore`);
  seeds.set(file, seed);
  return seed;
}

/**
 * Runs in each page before its scripts. Self-contained (Playwright sends its source): the decoder is
 * Playwright's own `parseEvaluationResultValue` for the forms a stored value can take.
 */
export function restoreSeed({ origin, dbs, failure }: Seed & { failure: string }) {
  if (location.origin !== origin) return;
  const typed: Record<string, new (b: ArrayBuffer) => unknown> = {
    i8: Int8Array,
    ui8: Uint8Array,
    ui8c: Uint8ClampedArray,
    i16: Int16Array,
    ui16: Uint16Array,
    i32: Int32Array,
    ui32: Uint32Array,
    f32: Float32Array,
    f64: Float64Array,
    bi64: BigInt64Array,
    bui64: BigUint64Array,
  };
  const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
  const specials: Record<string, unknown> = {
    undefined: undefined,
    null: null,
    NaN: Number.NaN,
    Infinity: Number.POSITIVE_INFINITY,
    '-Infinity': Number.NEGATIVE_INFINITY,
    '-0': -0,
  };
  // biome-ignore lint/suspicious/noExplicitAny: Playwright's wire format, checked form by form below
  const decode = (e: any, refs: Map<number, unknown>): unknown => {
    if (e === null || typeof e !== 'object') return e; // strings, finite numbers, booleans travel as they are
    if ('ref' in e) return refs.get(e.ref);
    if ('v' in e) {
      if (!(e.v in specials)) throw new Error(`unknown special value ${e.v}`);
      return specials[e.v];
    }
    if ('d' in e) return new Date(e.d);
    if ('u' in e) return new URL(e.u);
    if ('bi' in e) return BigInt(e.bi);
    if ('r' in e) return new RegExp(e.r.p, e.r.f);
    if ('e' in e) return Object.assign(new Error(e.e.m), { name: e.e.n, stack: e.e.s });
    if ('ta' in e) {
      const Kind = typed[e.ta.k];
      if (!Kind) throw new Error(`unknown typed array kind ${e.ta.k}`);
      return new Kind(bytes(e.ta.b));
    }
    if ('ab' in e) return bytes(e.ab.b);
    if ('a' in e) {
      const out: unknown[] = [];
      refs.set(e.id, out);
      for (const item of e.a) out.push(decode(item, refs));
      return out;
    }
    if ('o' in e) {
      const out: Record<string, unknown> = {};
      refs.set(e.id, out);
      for (const { k, v } of e.o) if (k !== '__proto__') out[k] = decode(v, refs);
      return out;
    }
    if ('m' in e) {
      const out = new Map();
      refs.set(e.id, out);
      for (const { k, v } of e.m) out.set(decode(k, refs), decode(v, refs));
      return out;
    }
    if ('s' in e) {
      const out = new Set();
      refs.set(e.id, out);
      for (const item of e.s) out.add(decode(item, refs));
      return out;
    }
    throw new Error(`unknown encoded value ${JSON.stringify(e).slice(0, 80)}`);
  };
  const fail = (db: string, error: unknown) =>
    console.error(failure, db, error instanceof Error ? `${error.name}: ${error.message}` : String(error));

  for (const db of dbs) {
    const open = indexedDB.open(db.name, db.version);
    open.onupgradeneeded = (event) => {
      const tx = open.transaction!;
      // an older database of that name is no fresh profile: not this restore's to change
      if (event.oldVersion !== 0) return tx.abort();
      let reason: unknown;
      tx.onabort = () => fail(db.name, reason ?? tx.error ?? new Error('the restore was aborted'));
      try {
        for (const store of db.stores) {
          const os = open.result.createObjectStore(store.name, {
            keyPath: store.keyPathArray ?? store.keyPath,
            autoIncrement: store.autoIncrement,
          });
          for (const i of store.indexes)
            os.createIndex(i.name, i.keyPathArray ?? i.keyPath!, {
              multiEntry: i.multiEntry,
              unique: i.unique,
            });
          const inline = store.keyPathArray !== undefined || store.keyPath !== undefined;
          for (const r of store.records) {
            const value = 'valueEncoded' in r ? decode(r.valueEncoded, new Map()) : r.value;
            if (inline) os.add(value);
            else os.add(value, ('keyEncoded' in r ? decode(r.keyEncoded, new Map()) : r.key) as IDBValidKey);
          }
        }
      } catch (error) {
        reason = error;
        tx.abort();
      }
    };
    open.onsuccess = () => open.result.close();
    open.onerror = (event) => {
      // A newer database (a story upgraded it) is no fresh profile either; an abort is reported above.
      event.preventDefault();
      if (open.error?.name !== 'VersionError' && open.error?.name !== 'AbortError') fail(db.name, open.error);
    };
  }
}

/**
 * Makes every page of `context` start with the IndexedDB of the storage-state `file`, and returns a
 * check that throws if a restore failed (a silent failure would let the app run its first run instead).
 */
export async function seedContext(context: BrowserContext, file: string): Promise<() => void> {
  const seed = readSeed(file);
  const failures: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith(SEED_FAILURE)) failures.push(message.text());
  });
  await context.addInitScript(restoreSeed, { ...seed, failure: SEED_FAILURE });
  return () => {
    if (failures.length) throw new Error(`${file}: ${failures.join('; ')}`);
  };
}
