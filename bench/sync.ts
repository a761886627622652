/**
 * npm run bench:sync [-- --claims 5000 --articles 50 --batch 500]
 *
 * Node with fake-indexeddb against the CouchDB-compatible test server (src/sync/testing): device A
 * holds a library of N claims written before it connects; it connects (every row queued) and
 * drains its outbox to the server (changes/s); device B, empty, makes its first sync of the whole
 * library (documents/s, claims/s). Prints JSON and writes bench/results/sync.json.
 * Figures: docs/PERFORMANCE.md, "Team sync".
 */
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Claim, Speaker } from '@/core/model/types';
import { openDeviceDatabase } from '@/db/sync-db';
import { createSyncEngine } from '@/sync/engine';
import { signIn } from '@/sync/session';
import { createTeam, startCouchServer } from '@/sync/testing/couch-server';
import type { FetchLike } from '@/sync/types';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const N = arg('claims', 5000);
const ARTICLES = arg('articles', Math.max(1, Math.round(N / 100)));
const BATCH = arg('batch', 500);
const root = fileURLToPath(new URL('..', import.meta.url));

/** Time spent waiting on the server (request sent to answer read), by endpoint. */
const serverMs: Record<string, number> = {};

function cookieFetch(): FetchLike {
  let cookie = '';
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const endpoint = /\/(_\w+)/.exec(input.replace(/^https?:\/\/[^/]+/, ''))?.[1] ?? 'doc';
    const t = performance.now();
    const res = await fetch(input, { ...init, headers });
    const body = await res.arrayBuffer();
    serverMs[endpoint] = (serverMs[endpoint] ?? 0) + performance.now() - t;
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return new Response(body, { status: res.status, headers: res.headers });
  };
}

function library() {
  const t = 1_800_000_000_000;
  const speakers: Speaker[] = Array.from({ length: 200 }, (_, i) => ({
    id: `spk-${i}` as Speaker['id'],
    name: `Speaker ${i}`,
    key: `speaker ${i}`,
    type: 'person',
    role: null,
    aliases: [],
    updatedAt: t,
    deletedAt: null,
  }));
  const articles: Article[] = Array.from({ length: ARTICLES }, (_, i) => ({
    id: `art-${String(i).padStart(32, '0')}` as Article['id'],
    title: `Article ${i}`,
    text: `Article ${i} text `.repeat(200),
    outlet: null,
    url: null,
    publishedAt: null,
    importedAt: t,
    extractorVersion: 'bench',
    sha256: String(i).padStart(64, '0'),
    boilerplate: [],
    updatedAt: t,
    deletedAt: null,
  }));
  const claims: Claim[] = Array.from({ length: N }, (_, i) => {
    const text = `Claim number ${i} says that ${i * 7} officers were hired.`;
    return {
      id: `${articles[i % ARTICLES]!.id}.${String(i).padStart(8, '0')}` as Claim['id'],
      articleId: articles[i % ARTICLES]!.id,
      speakerId: speakers[i % speakers.length]!.id,
      text,
      start: i,
      end: i + text.length,
      quote: { exact: text, prefix: '', suffix: '' },
      kind: 'direct',
      cue: null,
      speakerMention: null,
      confidence: 0.9,
      checkworthy: { score: (i % 10) / 10, signals: [] },
      verdict: i % 3 === 0 ? 'false' : 'unchecked',
      ratingNote: '',
      tags: i % 5 === 0 ? ['numbers'] : [],
      notes: '',
      origin: 'extracted',
      createdAt: t,
      updatedAt: t,
      deletedAt: null,
    };
  });
  return { speakers, articles, claims };
}

const server = await startCouchServer();
try {
  const team = 'bench-sync';
  await createTeam(server.url, server.admin, {
    db: team,
    members: [{ name: 'bench', password: 'bench-pw' }],
  });
  const device = async (name: string) => {
    const db = openDeviceDatabase(`bench-${name}`);
    await db.open();
    const jar = cookieFetch();
    await signIn(server.url, 'bench', 'bench-pw', { fetch: jar });
    const engine = createSyncEngine({
      db,
      url: server.url,
      database: team,
      deviceId: name,
      author: 'bench',
      fetch: jar,
      estimate: null,
      batchSize: BATCH,
    });
    return { db, engine };
  };

  const a = await device('a');
  const lib = library();
  let t0 = performance.now();
  await a.db.transaction('rw', [a.db.articles, a.db.speakers, a.db.claims], async () => {
    await a.db.articles.bulkAdd(lib.articles);
    await a.db.speakers.bulkAdd(lib.speakers);
    await a.db.claims.bulkAdd(lib.claims);
  });
  const seedMs = performance.now() - t0;
  const rows = lib.articles.length + lib.speakers.length + lib.claims.length;

  t0 = performance.now();
  const pushed = await a.engine.syncOnce();
  const pushMs = performance.now() - t0;
  const pushServer = { ...serverMs };
  for (const k of Object.keys(serverMs)) delete serverMs[k];
  if (!pushed.complete || pushed.pushed !== rows) throw new Error(`push: ${JSON.stringify(pushed)}`);

  const b = await device('b');
  let progressEvents = 0;
  b.engine.subscribe(() => progressEvents++);
  t0 = performance.now();
  const pulled = await b.engine.syncOnce();
  const pullMs = performance.now() - t0;
  const pullServer = { ...serverMs };
  if (!pulled.complete || (await b.db.claims.count()) !== N)
    throw new Error(`pull: ${JSON.stringify(pulled)}`);

  // a live edit's round trip: one claim edited on A, pushed, pulled on B
  t0 = performance.now();
  const first = lib.claims[0]!;
  await a.db.claims.put({ ...first, verdict: 'true', updatedAt: first.updatedAt + 1 });
  await a.engine.syncOnce();
  await b.engine.syncOnce();
  const editMs = performance.now() - t0;
  if ((await b.db.claims.get(first.id))?.verdict !== 'true') throw new Error('edit did not arrive');

  const result = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    load: loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
    claims: N,
    articles: ARTICLES,
    rows,
    batch: BATCH,
    seedMs: Math.round(seedMs),
    outboxDrain: {
      ms: Math.round(pushMs),
      changesPerSecond: Math.round(rows / (pushMs / 1000)),
      serverMs: Object.fromEntries(Object.entries(pushServer).map(([k, v]) => [k, Math.round(v)])),
    },
    firstSync: {
      ms: Math.round(pullMs),
      documentsPerSecond: Math.round(pulled.pulled / (pullMs / 1000)),
      claimsPerSecond: Math.round(N / (pullMs / 1000)),
      statusEvents: progressEvents,
      serverMs: Object.fromEntries(Object.entries(pullServer).map(([k, v]) => [k, Math.round(v)])),
    },
    editRoundTripMs: Math.round(editMs),
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'sync.json'), `${JSON.stringify(result, null, 2)}\n`);
  await a.engine.stop();
  await b.engine.stop();
} finally {
  await server.stop();
}
