/**
 * The sync engine in a Web Worker, as the app runs it (src/workers/sync.worker.ts), with what the
 * benchmark needs besides: its own database name per simulated device, engine options, the time
 * spent waiting on the server, and edits made as a person's would be (captured into the outbox).
 */
import { expose } from 'comlink';
import type { Claim } from '@/core/model/types';
import { createSyncEngine, openDeviceDatabase, type SyncDb, type SyncEngine, type SyncStatus } from '@/sync';

export type WorkerInit = Readonly<{
  url: string;
  database: string;
  dbName: string;
  deviceId: string;
  catchUp: boolean;
  catchUpBatch?: number;
  batchSize?: number;
  pushBatch?: number;
  selector?: Record<string, unknown>;
  longpollMs?: number;
}>;

let engine: SyncEngine | null = null;
let db: SyncDb | null = null;
let serverMs = 0;
let requests = 0;

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

const api = {
  async init(o: WorkerInit, onStatus: (s: SyncStatus) => void) {
    db = openDeviceDatabase(o.dbName);
    await db.open();
    engine = createSyncEngine({
      db,
      url: o.url,
      database: o.database,
      deviceId: o.deviceId,
      author: 'bench',
      fetch: timedFetch,
      catchUp: o.catchUp ? (o.catchUpBatch ? { batchSize: o.catchUpBatch } : {}) : false,
      ...(o.batchSize ? { batchSize: o.batchSize } : {}),
      ...(o.pushBatch ? { pushBatchSize: o.pushBatch } : {}),
      ...(o.selector ? { selector: o.selector } : {}),
      ...(o.longpollMs ? { longpollMs: o.longpollMs } : {}),
    });
    engine.subscribe((s) => onStatus(s));
  },
  async syncOnce() {
    serverMs = 0;
    requests = 0;
    const t = performance.now();
    const report = await need(engine).syncOnce();
    return { ms: performance.now() - t, report, serverMs, requests, counts: await counts() };
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
  async close() {
    await engine?.stop();
    db?.close();
  },
};

export type BenchSyncWorker = typeof api;
expose(api);
