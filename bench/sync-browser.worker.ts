/**
 * The sync engine in a Web Worker, as the app runs it (src/workers/sync.worker.ts), with what the
 * benchmark needs besides: its own database name per simulated device, engine options, the time
 * spent waiting on the server, and edits made as a person's would be (captured into the outbox).
 */
import { expose } from 'comlink';
import type { Claim } from '@/core/model/types';
import { isVolatile, SEP, type SortCode } from '@/db/derived/facets';
import * as writeLayer from '@/db/write-layer';
import { provideWriteLayer } from '@/db/write-layer-load';
import { createSyncEngine, openDeviceDatabase, type SyncDb, type SyncEngine, type SyncStatus } from '@/sync';
import { openRawCopy } from './lib/raw-idb';

// as the app's sync worker (src/workers/sync.worker.ts): the write layer is in this bundle
provideWriteLayer(writeLayer);

export type WorkerInit = Readonly<{
  url: string;
  database: string;
  dbName: string;
  deviceId: string;
  catchUp: boolean;
  catchUpBatch?: number;
  /** Claims per step of the catch-up's rebuild (the engine's default without it). */
  rebuildChunk?: number;
  batchSize?: number;
  pushBatch?: number;
  selector?: Record<string, unknown>;
  longpollMs?: number;
}>;

let engine: SyncEngine | null = null;
let db: SyncDb | null = null;
let serverMs = 0;
let requests = 0;
/** Milliseconds per step of the pull (the engine's `trace`), and how many times each ran. */
let steps: Record<string, { ms: number; n: number }> = {};
/** The rebuild's steps (`rebuild:claims…`) and the pages' claim writes and commits one by one: whether a step's time grows with the tables. */
let series: Record<string, number[]> = {};
const trace = (step: string, ms: number) => {
  const s = steps[step] ?? { ms: 0, n: 0 };
  steps[step] = { ms: s.ms + ms, n: s.n + 1 };
  if (step.startsWith('rebuild:claims') || step === 'apply:write:claims' || step === 'apply:commit') {
    series[step] ??= [];
    series[step].push(ms);
  }
};

const timedFetch = async (input: string, init?: RequestInit): Promise<Response> => {
  const t = performance.now();
  const res = await fetch(input, init);
  const body = await res.arrayBuffer();
  // a long poll's wait is not server work
  if (!input.includes('feed=longpoll')) {
    serverMs += performance.now() - t;
    requests++;
  }
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
};

const need = <T>(x: T | null): T => {
  if (!x) throw new Error('init first');
  return x;
};

async function counts() {
  const d = need(db);
  return {
    claims: await d.claims.count(),
    articles: await d.articles.count(),
    speakers: await d.speakers.count(),
    facets: await d.claimFacets.count(),
    summaries: await d.summaries.count(),
    heads: await d.articleHeads.count(),
    outbox: await d.syncOutbox.count(),
  };
}

let initOptions: WorkerInit | null = null;
let statusListener: ((s: SyncStatus) => void) | null = null;

function makeEngine(o: WorkerInit): SyncEngine {
  const e = createSyncEngine({
    db: need(db),
    url: o.url,
    database: o.database,
    deviceId: o.deviceId,
    author: 'bench',
    fetch: timedFetch,
    catchUp: o.catchUp
      ? {
          ...(o.catchUpBatch ? { batchSize: o.catchUpBatch } : {}),
          ...(o.rebuildChunk ? { rebuildChunk: o.rebuildChunk } : {}),
        }
      : false,
    ...(o.batchSize ? { batchSize: o.batchSize } : {}),
    ...(o.pushBatch ? { pushBatchSize: o.pushBatch } : {}),
    ...(o.selector ? { selector: o.selector } : {}),
    ...(o.longpollMs ? { longpollMs: o.longpollMs } : {}),
    trace,
  });
  e.subscribe((s) => statusListener?.(s));
  return e;
}

