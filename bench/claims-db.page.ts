/**
 * The claims-database benchmark, run inside a real browser page (bench/claims-db.ts drives it in
 * Chromium). Seeds N claims across M articles into the app's own Dexie database (through the
 * derived-rows middleware, as every write), then times exactly what the screens call: the Claims
 * table's ids + first rows per filter, the read model's first page, counts, the library, search,
 * edits, bulk edits and undo, and the app's import path against raw IndexedDB writing the same rows.
 */
import './lib/app-start';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { Extraction } from '@/core/extract/types';
import type { Claim, ClaimId, HistoryId, Verdict } from '@/core/model/types';
import type { ClaimFilters } from '@/core/review/filters';
import { prepareImport, writePreparedImport } from '@/db/articles';
import { claimIdsPage, claimRows, countClaims, listClaimPage, listTableClaims } from '@/db/claim-list';
import { setClaimsVerdict, setClaimVerdict } from '@/db/claims';
import { db } from '@/db/db';
import { type FacetRow, isVolatile, SEP, type SortCode } from '@/db/derived/facets';
import { newId } from '@/db/ids';
import { invalidateOnWrite } from '@/db/live';
import { articleQueries, claimQueries, historyQueries } from '@/db/queries';
import {
  type ClaimSearchStats,
  claimSearchStats,
  searchClaims,
  searchWorkerStats,
  warmClaimSearch,
} from '@/db/search';
import { undo } from '@/db/undo';
import { listReadShapes } from './claims-db-list-shapes';
import { openRaw, openRawCopy } from './lib/raw-idb';
import { randomStream, seedLibrary, WORDS } from './lib/seed-library';
import { indexSetsBreakdown, shapesBreakdown } from './write-shapes';

type Options = {
  claims: number;
  articles: number;
  runs: number;
  vocab: number;
  only?: string;
  /** The profile already holds this library (bench/claims-db.ts `--profile`): no seeding. */
  seeded?: boolean;
  /** Only the filters whose label contains this, or one of its `|`-separated parts (`--filter`): their reads alone, no library or search. */
  filter?: string;
  /** `--detail`: also the bulk edit's candidate layouts (raw, a scratch database) and one bulk edit traced request by request. */
  detail?: boolean;
  /** `--cpu-profile` (with `detail`): the traced bulk verdict and undo each in a CPU profile (`window.benchCpuProfile`). */
  cpuProfile?: boolean;
  /** `--only import`: the import rounds counted (`--rounds`), articles a round (`--import-articles`) and claims an article (`--import-claims`). */
  rounds?: number;
  importArticles?: number;
  importClaims?: number;
};
/** Set from `Options.detail` for the run: the diagnostics that are not budget figures. */
let detail = false;
/** Set from `Options.cpuProfile`. */
let cpuProfile = false;
/** Set from `Options.only`. */
let only = 'all';
type Timing = {
  name: string;
  ms: number[];
  median: number;
  budget: number | null;
  unit?: string;
  better?: 'lower' | 'higher';
};

/** The import path's input sentences (its own stream: the library's is the seeder's). */
const { rand, pick } = randomStream(7);
function sentence(i: number): string {
  const words = Array.from({ length: 3 + Math.floor(rand() * 9) }, () => pick(WORDS));
  return `${words.join(' ')} rose by ${Math.floor(rand() * 900) + 10} per cent since ${2000 + (i % 24)}.`;
}

async function seedDb(opts: Options, log: (s: string) => void): Promise<number> {
  const seeded = await seedLibrary({
    claims: opts.claims,
    articles: opts.articles,
    vocab: opts.vocab,
    notes: (r) => (r.rand() < 0.05 ? `check with ${r.pick(WORDS)} desk` : ''),
    log,
  });
  return seeded.seedMs;
}

async function time(
  name: string,
  runs: number,
  fn: (i: number) => Promise<unknown>,
  budget: number | null = null,
  /** `fn` returns its own time (ms): what it does after the timed part is not counted. */
  timesItself = false,
) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const own = await fn(i);
    const took = timesItself && typeof own === 'number' ? own : performance.now() - t;
    ms.push(Math.round(took * 10) / 10);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(`${name}: ${ms.join(', ')} ms`);
  return { name, ms, median: sorted[Math.floor(sorted.length / 2)]!, budget };
}

/**
 * What the Claims table does for a filter: its count (height, header) and its first page of 100 rows,
 * each with its speaker's name and article's title (as the table's pages read them).
 */
function tableFirstPage(f: Partial<ClaimFilters>) {
  return Promise.all([countClaims(f), listTableClaims(f, { offset: 0, limit: 100 })]);
}

/** An extraction of `claims` sentences for the import path (4 speakers). */
function importInput(a: number, claims: number): { text: string; extraction: Extraction } {
  const sentences = Array.from({ length: claims }, (_, i) => `${sentence(i)} (${a}-${i})`);
  const text = sentences.join(' ');
  let offset = 0;
  return {
    text,
    extraction: {
      version: 'bench',
      boilerplate: [],
      speakers: [0, 1, 2, 3].map((s) => ({
        id: `s${s}`,
        name: `Import speaker ${a % 50}-${s}`,
        type: 'person',
        role: null,
        aliases: [],
      })),
      claims: sentences.map((t, i) => {
        const start = offset;
        offset += t.length + 1;
        return {
          id: `c${i}`,
          text: t,
          start,
          end: start + t.length,
          kind: 'direct' as const,
          speakerId: `s${i % 4}`,
          speakerMention: null,
          cue: null,
          confidence: 0.9,
          checkworthy: { score: 0.5, signals: ['number'] },
        };
      }),
    } as Extraction,
  };
}

/** The writes one import round's app path asked for, transaction by transaction: each a list of [store, request, row]. */
type ImportRows = (readonly [string, 'put' | 'add', unknown])[][];

/**
 * Records every `put` and `add` the page asks of IndexedDB while `recordingTo` is set, grouped by
 * transaction in the order asked (the rows as the app handed them over: no copy, no read back).
 */
let recordingTo: Map<IDBTransaction, (readonly [string, 'put' | 'add', unknown])[]> | null = null;
let recorderInstalled = false;
function installRecorder() {
  if (recorderInstalled) return;
  recorderInstalled = true;
  for (const name of ['put', 'add'] as const) {
    const orig = IDBObjectStore.prototype[name];
    IDBObjectStore.prototype[name] = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const log = recordingTo;
      if (log !== null) {
        let writes = log.get(this.transaction);
        if (writes === undefined) {
          writes = [];
          log.set(this.transaction, writes);
        }
        writes.push([this.name, name, value]);
      }
      return orig.call(this, value, key);
    };
  }
}

