/**
 * npx tsx bench/idb-keys.ts [--rows 10000 --runs 2] [--durability]
 *
 * What a multi-entry index entry costs raw IndexedDB in Debian's Chromium (headless, a fresh
 * profile on disk): `rows` rows of about a facet row's size are written in transactions of 2,000
 * rows, each with `count` index keys of `length` characters (distinct, ending in the row's id, as
 * the claims lists' keys do). Each layout is written to a fresh database, twice, and the faster
 * run kept. The claims lists' key layout (src/db/derived/facets.ts) is chosen on these numbers.
 *
 * `--durability` (bulk22) times instead what a transaction's durability costs: `runs` rounds of
 * 50 transactions of one row each and of one transaction of 3,000 rows (a bulk verdict's count), each
 * round every durability in turn (the browser's default, as Dexie opens the app's; `relaxed`;
 * `strict`), the first in turn rotating. A strict commit waits for the disk's flush; a default
 * that costs what relaxed does, and less than strict, is relaxed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBench } from './lib/profile';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const ROWS = arg('rows', 10_000);
const RUNS = arg('runs', 2);

/** [count, length] of the index keys per row. */
const LAYOUTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [6, 40],
  [6, 80],
  [9, 40],
  [9, 80],
  [12, 40],
  [12, 80],
  [12, 120],
  [18, 80],
];

type Durability = 'default' | 'relaxed' | 'strict';

/** `--durability`: ms per round of each shape and durability, printed as lists and medians. */
async function durabilities(page: import('@playwright/test').Page) {
  const modes: Durability[] = ['default', 'relaxed', 'strict'];
  const taken = new Map<string, number[]>();
  for (let round = 0; round < RUNS; round++) {
    for (let m = 0; m < modes.length; m++) {
      const durability = modes[(m + round) % modes.length]!;
      const ms = await page.evaluate(
        async ({ durability, name }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const req = indexedDB.open(name, 1);
            req.onupgradeneeded = () => req.result.createObjectStore('rows', { keyPath: 'id' });
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          const body = 'x'.repeat(1_000);
          const write = (from: number, count: number) =>
            new Promise<void>((resolve, reject) => {
              const tx = db.transaction(
                'rows',
                'readwrite',
                durability === 'default' ? {} : { durability: durability as IDBTransactionDurability },
              );
              const store = tx.objectStore('rows');
              for (let i = from; i < from + count; i++) store.put({ id: i, body, at: Date.now() });
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            });
          await write(0, 3_000); // the rows exist: each timed write overwrites, as an edit does
          let t = performance.now();
          for (let i = 0; i < 50; i++) await write(i, 1);
          const small = performance.now() - t;
          t = performance.now();
          await write(0, 3_000);
          const large = performance.now() - t;
          db.close();
          await new Promise((r) => {
            const del = indexedDB.deleteDatabase(name);
            del.onsuccess = del.onerror = r;
          });
          return { small, large };
        },
        { durability, name: `durability-${durability}-${round}` },
      );
      for (const [shape, v] of [
        ['50 transactions of 1 row', ms.small],
        ['1 transaction of 3,000 rows', ms.large],
      ] as const)
        taken.set(`${shape}, ${durability}`, [
          ...(taken.get(`${shape}, ${durability}`) ?? []),
          Math.round(v),
        ]);
    }
  }
  for (const [name, ms] of taken) {
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(`${name}: median ${sorted[Math.floor(sorted.length / 2)]} ms (${ms.join(', ')})`);
  }
}

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'idb-keys-'));
  const context = await launchBench(profile);
  try {
    const page = await context.newPage();
    await page.route('http://idb-keys.bench/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>idb keys</title>' }),
    );
    await page.goto('http://idb-keys.bench/');
    // tsx names inner functions with an `__name` helper the page does not have
    await page.evaluate('globalThis.__name = (f) => f');
    console.log(
      `rows ${ROWS}, load ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
    if (process.argv.includes('--durability')) {
      await durabilities(page);
      console.log(
        `load after ${loadavg()
          .map((n) => n.toFixed(1))
          .join(' ')}`,
      );
      return;
    }
    const results: { count: number; length: number; ms: number; perEntryUs: number }[] = [];
    for (const [count, length] of LAYOUTS) {
      let best = Number.POSITIVE_INFINITY;
      for (let run = 0; run < RUNS; run++) {
        const ms = await page.evaluate(
          async ({ rows, count, length, name }) => {
            const open = () =>
              new Promise<IDBDatabase>((resolve, reject) => {
                const req = indexedDB.open(name, 1);
                req.onupgradeneeded = () => {
                  const store = req.result.createObjectStore('rows', { keyPath: 'id' });
                  store.createIndex('k', 'k', { multiEntry: true });
                };
                req.onsuccess = () => resolve(req.result);
                req.onerror = () => reject(req.error);
              });
            const db = await open();
            const body = 'x'.repeat(300);
            const make = (i: number) => {
              const id = `0190f2a4-7b1c-7d2e-8f3a-${String(i).padStart(12, '0')}`;
              const k: string[] = [];
              for (let j = 0; j < count; j++) {
                const head = `g${j}\u0001`;
                k.push(`${head}${'p'.repeat(Math.max(0, length - head.length - id.length - 1))}\u0001${id}`);
              }
              return { id, body, k };
            };
            const t0 = performance.now();
            for (let from = 0; from < rows; from += 2_000) {
              await new Promise<void>((resolve, reject) => {
                const tx = db.transaction('rows', 'readwrite', { durability: 'relaxed' });
                const store = tx.objectStore('rows');
                for (let i = from; i < Math.min(rows, from + 2_000); i++) store.put(make(i));
                tx.oncomplete = () => resolve();
                tx.onerror = () => reject(tx.error);
              });
            }
            const ms = performance.now() - t0;
            db.close();
            await new Promise((r) => {
              const del = indexedDB.deleteDatabase(name);
              del.onsuccess = r;
              del.onerror = r;
            });
            return ms;
          },
          { rows: ROWS, count, length, name: `keys-${count}-${length}-${run}` },
        );
        best = Math.min(best, ms);
      }
      results.push({ count, length, ms: best, perEntryUs: 0 });
    }
    const base = results[0]!.ms;
    for (const r of results) {
      r.perEntryUs = r.count === 0 ? 0 : ((r.ms - base) * 1_000) / (ROWS * r.count);
      console.log(
        `${String(r.count).padStart(3)} keys × ${String(r.length).padStart(3)} chars: ${Math.round(r.ms)} ms (${Math.round((ROWS / r.ms) * 1_000)} rows/s; ${r.perEntryUs.toFixed(1)} µs per index entry above no index)`,
      );
    }
    console.log(
      `load after ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