const api = {
  async init(o: WorkerInit, onStatus: (s: SyncStatus) => void) {
    db = openDeviceDatabase(o.dbName);
    await db.open();
    initOptions = o;
    statusListener = onStatus;
    engine = makeEngine(o);
  },
  /** The same device with another push round size (the drain's comparison). */
  async setPushBatch(pushBatch: number) {
    await need(engine).stop();
    initOptions = { ...need(initOptions), pushBatch };
    engine = makeEngine(initOptions);
  },
  async syncOnce() {
    serverMs = 0;
    requests = 0;
    steps = {};
    series = {};
    const t = performance.now();
    const report = await need(engine).syncOnce();
    return { ms: performance.now() - t, report, serverMs, requests, steps, series, counts: await counts() };
  },
  start: () => need(engine).start(),
  stop: () => need(engine).stop(),
  counts,
  /** One claim's verdict changed as the app does (a put captured into the outbox); returns when. */
  async edit(claimId: string, verdict: Claim['verdict']): Promise<number> {
    const d = need(db);
    const at = Date.now();
    const claim = await d.claims.get(claimId as Claim['id']);
    if (!claim) throw new Error(`no claim ${claimId}`);
    await d.claims.put({ ...claim, verdict, updatedAt: Math.max(at, claim.updatedAt + 1) });
    return at;
  },
  /** `count` claims edited in one transaction (a bulk edit): as many outbox entries. */
  async editMany(count: number): Promise<number> {
    const d = need(db);
    return d.transaction('rw', d.claims, async () => {
      const claims = await d.claims.limit(count).toArray();
      const at = Date.now();
      await d.claims.bulkPut(claims.map((c) => ({ ...c, notes: `bulk ${at}`, updatedAt: at })));
      return claims.length;
    });
  },
  /**
   * The platform limit: the rows the first sync left in this database (claims, their revisions,
   * facet and key rows, articles, heads, speakers, summaries) written again with raw IndexedDB into
   * fresh databases with the same stores and indexes, in transactions of `page` claims. `alone`:
   * each table by itself; `pages`: every table's rows of a page of claims in one transaction, as a
   * catch-up page would write them at best.
   */
  async rawLimit(page: number) {
    const d = need(db);
    // key rows (`claimKeys`) up to schema version 8
    const tables = [
      'speakers',
      'articles',
      'articleHeads',
      'claims',
      'syncRevisions',
      'claimFacets',
      'claimKeys',
      'summaries',
    ].filter((t) => d.tables.some((x) => x.name === t));
    const rows: Record<string, unknown[]> = {};
    for (const t of tables) rows[t] = await d.table(t).toArray();
    const write = (raw: IDBDatabase, parts: [string, unknown[]][]) =>
      new Promise<void>((resolve, reject) => {
        const tx = raw.transaction(
          parts.map(([t]) => t),
          'readwrite',
        );
        for (const [t, rs] of parts) {
          const store = tx.objectStore(t);
          for (const r of rs) store.put(r);
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    const alone: Record<string, { rows: number; ms: number; bytesPerRow: number }> = {};
    const raw1 = await openRawCopy(`${d.name}-raw-alone`);
    for (const t of tables) {
      const all = rows[t]!;
      const t0 = performance.now();
      for (let i = 0; i < all.length; i += page) await write(raw1, [[t, all.slice(i, i + page)]]);
      const sample = all.slice(0, 200);
      alone[t] = {
        rows: all.length,
        ms: performance.now() - t0,
        bytesPerRow: Math.round(JSON.stringify(sample).length / Math.max(1, sample.length)),
      };
    }
    raw1.close();
    const raw2 = await openRawCopy(`${d.name}-raw-pages`);
    const claims = rows.claims!;
    const byId = (t: string) => new Map((rows[t] as { id: string }[]).map((r) => [r.id, r]));
    const facets = byId('claimFacets');
    const keys = rows.claimKeys ? byId('claimKeys') : null;
    const revisions = new Map(
      (rows.syncRevisions as { table: string; rowId: string }[]).map((r) => [`${r.table}:${r.rowId}`, r]),
    );
    const t0 = performance.now();
    await write(raw2, [
      ['speakers', rows.speakers!],
      ['articles', rows.articles!],
      ['articleHeads', rows.articleHeads!],
      [
        'syncRevisions',
        [...revisions.values()].filter((r) => !String((r as { table: string }).table).startsWith('claims')),
      ],
    ]);
    let pagesOnlyClaimsRevisions = 0;
    let pagesAll = 0;
    for (let i = 0; i < claims.length; i += page) {
      const chunk = claims.slice(i, i + page) as { id: string }[];
      const p0 = performance.now();
      await write(raw2, [
        ['claims', chunk],
        ['syncRevisions', chunk.map((c) => revisions.get(`claims:${c.id}`)).filter(Boolean)],
      ]);
      pagesOnlyClaimsRevisions += performance.now() - p0;
      const p1 = performance.now();
      await write(raw2, [
        ['claimFacets', chunk.map((c) => facets.get(c.id)).filter(Boolean)],
        ...(keys
          ? [['claimKeys', chunk.map((c) => keys.get(c.id)).filter(Boolean)] as [string, unknown[]]]
          : []),
      ]);
      pagesAll += performance.now() - p1;
    }
    await write(raw2, [['summaries', rows.summaries!]]);
    const pagesMs = performance.now() - t0;
    raw2.close();
    for (const n of [`${d.name}-raw-alone`, `${d.name}-raw-pages`]) indexedDB.deleteDatabase(n);
    return {
      page,
      alone,
      pagesMs,
      claimsAndRevisionsMs: pagesOnlyClaimsRevisions,
      facetsAndKeysMs: pagesAll,
    };
  },
  /**
   * Layouts of the derived and revision rows, measured on the rows this first sync stored (issue 13,
   * session 10): each written with raw IndexedDB into a fresh database, claim page by claim page
   * (`page` claims: their claims and revisions in one transaction, then their derived rows in
   * another, as a catch-up does), layouts in turn, `runs` times each.
   * - `split`: a facet row (volatile keys, `*f`) and a key row (stable keys, `*k`) per claim (schema v8);
   * - `merged`: one facet row per claim holding every key in one multi-entry index;
   * - `merged+packed`: that, and one revision row per page instead of one per claim.
   */
  async rawLayouts(page: number, runs: number) {
    const d = need(db);
    const claims = (await d.claims.toArray()) as { id: string }[];
    const facets = new Map(
      ((await d.claimFacets.toArray()) as { id: string; f: readonly string[] }[]).map((r) => [r.id, r]),
    );
    const keyRows = d.tables.some((t) => t.name === 'claimKeys')
      ? new Map(
          ((await d.table('claimKeys').toArray()) as { id: string; k: string[] }[]).map((r) => [r.id, r.k]),
        )
      : null;
    const revisions = new Map(
      (
        (await d.syncRevisions
          .where('[table+rowId]')
          .between(['claims', ''], ['claims', '\uffff'])
          .toArray()) as {
          rowId: string;
        }[]
      ).map((r) => [r.rowId, r]),
    );
    // the keys of each claim, volatile and stable apart, whichever layout this tree stores
    const split = new Map<string, { volatile: string[]; stable: string[] }>();
    for (const c of claims) {
      const f = facets.get(c.id);
      if (!f) continue;
      const all = keyRows ? [...f.f, ...(keyRows.get(c.id) ?? [])] : [...f.f];
      const volatile: string[] = [];
      const stable: string[] = [];
      for (const key of all) {
        const [group = '', code = ''] = key.split(SEP);
        (isVolatile(group, code as SortCode) ? volatile : stable).push(key);
      }
      split.set(c.id, { volatile, stable });
    }
    const claimIndexes = d.claims.schema.indexes;
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const del = indexedDB.deleteDatabase(name);
        del.onsuccess = del.onerror = () => {
          const req = indexedDB.open(name, 1);
          req.onupgradeneeded = () => {
            const r = req.result;
            const cs = r.createObjectStore('claims', { keyPath: 'id' });
            for (const ix of claimIndexes)
              cs.createIndex(ix.name, ix.keyPath as string | string[], { multiEntry: !!ix.multi });
            r.createObjectStore('syncRevisions', { keyPath: ['table', 'rowId'] }).createIndex(
              'conflicted',
              'conflicted',
            );
            r.createObjectStore('revisionPages', { keyPath: 'page' });
            r.createObjectStore('claimFacets', { keyPath: 'id' }).createIndex('f', 'f', { multiEntry: true });
            r.createObjectStore('claimKeys', { keyPath: 'id' }).createIndex('k', 'k', { multiEntry: true });
          };
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      });
    const write = (raw: IDBDatabase, parts: [string, unknown[]][]) =>
      new Promise<void>((resolve, reject) => {
        const tx = raw.transaction(
          parts.map(([t]) => t),
          'readwrite',
        );
        for (const [t, rs] of parts) {
          const store = tx.objectStore(t);
          for (const r of rs) store.put(r);
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    type Layout = 'split' | 'merged' | 'merged+packed';
    const layouts: Layout[] = ['split', 'merged', 'merged+packed'];
    const out: Record<string, { baseMs: number[]; derivedMs: number[]; totalMs: number[] }> = {};
    for (let run = 0; run < runs; run++)
      for (const layout of layouts) {
        const name = `${d.name}-layout-${layout}`;
        const raw = await open(name);
        let baseMs = 0;
        let derivedMs = 0;
        for (let i = 0; i < claims.length; i += page) {
          const chunk = claims.slice(i, i + page);
          const t0 = performance.now();
          await write(raw, [
            ['claims', chunk],
            layout === 'merged+packed'
              ? [
                  'revisionPages',
                  [
                    {
                      page: i,
                      revs: chunk.map((c) => [c.id, (revisions.get(c.id) as { rev?: string })?.rev]),
                    },
                  ],
                ]
              : ['syncRevisions', chunk.map((c) => revisions.get(c.id)).filter(Boolean)],
          ]);
          const t1 = performance.now();
          const rows = chunk.map((c) => [facets.get(c.id)!, split.get(c.id)!] as const).filter(([f]) => f);
          await write(
            raw,
            layout === 'split'
              ? [
                  ['claimFacets', rows.map(([f, k]) => ({ ...f, f: k.volatile }))],
                  ['claimKeys', rows.map(([f, k]) => ({ id: f.id, k: k.stable }))],
                ]
              : [['claimFacets', rows.map(([f, k]) => ({ ...f, f: [...k.volatile, ...k.stable] }))]],
          );
          baseMs += t1 - t0;
          derivedMs += performance.now() - t1;
        }
        raw.close();
        indexedDB.deleteDatabase(name);
        const o = out[layout] ?? { baseMs: [], derivedMs: [], totalMs: [] };
        o.baseMs.push(Math.round(baseMs));
        o.derivedMs.push(Math.round(derivedMs));
        o.totalMs.push(Math.round(baseMs + derivedMs));
        out[layout] = o;
      }
    return { page, claims: claims.length, layouts: out };
  },
  async close() {
    await engine?.stop();
    db?.close();
  },
};

export type BenchSyncWorker = typeof api;
expose(api);