/** What an import's rows are keyed by: its text's hash (unique), an article's and a speaker's id (content-derived; a claim's contains its article's), history's UUIDs. */
const IMPORT_ID =
  /[0-9a-f]{64}|(?:art|spk)-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const randomHex = (n: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(n / 2)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The same rows under new ids (every article, speaker and history id in them, and so every claim id
 * and facet key built from those, replaced by a new one of the same shape), so that they can be
 * written again into the library that holds the originals: the same requests, rows of the same
 * sizes, new keys where the app added new keys (a summary row of the whole library keeps its id).
 */
function rekeyed(rows: ImportRows): ImportRows {
  const ids = new Map<string, string>();
  const swap = (s: string) =>
    s.replace(IMPORT_ID, (id) => {
      let to = ids.get(id);
      if (to === undefined) {
        // an `art-`/`spk-` id is 36 characters too: tested first, so it stays one (a UUID there made
        // claim ids of a shape the app's imports never make)
        to =
          id.length === 64
            ? randomHex(64)
            : /^(art|spk)-/.test(id)
              ? `${id.slice(0, 4)}${randomHex(32)}`
              : newId();
        ids.set(id, to);
      }
      return to;
    });
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return swap(v);
    if (Array.isArray(v)) return v.map(copy);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [swap(k), copy(x)]));
    return v;
  };
  return rows.map((writes) => writes.map(([store, op, row]) => [store, op, copy(row)] as const));
}

/** A row's primary key in a raw store (a key path, or an array of them). */
function keyOf(store: IDBObjectStore, row: unknown): IDBValidKey {
  const at = (path: string) => (row as Record<string, IDBValidKey>)[path]!;
  const path = store.keyPath;
  return Array.isArray(path) ? path.map(at) : at(path as string);
}

