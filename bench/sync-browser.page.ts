/**
 * The team-sync benchmark page (bench/sync-browser.ts drives it in Chromium). The engine runs in a
 * Web Worker as in the app; this page is the main thread a person would be using: it records its
 * own long tasks (PerformanceObserver 'longtask'), every status the worker reports (the progress
 * bar's input), and keeps a live query on the library open as a screen would.
 */
import { proxy, type Remote, wrap } from 'comlink';
import { liveQuery } from 'dexie';
import type { Claim } from '@/core/model/types';
import { openDeviceDatabase, type SyncStatus, signIn, sliceSelector } from '@/sync';
import type { BenchSyncWorker, WorkerInit } from './sync-browser.worker';

type LongTask = { start: number; ms: number };
const longTasks: LongTask[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, ms: e.duration });
}).observe({ type: 'longtask', buffered: true });

const couchUrl = `${location.origin}/couchdb`;

/** The last worker made (`newWorker`), to end it as a closed tab would (`resumeAt`). */
let lastWorker: Worker | null = null;

function newWorker(): Remote<BenchSyncWorker> {
  lastWorker = new Worker(new URL('./sync-browser.worker.ts', import.meta.url), { type: 'module' });
  return wrap<BenchSyncWorker>(lastWorker);
}

type FirstSyncOptions = Readonly<{
  database: string;
  dbName: string;
  catchUp: boolean;
  catchUpBatch?: number;
  rebuildChunk?: number;
  batchSize?: number;
  /**
   * A reload while the filter rows are built: once this share of them is written, the worker is
   * ended (as a closed tab) and a new one syncs again; the result is that second sync's (`resumed`).
   */
  resumeAt?: number;
}>;

let a: Remote<BenchSyncWorker> | null = null;
let aDbName = '';

async function firstSync(o: FirstSyncOptions) {
  await signIn(couchUrl, 'bench', 'bench-pw');
  const progress: { t: number; done: number; total?: number; phase?: string; state: string }[] = [];
  let statuses = 0;
  /** When the status first said the rows are in (synced, filter rows to come): `indexing` set. */
  let rowsInAt: number | null = null;
  await a?.close();
  a = newWorker();
  aDbName = o.dbName;
  const init: WorkerInit = {
    url: couchUrl,
    database: o.database,
    dbName: o.dbName,
    deviceId: `bench-${o.dbName}`,
    catchUp: o.catchUp,
    ...(o.catchUpBatch ? { catchUpBatch: o.catchUpBatch } : {}),
    ...(o.rebuildChunk ? { rebuildChunk: o.rebuildChunk } : {}),
    ...(o.batchSize ? { batchSize: o.batchSize } : {}),
    longpollMs: 10_000,
  };
  const t0 = performance.now();
  let reload: () => void = () => undefined;
  const reloadDue = new Promise<'reload'>((resolve) => {
    reload = () => resolve('reload');
  });
  const onStatus = (s: SyncStatus) => {
    statuses++;
    if (s.progress) progress.push({ t: performance.now() - t0, ...s.progress, state: s.state });
    if (s.indexing && rowsInAt === null) rowsInAt = performance.now();
    if (o.resumeAt !== undefined && s.indexing && s.indexing.done >= o.resumeAt * s.indexing.total) reload();
  };
  await a.init(init, proxy(onStatus));
  // a screen's live query over the library, re-run as each page commits (in the worker)
  const pageDb = openDeviceDatabase(o.dbName);
  let liveRuns = 0;
  const live = liveQuery(() => pageDb.claims.count()).subscribe(() => liveRuns++);
  const from = performance.now();
  const first = a.syncOnce();
  let result = await (o.resumeAt === undefined ? first : Promise.race([first, reloadDue]));
  let resumed: { atMs: number; ms: number } | undefined;
  if (result === 'reload') {
    const atMs = performance.now() - from;
    lastWorker?.terminate();
    a = newWorker();
    await a.init(
      init,
      proxy(() => undefined),
    );
    const again = performance.now();
    result = await a.syncOnce();
    resumed = { atMs, ms: performance.now() - again };
  }
  const to = performance.now();
  live.unsubscribe();
  pageDb.close();
  const during = longTasks.filter((l) => l.start + l.ms >= from && l.start <= to);
  return {
    ...result,
    ...(resumed ? { resumed } : {}),
    statuses,
    liveRuns,
    /** From the sync's start to "rows in" (the whole sync when it never said so: no catch-up). */
    rowsInMs: (rowsInAt ?? to) - from,
    progress,
    longTasks: during.map((l) => Math.round(l.ms)),
    /** When each long task began, in ms from the start of the sync (where in the sync it fell). */
    longTaskStarts: during.map((l) => Math.round(l.start - from)),
    longestTaskMs: Math.max(0, ...during.map((l) => l.ms)),
  };
}