/** Writes each of `rows`' transactions raw, every request asked at once; the ms they took. */
async function writeRaw(raw: IDBDatabase, rows: ImportRows): Promise<number> {
  const t = performance.now();
  for (const writes of rows) {
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction([...new Set(writes.map(([store]) => store))], 'readwrite');
      for (const [store, op, row] of writes) tx.objectStore(store)[op](row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  return performance.now() - t;
}

/**
 * Runs `write` (raw writes of rekeyed rows into the app's own database) and then puts back what it
 * changed, untimed: the rows it replaced as they were, the rows it added deleted, so the library is
 * as the app's imports alone leave it (its summaries' counts among them).
 */
async function writeRawAndUndo(raw: IDBDatabase, rows: ImportRows): Promise<number> {
  const byStore = new Map<string, unknown[]>();
  for (const writes of rows)
    for (const [store, , row] of writes) byStore.set(store, [...(byStore.get(store) ?? []), row]);
  const stores = [...byStore.keys()];
  const before = await new Promise<Map<string, [IDBValidKey, unknown][]>>((resolve, reject) => {
    const tx = raw.transaction(stores, 'readonly');
    const out = new Map<string, [IDBValidKey, unknown][]>();
    for (const [name, list] of byStore) {
      const store = tx.objectStore(name);
      const keys = [
        ...new Map(list.map((row) => [JSON.stringify(keyOf(store, row)), keyOf(store, row)])).values(),
      ];
      const found: [IDBValidKey, unknown][] = [];
      out.set(name, found);
      for (const key of keys) {
        const req = store.get(key);
        req.onsuccess = () => found.push([key, req.result]);
      }
    }
    tx.oncomplete = () => resolve(out);
    tx.onerror = () => reject(tx.error);
  });
  const ms = await writeRaw(raw, rows);
  await new Promise<void>((resolve, reject) => {
    const tx = raw.transaction(stores, 'readwrite');
    for (const [name, found] of before) {
      const store = tx.objectStore(name);
      for (const [key, row] of found) {
        if (row === undefined) store.delete(key);
        else store.put(row);
      }
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  return ms;
}

/** The three halves of an import round (thirds, strictly): the app's path, and its rows written raw into the library and into an empty database. */
type ImportHalf = 'app' | 'raw into the library' | 'raw into an empty database';
const IMPORT_HALVES: readonly ImportHalf[] = ['app', 'raw into the library', 'raw into an empty database'];

/**
 * One round of the import path against raw IndexedDB: `articles` × `claims` imported through the
 * app path (`writePreparedImport`, one transaction an article), and the same writes asked raw
 * (every `put`/`add` the app's transactions asked for, by the same request: claims, facet rows,
 * summaries, history, article, head, speakers; one raw transaction for each of the app's, every
 * request asked at once), twice: **into the app's own database** (the library the app writes
 * into, 100,000 claims; the rows under new ids, and what they changed put back afterwards,
 * untimed: `writeRawAndUndo`), the like-for-like figure; and into a fresh empty database with the
 * app's stores and indexes (the figure until import19, which measured the library's size as well
 * as the app's path). The three take turns being first (`round % 3`); a half that runs before the
 * app's writes the previous round's rows (`earlier`). Returns the ms of each and this round's rows.
 *
 * (Until writes18 the rows were found by reading every table whole after the app's half and keeping
 * what was not there before, 100,000 claims and facet rows each round: the half after that read
 * was the app's in the "app first" rounds, and took 1.2–2.8× the app's half of the other rounds.)
 */
async function writeThroughput(
  articles: number,
  claims: number,
  round: number,
  earlier: ImportRows | null,
): Promise<{ ms: Record<ImportHalf, number>; rows: ImportRows; order: ImportHalf[] }> {
  installRecorder();
  const prepared = await Promise.all(
    Array.from({ length: articles }, (_, a) => {
      const { text, extraction } = importInput(round * 1000 + a, claims);
      return prepareImport({ text }, extraction);
    }),
  );
  const order =
    earlier === null
      ? [...IMPORT_HALVES]
      : IMPORT_HALVES.map((_, i) => IMPORT_HALVES[(i + round) % IMPORT_HALVES.length]!);
  const ms = {} as Record<ImportHalf, number>;
  let rows: ImportRows | null = null;
  for (const half of order) {
    if (half === 'app') {
      const recorded = new Map<IDBTransaction, (readonly [string, 'put' | 'add', unknown])[]>();
      recordingTo = recorded;
      const t0 = performance.now();
      try {
        for (const p of prepared) await writePreparedImport(p);
      } finally {
        recordingTo = null;
      }
      ms.app = performance.now() - t0;
      rows = [...recorded.values()];
      continue;
    }
    const these = rekeyed(rows ?? earlier!);
    if (half === 'raw into the library') {
      const raw = await openRaw();
      ms[half] = await writeRawAndUndo(raw, these);
      raw.close();
    } else {
      const raw = await openRawCopy(`claimdesk-raw-${round}`);
      ms[half] = await writeRaw(raw, these);
      raw.close();
      await new Promise((resolve) => {
        const r = indexedDB.deleteDatabase(`claimdesk-raw-${round}`);
        r.onsuccess = r.onerror = resolve;
      });
    }
  }
  return { ms, rows: rows!, order };
}

export async function runClaimsBench(
  opts: Options,
): Promise<{ seedMs: number; searchStats: ReturnType<typeof claimSearchStats>; results: Timing[] }> {
  const out = document.getElementById('out')!;
  const log = (s: string) => {
    out.textContent = s;
    console.log(s);
  };
  detail = opts.detail === true;
  cpuProfile = opts.cpuProfile === true;
  only = opts.only ?? 'all';
  const seedMs = opts.seeded ? 0 : await seedDb(opts, log);
  if (opts.seeded) log(`reusing the seeded library (${await db.claims.count()} claims)`);
  const { runs } = opts;
  const results: Timing[] = [];
  const someArticle = (await db.articles.orderBy('importedAt').first())!.id;
  const someSpeaker = (await db.claims.limit(1).first())!.speakerId!;

  const filters: [string, Partial<ClaimFilters>][] = [
    ['no filter, sort article', {}],
    ['no filter, sort updated desc', { sort: 'updated', desc: true }],
    ['no filter, sort speaker', { sort: 'speaker' }],
    ['verdict false, sort updated desc', { verdicts: ['false'], sort: 'updated', desc: true }],
    ['verdict unchecked', { verdicts: ['unchecked'] }],
    ['kind direct', { kinds: ['direct'] }],
    ['no source', { source: 'without' }],
    ['with source', { source: 'with' }],
    ['tag crime', { tags: ['crime'] }],
    ['one article', { articleIds: [someArticle] }],
    ['one speaker', { speakerIds: [someSpeaker] }],
    [
      'check-worthiness ≥ 0.8, sort check-worthiness desc',
      { minCheckworthy: 0.8, sort: 'checkworthy', desc: true },
    ],
    ['speaker × verdict false', { speakerIds: [someSpeaker], verdicts: ['false'] }],
    ['tag crime × verdict unchecked', { tags: ['crime'], verdicts: ['unchecked'] }],
    ['kind direct + no source', { kinds: ['direct'], source: 'without' }],
    ['verdict false + no source (flagged)', { verdicts: ['false'], source: 'without' }],
    [
      'speaker + verdicts false/misleading + no source',
      { speakerIds: [someSpeaker], verdicts: ['false', 'misleading'], source: 'without' },
    ],
    ['tag crime + kind direct, sort verdict', { tags: ['crime'], kinds: ['direct'], sort: 'verdict' }],
  ];
  if (opts.only === 'shapes') {
    // what each kind of row and each index of a bulk verdict costs, raw (bench/write-shapes.ts)
    const ids = (await db.claims.limit(1_000).primaryKeys()) as ClaimId[];
    results.push(...(await shapesBreakdown(ids, runs, time)));
    log('done');
    return { seedMs: Math.round(seedMs), searchStats: claimSearchStats(), results };
  }
  if (opts.only === 'indexes') {
    // the claims table's index sets, history's and the facet row's value, interleaved (writes20)
    const ids = (await db.claims.limit(1_000).primaryKeys()) as ClaimId[];
    results.push(...(await indexSetsBreakdown(ids, runs)));
    log('done');
    return { seedMs: Math.round(seedMs), searchStats: claimSearchStats(), results };
  }
  if (opts.only === 'bulkreads') {
    // the reads a bulk verdict makes before writing, by shape, raw and interleaved (bulk23)
    results.push(...(await bulkReadShapes(runs)));
    log('done');
    return { seedMs: Math.round(seedMs), searchStats: claimSearchStats(), results };
  }
  if (opts.only === 'listshapes') {
    // the raw reads of schema 14's slowest list pages, by shape, interleaved
    results.push(...(await listReadShapes(runs)));
    log('done');
    return { seedMs: Math.round(seedMs), searchStats: claimSearchStats(), results };
  }
  if (opts.only === 'import') {
    // the import path against raw writes alone (the writes pass's last part), without its edits
    await timeImport(
      opts.rounds ?? importRounds(runs),
      opts.importArticles ?? 10,
      opts.importClaims ?? 100,
      results,
      10,
    );
    log('done');
    return { seedMs: Math.round(seedMs), searchStats: claimSearchStats(), results };
  }
  if (opts.filter) {
    const parts = opts.filter.split('|');
    const kept = filters.filter(([label]) => parts.some((part) => label.includes(part)));
    filters.splice(0, filters.length, ...kept);
  }
  const reads = opts.only !== 'writes' && opts.only !== 'bulk' && opts.only !== 'search';
  const writes = opts.only !== 'reads';
  for (const [label, f] of reads ? filters : []) {
    results.push(
      await time(
        `first page (read model, 100 rows): ${label}`,
        runs,
        () => listClaimPage(f, { limit: 100 }),
        150,
      ),
    );
  }
  for (const [label, f] of reads ? filters : []) {
    results.push(
      await time(`Claims table (count + first 100 rows): ${label}`, runs, () => tableFirstPage(f), 300),
    );
  }
  for (const [label, f] of reads ? filters : []) {
    results.push(await time(`count: ${label}`, runs, () => countClaims(f), 150));
  }
  if (opts.only === 'search') {
    await timeSearch(runs, results);
    log('done');
    return { seedMs: Math.round(seedMs), searchStats: claimSearchStats(), results };
  }
  if (reads && !opts.filter) await timeLibraryAndSearch(runs, results);
  if (!writes) {
    log('done');
    return { seedMs: Math.round(seedMs), searchStats: claimSearchStats(), results };
  }
  await timeWrites(runs, results);
  const searchStats = claimSearchStats();
  log('done');
  return { seedMs: Math.round(seedMs), searchStats, results };
}

async function timeLibraryAndSearch(runs: number, results: Timing[]) {
  results.push(
    await time(
      'library: 1,000 article summaries, sorted needs-work',
      runs,
      () => new QueryClient().fetchQuery(articleQueries.list('needs-work')),
      200,
    ),
  );
  await timeSearch(runs, results);
}

/** The pause between the worker's start and the first query on the built index (a person's before typing). */
const IDLE_BEFORE_TYPING_MS = 2_500;

async function timeSearch(runs: number, results: Timing[]) {
  // The worker's first search with no saved index (a library seeded without the app running): it
  // builds the index from every claim, once per library. Not the first search after a reload (that
  // loads the saved index: measured after reloads, budget 300 ms); no budget of its own. A reused
  // profile already holds a saved index, so there the line is left out.
  if (!(await db.searchIndex.get('claims'))) {
    results.push(
      await time(
        'search: index built from every claim in the worker (first search, no saved index yet; once per library)',
        1,
        () => searchClaims('hospital', 100),
        null,
      ),
    );
  } else
    console.log('search: a saved index is present (reused profile): the build from every claim is not timed');
  // "On the built index": the worker started and its index loaded as the app's start does it
  // (`warmClaimSearch`), then a pause before the first query, as a person's before typing. Without
  // them the first run was the worker's start and load (the first search after a reload, timed below
  // with its own budget) and the next ones the worker's first queries, right behind it.
  const started = performance.now();
  await warmClaimSearch();
  const readyMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, IDLE_BEFORE_TYPING_MS));
  console.log(
    `search: the worker's start and index load before the queries on the built index: ${Math.round(readyMs)} ms, then ${IDLE_BEFORE_TYPING_MS} ms idle`,
  );
  const queries = ['police', 'offic crime', 'hospitl', 'report 12', 'wages prices'];
  // Each run split by the worker's stats, read after it (not timed): its wait for an up-to-date index
  // (the refresh; in a page whose worker has not started, its start and load too), the query, and
  // the rest (the messages both ways, the page's side).
  const steps: Record<'wait' | 'query' | 'rest', number[]> = { wait: [], query: [], rest: [] };
  const split: string[] = [];
  results.push(
    await time(
      'search: query on the built index (incl. incremental refresh)',
      runs,
      async (i) => {
        const t = performance.now();
        await searchClaims(queries[i % queries.length]!, 100);
        const ms = performance.now() - t;
        const w = await searchWorkerStats();
        steps.wait.push(w.lastWaitMs);
        steps.query.push(w.lastQueryMs);
        steps.rest.push(Math.max(0, Math.round((ms - w.lastWaitMs - w.lastQueryMs) * 10) / 10));
        split.push(
          `${queries[i % queries.length]}: ${w.lastWaitMs} + ${w.lastQueryMs} + rest (${w.lastRefreshed} re-indexed)`,
        );
        return ms;
      },
      50,
      true,
    ),
  );
  console.log(`search on the built index, split (wait for the index + query + rest): ${split.join('; ')}`);
  for (const [key, label] of [
    ['wait', "the worker's wait for an up-to-date index (refresh; the start and load if not started)"],
    ['query', 'the query in the worker'],
    ['rest', 'the messages and the rest'],
  ] as const) {
    const ms = steps[key];
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(`search on the built index, step: ${label}: ${ms.join(', ')} ms`);
    results.push({
      name: `search on the built index, step: ${label}`,
      ms,
      median: sorted[Math.floor(sorted.length / 2)]!,
      budget: null,
    });
  }
  results.push(
    await time(
      'first page: q "police crime" + verdict unchecked',
      runs,
      () => listClaimPage({ q: 'police crime', verdicts: ['unchecked'] }, { limit: 100 }),
      150,
    ),
  );
  // Where that goes (no budget): the search alone (the hits the filter then reads), and the read of
  // those hits' facet rows (here in the page, as the worker reads them), in rank and in key order.
  let hits: string[] = [];
  results.push(
    await time('q + verdict, step: the search alone (2,000 hits at most)', runs, async () => {
      hits = (await searchClaims('police crime', 2_000)).map((h) => h.id);
    }),
  );
  results.push(
    await time(`q + verdict, step: the hits' facet rows (${hits.length}, in rank order)`, runs, () =>
      db.claimFacets.bulkGet(hits),
    ),
  );
  const sorted = [...hits].sort();
  results.push(
    await time(`q + verdict, step: the hits' facet rows (${hits.length}, in key order)`, runs, () =>
      db.claimFacets.bulkGet(sorted),
    ),
  );
}

/** Where a 1,000-claim bulk edit spends its time: each store's share, written raw (no middleware). */
async function bulkBreakdown(ids: ClaimId[], runs: number, results: Timing[]) {
  const claims = (await db.claims.bulkGet(ids)) as Claim[];
  const facets = await db.claimFacets.bulkGet(ids);
  const raw = await openRaw();
  const put = (store: string, rows: unknown[]) =>
    new Promise<void>((resolve, reject) => {
      const tx = raw.transaction(store, 'readwrite');
      const os = tx.objectStore(store);
      for (const r of rows) os.put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  const part = async (name: string, store: string, rows: unknown[]) => {
    results.push(
      await time(`bulk edit breakdown: put 1,000 ${name} rows (raw IndexedDB, one transaction)`, runs, () =>
        put(store, rows),
      ),
    );
  };
  await part('claims', 'claims', claims);
  await part('claimFacets', 'claimFacets', facets);
  // What a facet row costs by part: its keys a verdict edit moves (the rest stay as they were), the
  // row without its sort keys `o` (its keys hold them too), and the row without index keys at all.
  const moved = (key: string) => {
    const [group, code] = key.split(SEP);
    return isVolatile(group!, code as SortCode);
  };
  await part(
    'claimFacets with only the keys a verdict edit moves',
    'claimFacets',
    facets.map((f) => ({ ...f!, f: f!.f.filter(moved) })),
  );
  await part(
    'claimFacets without their sort keys o',
    'claimFacets',
    facets.map((f) => {
      const { o: _, ...rest } = f!;
      return rest;
    }),
  );
  await part(
    'claimFacets without index keys',
    'claimFacets',
    facets.map((f) => ({ ...f!, f: [] })),
  );
  await put('claimFacets', facets); // the rows back as they were
  const entries = ids.map((id) => ({
    id: newId(),
    table: 'claims',
    rowId: id,
    batchId: 'b',
    action: 'update',
    from: { verdict: 'unchecked' },
    to: { verdict: 'false' },
    at: Date.now(),
    undoneAt: null,
    batchKind: 'change',
    target: null,
  }));
  await part('history', 'history', entries);
  // the floor of the app's bulk edit: the same three stores' rows, in one transaction
  results.push(
    await time(
      'bulk edit breakdown: put the 1,000 claims, claimFacets and history rows (raw IndexedDB, one transaction)',
      runs,
      () =>
        new Promise<void>((resolve, reject) => {
          const tx = raw.transaction(['claims', 'claimFacets', 'history'], 'readwrite');
          for (const c of claims) tx.objectStore('claims').put(c);
          for (const f of facets) tx.objectStore('claimFacets').put(f);
          for (const e of entries) tx.objectStore('history').put(e);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        }),
    ),
  );
  raw.close();
  if (detail) await layoutBreakdown(claims, facets as FacetRow[], entries, runs, results);
}

/** A scratch database with the app's claims, claimFacets and history stores and the candidate layouts beside them. */
function openLayouts(): Promise<IDBDatabase> {
  const name = 'claimdesk-layouts';
  return new Promise((resolve, reject) => {
    const gone = indexedDB.deleteDatabase(name);
    gone.onsuccess = gone.onerror = () => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => {
        const copy = (from: string, to: string, skip: readonly string[] = []) => {
          const t = db.table(from);
          const store = req.result.createObjectStore(to, { keyPath: t.schema.primKey.keyPath as string });
          for (const ix of t.schema.indexes)
            if (!skip.includes(ix.name))
              store.createIndex(ix.name, ix.keyPath as string | string[], {
                unique: !!ix.unique,
                multiEntry: !!ix.multi,
              });
        };
        copy('claims', 'claims');
        copy('claims', 'claimsLean', ['articleId']);
        copy('claimFacets', 'claimFacets');
        copy('history', 'history');
        copy('history', 'historyNoAt', ['at']);
        const batches = req.result.createObjectStore('historyBatches', { keyPath: 'id' });
        batches.createIndex('r', 'r', { multiEntry: true });
        batches.createIndex('at', 'at');
        req.result.createObjectStore('historyBatchesBare', { keyPath: 'id' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    };
  });
}

/**
 * The reads of 1,000 claims and their facet rows, raw, in one read-only transaction each, by shape:
 * one `get` a row (as Dexie's bulkGet asks), one `getAll` over the ids' key range (only what the range
 * holds: for 1,000 consecutive ids, the rows; for ids spread over the library, everything between),
 * `getAllKeys` of that range capped at 2,000 (the check of whether a range read pays), and the claims'
 * and facets' gets asked together. For 1,000 consecutive ids and 1,000 spread ones (every 50th); each
 * round takes every shape once, the first in turn rotating.
 */
async function bulkReadShapes(runs: number): Promise<Timing[]> {
  const all = (await db.claims.limit(50_000).primaryKeys()) as string[];
  const sets = {
    consecutive: all.slice(20_000, 21_000),
    spread: all.filter((_, i) => i % 50 === 7).slice(0, 1_000),
  };
  const raw = await openRaw();
  const read = (stores: string[], ask: (tx: IDBTransaction) => void) =>
    new Promise<void>((resolve, reject) => {
      const tx = raw.transaction(stores, 'readonly');
      ask(tx);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  const shapes: [string, (ids: string[]) => Promise<void>][] = [];
  for (const store of ['claims', 'claimFacets']) {
    shapes.push([
      `${store}, a get a row`,
      (ids) =>
        read([store], (tx) => {
          const os = tx.objectStore(store);
          for (const id of ids) os.get(id);
        }),
    ]);
    shapes.push([
      `${store}, one getAll over the ids' range`,
      (ids) =>
        read([store], (tx) => {
          const sorted = [...ids].sort();
          tx.objectStore(store).getAll(IDBKeyRange.bound(sorted[0], sorted.at(-1)));
        }),
    ]);
  }
  shapes.push([
    `claims, getAllKeys of the ids' range, at most 2,000`,
    (ids) =>
      read(['claims'], (tx) => {
        const sorted = [...ids].sort();
        tx.objectStore('claims').getAllKeys(IDBKeyRange.bound(sorted[0], sorted.at(-1)), 2_000);
      }),
  ]);
  // schema 13's has-source keys (src/db/derived/old-facets.ts): what a bulk edit reads instead of the facet rows
  if (raw.objectStoreNames.contains('claimSourced'))
    shapes.push([
      `claimSourced (keys only), getAllKeys of the ids' range, at most 2,001`,
      (ids) =>
        read(['claimSourced'], (tx) => {
          const sorted = [...ids].sort();
          tx.objectStore('claimSourced').getAllKeys(IDBKeyRange.bound(sorted[0], sorted.at(-1)), 2_001);
        }),
    ]);
  shapes.push([
    `claims and claimFacets, a get a row each, asked together`,
    (ids) =>
      read(['claims', 'claimFacets'], (tx) => {
        const c = tx.objectStore('claims');
        const f = tx.objectStore('claimFacets');
        for (const id of ids) c.get(id);
        for (const id of ids) f.get(id);
      }),
  ]);
  const ms = new Map<string, number[]>();
  for (let r = 0; r < runs; r++)
    for (const [set, ids] of Object.entries(sets))
      for (let k = 0; k < shapes.length; k++) {
        const [name, run] = shapes[(k + r) % shapes.length]!;
        const t = performance.now();
        await run(ids);
        const key = `bulk reads (raw, ${set} ids): 1,000 ${name}`;
        ms.set(key, [...(ms.get(key) ?? []), Math.round((performance.now() - t) * 10) / 10]);
      }
  raw.close();
  return [...ms].map(([name, xs]) => {
    console.log(`${name}: ${xs.join(', ')} ms`);
    return { name, ms: xs, median: [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!, budget: null };
  });
}

/**
 * The candidate layouts of the rows a 1,000-claim bulk verdict writes, raw, in a scratch database
 * (stores copied from the app's schema; the claims and facets put there once first, so each timed
 * put overwrites as the edit does): claims without the `articleId` index (a prefix of
 * `[articleId+start]`), history without its `at` index, and history as one row per batch (its
 * entries in one array, a multi-entry index of the rows it touched) instead of a row per claim; and
 * the reads the app's bulk edit and its undo make before writing.
 */
async function layoutBreakdown(
  claims: Claim[],
  facets: FacetRow[],
  entries: Record<string, unknown>[],
  runs: number,
  results: Timing[],
) {
  const scratch = await openLayouts();
  const put = (stores: Record<string, () => unknown[]>) =>
    new Promise<void>((resolve, reject) => {
      const tx = scratch.transaction(Object.keys(stores), 'readwrite');
      for (const [store, rows] of Object.entries(stores)) {
        const os = tx.objectStore(store);
        for (const r of rows()) os.put(r);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  await put({ claims: () => claims, claimsLean: () => claims, claimFacets: () => facets });
  const fresh = () => entries.map((e) => ({ ...e, id: newId(), batchId: 'b' }));
  const batchRow = () => [
    {
      id: newId(),
      at: Date.now(),
      batchKind: 'change',
      target: null,
      e: entries.map((e) => ({ t: e.table, r: e.rowId, a: e.action, from: e.from, to: e.to })),
      r: entries.map((e) => `${String(e.table)}${SEP}${String(e.rowId)}`),
    },
  ];
  const bareBatch = () => batchRow().map(({ r: _, ...rest }) => rest);
  const layout = async (name: string, stores: Record<string, () => unknown[]>) => {
    results.push(await time(`bulk edit layouts (raw, scratch database): ${name}`, runs, () => put(stores)));
  };
  await layout('put 1,000 claims as stored', { claims: () => claims });
  await layout('put 1,000 claims without the articleId index', { claimsLean: () => claims });
  await layout('put 1,000 history rows as stored', { history: fresh });
  await layout('put 1,000 history rows without the at index', { historyNoAt: fresh });
  await layout('put one history row per batch (1,000 entries, multi-entry index of its rows)', {
    historyBatches: batchRow,
  });
  await layout('put one history row per batch (1,000 entries, no index)', { historyBatchesBare: bareBatch });
  await layout('floor as stored: claims + claimFacets + 1,000 history rows', {
    claims: () => claims,
    claimFacets: () => facets,
    history: fresh,
  });
  await layout('floor with one history row per batch (indexed)', {
    claims: () => claims,
    claimFacets: () => facets,
    historyBatches: batchRow,
  });
  await layout('floor with one history row per batch, claims without articleId', {
    claimsLean: () => claims,
    claimFacets: () => facets,
    historyBatches: batchRow,
  });
  scratch.close();
  // what the app reads before it writes (the app's database, through Dexie)
  const ids = claims.map((c) => c.id);
  results.push(
    await time('bulk edit reads: 1,000 claims by id (bulkGet)', runs, () => db.claims.bulkGet(ids)),
  );
  results.push(
    await time('bulk edit reads: 1,000 claimFacets by id (bulkGet)', runs, () => db.claimFacets.bulkGet(ids)),
  );
  const latest = await db.history.orderBy('batchId').last();
  if (latest)
    results.push(
      await time(`undo reads: the latest batch's history entries by batchId`, runs, () =>
        db.history.where('batchId').equals(latest.batchId).toArray(),
      ),
    );
}

/**
 * The requests of one write, grouped by operation and store in the order first asked: how many,
 * when the first was asked and the last answered (ms from the start), so the gaps where IndexedDB
 * waits on the page (or the page on IndexedDB) show. Printed to the log, not a result.
 */
type Traced = { op: string; where: string; n: number; asked: number; lastAsked: number; answered: number };
let tracing: Traced[] | null = null;
let traceStart = 0;
let traceInstalled = false;
function installTrace() {
  if (traceInstalled) return;
  traceInstalled = true;
  const wrap = (proto: object, kind: 'store' | 'index', names: readonly string[]) => {
    for (const name of names) {
      const orig = (proto as Record<string, unknown>)[name];
      if (typeof orig !== 'function') continue;
      (proto as Record<string, unknown>)[name] = function (
        this: IDBObjectStore | IDBIndex,
        ...args: unknown[]
      ) {
        const req = (orig as (...a: unknown[]) => IDBRequest).apply(this, args);
        const log = tracing;
        if (log === null) return req;
        const where = kind === 'index' ? `${(this as IDBIndex).objectStore.name}.${this.name}` : this.name;
        const now = performance.now() - traceStart;
        let g = log.at(-1);
        if (!g || g.op !== name || g.where !== where) {
          g = { op: name, where, n: 0, asked: now, lastAsked: now, answered: 0 };
          log.push(g);
        }
        const group = g;
        group.n++;
        group.lastAsked = now;
        req.addEventListener('success', () => {
          group.answered = Math.max(group.answered, performance.now() - traceStart);
        });
        return req;
      };
    }
  };
  const ops = ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count'];
  wrap(IDBObjectStore.prototype, 'store', [...ops, 'put', 'add', 'delete']);
  wrap(IDBIndex.prototype, 'index', ops);
}

/**
 * Where a traced write's time went (ms): `idle`, nothing asked of IndexedDB unanswered (this
 * thread's work and the round trips between an answer and the next request); `reads`, only reads
 * unanswered; `writes`, a write unanswered. The raw half of the import pays only `writes`.
 */
function traceSplit(groups: readonly Traced[], total: number) {
  const isRead = (g: Traced) => g.op !== 'put' && g.op !== 'add' && g.op !== 'delete';
  const covered = (gs: readonly Traced[]) => {
    const spans = gs
      .map((g) => [g.asked, Math.max(g.asked, g.answered)] as const)
      .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [a, b] of spans) {
      const last = merged.at(-1);
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else merged.push([a, b]);
    }
    return merged;
  };
  const length = (spans: readonly (readonly [number, number])[]) => spans.reduce((n, [a, b]) => n + b - a, 0);
  const all = length(covered(groups));
  const writes = length(covered(groups.filter((g) => !isRead(g))));
  return { idle: total - all, reads: all - writes, writes };
}

/** `write` in a CPU profile named `name` when the run asks for them (`--cpu-profile`). */
async function profiled<T>(name: string, write: () => Promise<T>): Promise<T> {
  if (!cpuProfile) return write();
  const page = window as unknown as { benchCpuProfile: (a: 'start' | 'stop', n: string) => Promise<void> };
  await page.benchCpuProfile('start', name);
  try {
    return await write();
  } finally {
    await page.benchCpuProfile('stop', name);
  }
}

async function traced(label: string, write: () => Promise<unknown>) {
  tracing = [];
  traceStart = performance.now();
  await write();
  const total = performance.now() - traceStart;
  const r = (x: number) => Math.round(x);
  const split = traceSplit(tracing, total);
  console.log(
    `trace of ${label} (${r(total)} ms; idle ${r(split.idle)}, reads alone ${r(split.reads)}, writes ${r(split.writes)}): ${tracing
      .map(
        (g) =>
          `${g.op} ${g.where} ×${g.n} asked ${r(g.asked)}–${r(g.lastAsked)} answered by ${r(g.answered)}`,
      )
      .join('; ')}`,
  );
  tracing = null;
  return { total, ...split };
}

/** Import rounds counted (10 articles × 100 claims each), each of the three halves first in a third of them: at least 9. */
const importRounds = (runs: number) => 3 * Math.max(3, Math.ceil((2 * runs) / 3));

/** Past change batches a library in use holds, at least: undo and redo look back over the latest 200. */
const PAST_BATCHES = 250;

/**
 * Gives the library the history of a person who has worked in it (the seeded library has none):
 * `PAST_BATCHES` earlier batches of four verdict changes each, on claims the timed edits do not
 * touch, so undo reads the recent batches as it does after 200 changes, not over the few the bench
 * itself made. Written straight into the history table (no claim changes with them).
 */
async function pastHistory(claimIds: readonly ClaimId[]): Promise<void> {
  const start = Date.now() - PAST_BATCHES * 60_000;
  const entries = Array.from({ length: PAST_BATCHES }, (_, b) => {
    const batchId = newId();
    return [0, 1, 2, 3].map((e) => ({
      id: newId<HistoryId>(),
      table: 'claims' as const,
      rowId: claimIds[(b * 4 + e) % claimIds.length]!,
      batchId,
      action: 'update' as const,
      from: { verdict: 'unchecked' },
      to: { verdict: 'true' },
      at: start + b * 60_000,
      undoneAt: null,
      batchKind: 'change' as const,
      target: null,
    }));
  }).flat();
  await db.history.bulkAdd(entries);
}

async function timeWrites(runs: number, results: Timing[]) {
  // a single edit, seen by an active claims-list query through the storagemutated bridge
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  const stop = invalidateOnWrite(client);
  const pageQuery = claimQueries.page({ sort: 'updated', desc: true }, { limit: 100 });
  const observer = new QueryObserver(client, pageQuery);
  const unsubscribe = observer.subscribe(() => {});
  await client.fetchQuery(pageQuery);
  const ids = (await db.claims.limit(runs * 60 + 2_000 * (runs + 2)).primaryKeys()) as ClaimId[];
  await pastHistory(ids.slice(-1_000));
  // a verdict each claim does not have yet: setting the same verdict writes nothing (the seeded
  // mix gives some claims 'half true', and the first "visible" run used to wait its whole cap)
  const current = new Map((await db.claims.bulkGet(ids.slice(0, 2 * runs))).map((c) => [c!.id, c!]));
  const otherThan = (id: ClaimId, verdict: Verdict): Verdict =>
    current.get(id)!.verdict === verdict ? 'mostly false' : verdict;
  // as the claim screen calls it: with the update it showed, to tell of another tab's edit meanwhile
  const shown = (id: ClaimId) => ({ expectedUpdatedAt: current.get(id)!.updatedAt });
  results.push(
    await time('verdict edit: setClaimVerdict, write only', runs, (i) =>
      setClaimVerdict(ids[i]!, otherThan(ids[i]!, 'mostly true'), shown(ids[i]!)),
    ),
  );
  results.push(
    await time(
      'verdict edit visible on the open page (write + storagemutated + refetch)',
      runs,
      async (i) => {
        const id = ids[runs + i]!;
        const seen = new Promise<void>((resolve) => {
          const off = observer.subscribe((r) => {
            if (r.data?.rows[0]?.id === id && !r.isFetching) {
              off();
              resolve();
            }
          });
        });
        await setClaimVerdict(id, otherThan(id, 'half true'), shown(id));
        // bounded: a page that never shows the edit is recorded as 10 s (a broken budget), not a hang
        await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      },
      50,
    ),
  );
  unsubscribe();
  stop();
  const bulkStart = 3 * runs;
  const bulkIds = (i: number) => ids.slice(bulkStart + i * 1_000, bulkStart + (i + 1) * 1_000);
  const bulk: number[] = [];
  const undone: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await setClaimsVerdict(bulkIds(i), i % 2 ? 'misleading' : 'false');
    bulk.push(Math.round((performance.now() - t) * 10) / 10);
    t = performance.now();
    await undo();
    undone.push(Math.round((performance.now() - t) * 10) / 10);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // one more bulk edit and its undo, traced request by request (not in the figures)
  if (detail) {
    installTrace();
    await profiled('bulk', () =>
      traced('a bulk verdict on 1,000', () => setClaimsVerdict(bulkIds(runs), 'false')),
    );
    await profiled('undo', () => traced('its undo', () => undo()));
  }
  await bulkBreakdown(ids.slice(bulkStart, bulkStart + 1_000) as ClaimId[], runs, results);
  console.log(`bulk verdict on 1,000: ${bulk.join(', ')} ms; undo: ${undone.join(', ')} ms`);
  results.push({
    name: 'bulk verdict on 1,000 claims (one batch)',
    ms: bulk,
    median: med(bulk),
    budget: 1000,
  });
  results.push({
    name: 'undo the bulk verdict on 1,000 claims',
    ms: undone,
    median: med(undone),
    budget: 1000,
  });
  // the claim panel's history of a claim the bulk verdicts changed (in two 1,000-claim batches: the verdict, its undo)
  const panel = (id: ClaimId) => historyQueries.byRow('claims', id).queryFn!({} as never) as Promise<unknown>;
  results.push(
    await time("history panel: one claim's history, after a bulk verdict and its undo", runs, (i) =>
      panel(bulkIds(i)[0]! as ClaimId),
    ),
  );

  // `--only bulk`: the edits, the bulk verdict and its undo, without the import rounds
  if (only === 'bulk') return;
  await timeImport(importRounds(runs), 10, 100, results);
}

/**
 * The import path against raw IndexedDB writing the same rows (`writeThroughput`): a first round
 * not counted (the page's first imports: code, caches and the library's pages warming), then
 * `rounds` rounds of `articles` × `claims`, the three halves taking turns being first.
 */
async function timeImport(
  rounds: number,
  articles: number,
  claims: number,
  results: Timing[],
  /** With `--detail`: single-article imports traced after the rounds. */
  traces = 3,
) {
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const ratios: number[] = [];
  const emptyRatios: number[] = [];
  const appRates: number[] = [];
  const byFirst = new Map<ImportHalf, { library: number[]; empty: number[] }>();
  let earlier: ImportRows | null = null;
  const size = `${articles} × ${claims} claims`;
  // the library half puts back what it wrote: after the rounds the library holds the app's imports only
  const counts = () => Promise.all([db.claims.count(), db.claimFacets.count(), db.articles.count()]);
  const before = await counts();
  for (let r = 0; r <= rounds; r++) {
    const { ms, rows, order } = await writeThroughput(articles, claims, r, earlier);
    earlier = rows;
    const line = order.map((h) => `${h} ${Math.round(ms[h])} ms`).join(', ');
    if (r === 0) {
      console.log(`import ${size}, warm-up (not counted): ${line}`);
      continue;
    }
    const library = r2(ms['raw into the library'] / ms.app);
    const empty = r2(ms['raw into an empty database'] / ms.app);
    ratios.push(library);
    emptyRatios.push(empty);
    appRates.push(Math.round(((articles * claims) / ms.app) * 1000));
    const first = byFirst.get(order[0]!) ?? { library: [], empty: [] };
    first.library.push(library);
    first.empty.push(empty);
    byFirst.set(order[0]!, first);
    console.log(`import ${size} (${order[0]} first): ${line}`);
  }
  const after = await counts();
  const made = (rounds + 1) * articles;
  const expected = [before[0] + made * claims, before[1] + made * claims, before[2] + made];
  if (after.some((n, i) => n !== expected[i]))
    throw new Error(`the library after the import rounds: ${after} rows, not the app's ${expected}`);
  for (const [half, xs] of byFirst)
    console.log(
      `import vs raw, ${half} first: into the library ${xs.library.join(', ')} (median ${med(xs.library)}); into an empty database ${xs.empty.join(', ')} (median ${med(xs.empty)})`,
    );
  console.log(
    `import vs raw, all rounds: into the library median ${med(ratios)} (${Math.min(...ratios)}–${Math.max(...ratios)}); into an empty database median ${med(emptyRatios)} (${Math.min(...emptyRatios)}–${Math.max(...emptyRatios)})`,
  );
  // more imports of one article each, traced request by request (not in the figures): what the
  // app path asks for, and waits on, that the raw half does not
  if (detail) {
    installTrace();
    const splits: Awaited<ReturnType<typeof traced>>[] = [];
    for (let a = 0; a < traces; a++) {
      const { text, extraction } = importInput(90_000 + a, claims);
      const prepared = await prepareImport({ text }, extraction);
      splits.push(
        await traced(`an import of one article (${claims} claims), ${a + 1} of ${traces}`, () =>
          writePreparedImport(prepared),
        ),
      );
    }
    const m = (pick: (x: (typeof splits)[number]) => number) => Math.round(med(splits.map(pick)));
    console.log(
      `traced imports, medians of ${traces}: ${m((x) => x.total)} ms, idle ${m((x) => x.idle)}, reads alone ${m((x) => x.reads)}, writes ${m((x) => x.writes)}`,
    );
  }
  results.push({
    name: 'import path write throughput (claims/s, summaries and facets included)',
    ms: appRates,
    median: med(appRates),
    budget: null,
    unit: 'claims/s',
    better: 'higher',
  });
  results.push({
    name: 'import path vs raw IndexedDB writing the same rows (throughput ratio)',
    ms: ratios,
    median: med(ratios),
    budget: 0.8,
    unit: 'ratio',
    better: 'higher',
  });
  results.push({
    name: 'import path vs raw writing the same rows into an empty database (throughput ratio; the figure until session 19)',
    ms: emptyRatios,
    median: med(emptyRatios),
    budget: null,
    unit: 'ratio',
    better: 'higher',
  });
}

function latin1(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

/** The saved search index as stored: its size (characters of JSON or bytes of arrays) and the clock it is current to. */
async function savedIndex(): Promise<{ since: number; documents: number; bytes: number } | null> {
  const row = (await db.searchIndex.get('claims')) as Record<string, unknown> | undefined;
  if (!row) return null;
  let bytes = 0;
  const walk = (v: unknown) => {
    // as IndexedDB keeps it: one byte a character for Latin-1 text (ids, terms), else two
    if (typeof v === 'string') bytes += latin1(v) ? v.length : v.length * 2;
    else if (ArrayBuffer.isView(v)) bytes += v.byteLength;
    else if (v instanceof Blob) bytes += v.size;
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
    else bytes += 8;
  };
  walk(row);
  return { since: row.since as number, documents: row.documents as number, bytes };
}

/**
 * Waits until the search worker has saved its index with every change (it saves a moment after its
 * last change), so the next page load finds it.
 */
async function waitForSavedIndex(): Promise<{ documents: number; bytes: number; waitedMs: number }> {
  const t = performance.now();
  await searchClaims('police', 1);
  for (;;) {
    const [saved, stats] = await Promise.all([savedIndex(), searchWorkerStats()]);
    if (saved && stats.built && !stats.unsaved && saved.documents === stats.documents)
      return { documents: saved.documents, bytes: saved.bytes, waitedMs: Math.round(performance.now() - t) };
    if (performance.now() - t > 300_000) throw new Error('the search index was not saved within 5 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Run right after a fresh page load with the saved index present: what a person reloading the app
 * and searching at once waits for. The index load starts as the app's start does it (`warmClaimSearch`
 * without waiting), and the search is asked for at the same moment: the worker's start, the load of
 * the saved index, its refresh and the query are all in the figure. Also: a raw read of the saved
 * row (the platform's share), when the index was ready, and the longest main-thread task meanwhile.
 */
async function firstSearchAfterReload(query: string, as: 'ids' | 'screen' = 'ids') {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  try {
    observer.observe({ type: 'longtask' });
  } catch {
    // no long-task timing in this browser
  }
  const t0 = performance.now();
  const warmed = warmClaimSearch().then(() => performance.now() - t0);
  let idsMs = 0;
  let rowsMs = 0;
  // 'screen': what the Claims screen reads for a text query (its count and first page of rows,
  // together: one search in the worker for both, then the page's 100 rows read here; the same
  // steps as listClaimPage, timed apart)
  const hits =
    as === 'ids'
      ? (await searchClaims(query, 100)).length
      : await (async () => {
          const [, page] = await Promise.all([
            countClaims({ q: query }),
            claimIdsPage({ q: query }, { limit: 100 }),
          ]);
          idsMs = performance.now() - t0;
          const rows = await claimRows(page.ids);
          rowsMs = performance.now() - t0 - idsMs;
          return rows.length;
        })();
  const firstMs = performance.now() - t0;
  const readyMs = await warmed;
  const t1 = performance.now();
  await searchClaims(`${query} crime`, 100);
  const nextMs = performance.now() - t1;
  await new Promise((r) => setTimeout(r, 50)); // long-task entries are delivered a moment later
  observer.disconnect();
  const t2 = performance.now();
  await db.searchIndex.get('claims');
  const rawReadMs = performance.now() - t2;
  const round = (n: number) => Math.round(n * 10) / 10;
  const worker = await searchWorkerStats();
  return {
    phases: phasesOf(worker, performance.timeOrigin + t0, firstMs, idsMs, rowsMs),
    hits,
    firstMs: round(firstMs),
    readyMs: round(readyMs),
    nextMs: round(nextMs),
    rawReadMs: round(rawReadMs),
    longestTaskMs: round(Math.max(0, ...longTasks)),
    saved: await savedIndex(),
    worker,
  };
}

/**
 * The first search's steps, in ms each, from the worker's own marks placed on the page's clock:
 * the worker's creation and its code's load, the database's open there, the read of the saved row,
 * its unpacking, the refresh, the wait for the page's question (if it came after the load), the
 * query, and the answer's way back with whatever else the page did until it had the ids; then
 * (as the Claims screen) the read of the page's rows.
 */
function phasesOf(w: ClaimSearchStats, t0: number, firstMs: number, idsMs: number, rowsMs: number) {
  const at = (name: string) => {
    const m = w.marks[name];
    return m === undefined ? null : w.timeOrigin + m - t0;
  };
  const code = w.timeOrigin - t0 + (w.workerCodeMs ?? 0);
  const steps: [string, number | null][] = [
    ['code', code],
    ['open', at('opened')],
    ['read', at('read')],
    ['arrays', at('arrays')],
    ['unpack', at('unpacked')],
    ['refresh', at('refreshed')],
  ];
  const out: Record<string, number> = {};
  let previous = 0;
  // in the order they ended: the saved row is read as the worker's code loads (its `read` the wait
  // after the code), and Dexie's open ends after the unpacking (its check of the row read early)
  const ended = steps.filter((s): s is [string, number] => s[1] !== null).sort((a, b) => a[1] - b[1]);
  for (const [name, end] of ended) {
    out[name] = Math.round((end - previous) * 10) / 10;
    previous = end;
  }
  const queried = at('queried');
  if (queried !== null) {
    out.query = w.firstQueryMs;
    out.waitForAsk = Math.max(0, Math.round((queried - w.firstQueryMs - previous) * 10) / 10);
    out.reply = Math.round(((idsMs || firstMs) - queried) * 10) / 10;
  }
  if (rowsMs) out.rows = Math.round(rowsMs * 10) / 10;
  return out;
}

Object.assign(window, { runClaimsBench, waitForSavedIndex, firstSearchAfterReload });
// The database's open before anything else, with the schema upgrade it runs when the library is of an
// older version (claims-db.ts prints it after the first load: what a person waits for once, on the
// first start of a new version).
let opening = 0;
void indexedDB
  .databases()
  // Dexie stores its version times 10
  .then((dbs) => {
    const stored = dbs.find((d) => d.name === db.name)?.version;
    Object.assign(window, { dbStored: stored === undefined ? null : stored / 10 });
    opening = performance.now();
    return db.open();
  })
  .then(
    () => {
      const from = (window as unknown as { dbStored: number | null }).dbStored;
      Object.assign(window, { dbOpen: { ms: Math.round(performance.now() - opening), from, to: db.verno } });
      document.getElementById('out')!.textContent = 'ready';
    },
    (e: unknown) => {
      document.getElementById('out')!.textContent = `open failed: ${String(e)}`;
    },
  );