/** A second client (its own database: a slice of one article) edits; the first, live, must show it. */
async function liveEdits(o: Readonly<{ database: string; articleId: string; claimIds: string[] }>) {
  if (!a) throw new Error('first sync first');
  const b = newWorker();
  await b.init(
    {
      url: couchUrl,
      database: o.database,
      dbName: `${aDbName}-b`,
      deviceId: `bench-${aDbName}-b`,
      catchUp: false,
      selector: sliceSelector([o.articleId]),
    },
    proxy(() => undefined),
  );
  const first = await b.syncOnce();
  await a.start();
  const pageDb = openDeviceDatabase(aDbName);
  const latencies: number[] = [];
  const verdicts: Claim['verdict'][] = ['true', 'false', 'misleading', 'half true', 'mostly true'];
  try {
    for (const [i, claimId] of o.claimIds.entries()) {
      const verdict = verdicts[i % verdicts.length]!;
      const seen = new Promise<number>((resolve) => {
        const sub = liveQuery(() => pageDb.claims.get(claimId as Claim['id'])).subscribe((c) => {
          if (c?.verdict === verdict) {
            sub.unsubscribe();
            resolve(Date.now());
          }
        });
      });
      const at = await b.edit(claimId, verdict);
      // the other client's live loop pushes soon after a local write; here its push is one syncOnce
      await b.syncOnce();
      latencies.push((await seen) - at);
    }
  } finally {
    await a.stop();
    await b.close();
    pageDb.close();
  }
  return { sliceDocs: first.report.pulled, latencies };
}

/** `count` claims edited in one transaction (a bulk edit): the outbox a drain then pushes. */
async function drainEdits(o: Readonly<{ count: number; pushBatch?: number }>) {
  if (!a) throw new Error('first sync first');
  if (o.pushBatch) await a.setPushBatch(o.pushBatch);
  // in step with the server first, untimed (a previous drain's echo taken in): each drain times the same work
  await a.syncOnce();
  const edited = await a.editMany(o.count);
  return { edited, queued: (await a.counts()).outbox };
}

/** One sync, after `drainEdits` (`pushBatch`: the engine's push rounds). */
async function drain() {
  if (!a) throw new Error('first sync first');
  return a.syncOnce();
}

/** Raw IndexedDB writing the rows the first sync stored (the platform limit), in pages of `page` claims. */
async function rawLimit(page: number) {
  if (!a) throw new Error('first sync first');
  return a.rawLimit(page);
}

/** The same rows in other layouts (derived rows merged, revisions packed per page), raw IndexedDB. */
async function rawLayouts(o: Readonly<{ page: number; runs: number }>) {
  if (!a) throw new Error('first sync first');
  return a.rawLayouts(o.page, o.runs);
}

Object.assign(window, { benchSync: { firstSync, liveEdits, drainEdits, drain, rawLimit, rawLayouts } });
document.getElementById('out')!.textContent = 'ready';
