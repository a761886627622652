/**
 * The replication engine: `createSyncEngine(options)` pulls a team's CouchDB database into the
 * local Dexie tables and pushes local changes from the outbox, once (`syncOnce`) or live (`start`:
 * long-polled `_changes`, a push soon after every local write, retries with exponential back-off).
 * See src/sync/README.md.
 */
import { Dexie } from 'dexie';
import type { Claim } from '@/core/model/types';
import { facetInputsOf } from '@/db/derived/rebuild';
import { newId } from '@/db/ids';
import { markFromSync } from '@/db/sync-capture';
import {
  type FieldConflict,
  REPLICATED_TABLES,
  type ReplicatedTable,
  SYNC_KEYS,
  type SyncConnection,
} from '@/db/sync-tables';
import { applyDocs, conflictEntry, type Identity } from './apply';
import { finishCatchUp, isCatchingUp } from './catch-up';
import { listRowConflicts, resolveRowConflict } from './conflicts';
import {
  type ChangeRow,
  type ChangesPage,
  type CouchClient,
  type CouchDoc,
  CouchError,
  createCouchClient,
  NetworkError,
} from './couch';
import { articlesSelector, parseDocId, type Row, rowOf, sliceSelector } from './docs';
import { mergeRows } from './merge';
import { finishPush, type PreparedPush, preparePush } from './push';
import { roleOf } from './session';
import { addedToSlice, checkpointForSlice, findSliceArticles, widenSlice } from './slice';
import type {
  FetchLike,
  StorageEstimator,
  SyncEngine,
  SyncEngineOptions,
  SyncReport,
  SyncRole,
  SyncState,
  SyncStatus,
} from './types';

const DEFAULT_BATCH = 500;
const DEFAULT_CATCH_UP_BATCH = 2_000;
const DEFAULT_PUSH_BATCH = 2_000;
const MAX_PUSH_ROUNDS = 20;
/**
 * Push rounds start small and double up to `pushBatchSize`: while the server answers one round the
 * device reads the next and records the last, so only the first round's reading and the last
 * round's recording are not hidden behind the server's work.
 */
const FIRST_PUSH_ROUND = 250;
const MB = 1024 * 1024;

/** Stops a run early with a state and a sentence (not an error of the engine). */
class Halt extends Error {
  constructor(
    readonly state: SyncState,
    message: string,
  ) {
    super(message);
  }
}

const isQuotaError = (e: unknown): boolean => {
  for (let x = e as { name?: string; inner?: unknown } | undefined; x; x = x.inner as typeof x) {
    if (x.name === 'QuotaExceededError') return true;
  }
  return false;
};

const isAbort = (e: unknown) => (e as Error | undefined)?.name === 'AbortError';

const defaultWait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

const defaultEstimate = (): StorageEstimator | null => {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
  return storage?.estimate ? () => storage.estimate() : null;
};

const defaultFetch: FetchLike = (input, init) => fetch(input, init);

function haltOf(e: unknown, url: string, database: string): Halt {
  if (e instanceof Halt) return e;
  if (e instanceof NetworkError)
    return new Halt('offline', `${e.message} Your changes are kept and will be sent when it is back.`);
  if (isQuotaError(e))
    return new Halt(
      'quota',
      'This browser ran out of storage space while syncing. What arrived is kept and sync can resume; free space or sync a smaller part of the team library.',
    );
  if (e instanceof CouchError) {
    if (e.status === 401)
      return new Halt('forbidden', 'Your session with the team server has ended: sign in again.');
    if (e.status === 403)
      return new Halt('forbidden', `You are not allowed into the team library “${database}” (${e.reason}).`);
    if (e.status === 404)
      return new Halt(
        'error',
        `The team library “${database}” does not exist on ${url}; ask the team’s admin.`,
      );
    return new Halt('error', `The team server refused the request: ${e.reason}`);
  }
  return new Halt('error', `Sync failed: ${(e as Error)?.message ?? String(e)}`);
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, url, database, deviceId, author } = options;
  const me: Identity = { deviceId, author };
  const client: CouchClient = createCouchClient(url, database, options.fetch ?? defaultFetch);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const catchUpBatch =
    options.catchUp === false
      ? 0
      : (options.catchUp?.batchSize ?? options.batchSize ?? DEFAULT_CATCH_UP_BATCH);
  const rebuildChunk = options.catchUp === false ? undefined : options.catchUp?.rebuildChunk;
  const pushBatch = options.pushBatchSize ?? options.batchSize ?? DEFAULT_PUSH_BATCH;
  const now = options.now ?? Date.now;
  const wait = options.wait ?? defaultWait;
  const estimate = options.estimate === undefined ? defaultEstimate() : options.estimate;
  const reserve = options.quotaReserve ?? 64 * MB;
  const initialMs = options.retry?.initialMs ?? 1000;
  const maxMs = options.retry?.maxMs ?? 60_000;
  const longpollMs = options.longpollMs ?? 25_000;
  const trace = options.trace;
  /** Runs `job` and tells `trace` how long it took. */
  const timed = async <T>(name: string, job: () => Promise<T>): Promise<T> => {
    if (!trace) return job();
    const t = performance.now();
    try {
      return await job();
    } finally {
      trace(name, performance.now() - t);
    }
  };

  let status: SyncStatus = { state: 'stopped', pending: 0, conflicts: 0 };
  const listeners = new Set<(s: SyncStatus) => void>();
  let running = false;
  let stopController = new AbortController();
  let pollController: AbortController | null = null;
  let pushWanted = false;
  let loop: Promise<void> | null = null;
  let unsubscribeWrites: (() => void) | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let role: SyncRole | undefined;
  /** The server took rows from this device since the last whole pull: the feed will echo them. */
  let echoExpected = false;
  /**
   * The revisions the server gave this engine's pushes since its last pull (document id → `_rev`):
   * the pull after a push recognises its own writes coming back by them, without reading their
   * revision rows (a drain of 5,000 changes read 5,000 back). Emptied by each pull.
   */
  const pushedRevs = new Map<string, string>();

  const exclusive = <T>(job: () => Promise<T>): Promise<T> => {
    const next = chain.then(job, job);
    chain = next.catch(() => undefined);
    return next;
  };

  function setStatus(patch: Partial<SyncStatus>) {
    status = { ...status, ...patch };
    for (const l of listeners) l(status);
  }

  async function counts() {
    const [pending, conflicts] = await Promise.all([
      db.syncOutbox.count(),
      db.syncRevisions.where('conflicted').equals(1).count(),
    ]);
    return { pending, conflicts };
  }

  /** The first time (or for another team): remember the team and queue every local row for it. */
  async function connect(): Promise<void> {
    await db.transaction(
      'rw',
      [db.syncState, db.syncOutbox, db.syncRevisions, ...REPLICATED_TABLES.map((t) => db.table(t))],
      async () => {
        markFromSync();
        const current = (await db.syncState.get(SYNC_KEYS.connection))?.value as SyncConnection | undefined;
        await db.syncState.put({ key: SYNC_KEYS.identity, value: { deviceId, author } });
        if (current && current.url === client.server && current.database === database) return;
        if (current) {
          await db.syncOutbox.clear();
          await db.syncRevisions.clear();
          await db.syncState.delete(SYNC_KEYS.checkpoint);
        }
        const connection: SyncConnection = { url: client.server, database, connectedAt: now() };
        await db.syncState.put({ key: SYNC_KEYS.connection, value: connection });
        const at = now();
        for (const table of REPLICATED_TABLES) {
          const ids = (await db.table(table).toCollection().primaryKeys()) as string[];
          if (ids.length > 0)
            await db.syncOutbox.bulkAdd(
              ids.map((rowId) => ({ table, rowId, op: 'put' as const, at, batchId: 'connect' })),
            );
        }
      },
    );
  }

  async function readRole(): Promise<void> {
    try {
      const res = await (options.fetch ?? defaultFetch)(`${client.server}/_session`, {
        credentials: 'include',
        headers: { Accept: 'application/json' },
      });
      const body = (await res.json()) as { userCtx?: { name: string | null; roles?: string[] } };
      const ctx = body.userCtx;
      if (!ctx?.name) return;
      role = roleOf(database, { name: ctx.name, roles: ctx.roles ?? [] }, await client.security());
      setStatus({ role });
    } catch {
      // the role is shown when known; the server enforces it either way
    }
  }

  async function checkQuota(): Promise<void> {
    if (!estimate) return;
    const { usage = 0, quota } = await estimate();
    if (quota === undefined) return;
    const free = quota - usage;
    if (free < reserve)
      throw new Halt(
        'quota',
        `This browser has room for only part of the team library (${Math.max(0, Math.round(free / MB))} MB free). What arrived is kept and sync resumes from here; free space, or sync a part of the library (articles by tag or date).`,
      );
  }

  /** Merges a document's conflicting server revisions into the winner and deletes the losers. */
  async function settleServerConflicts(docs: readonly CouchDoc[], signal: AbortSignal): Promise<number> {
    let merged = 0;
    for (const doc of docs) {
      const losers = doc._conflicts ?? [];
      if (losers.length === 0) continue;
      const winner = rowOf(doc);
      if (!winner || winner.table === 'history') continue;
      let row: Row = winner.row;
      const both: FieldConflict[] = [];
      const ask: FieldConflict[] = [];
      const fetched: CouchDoc[] = [];
      const ancestry = (d: CouchDoc | null): string[] => {
        const revs = d?._revisions as { start: number; ids: string[] } | undefined;
        return revs ? revs.ids.map((h, i) => `${revs.start - i}-${h}`) : [];
      };
      const winnerLine = new Set(ancestry(await client.getRevision(doc._id, String(doc._rev), signal, true)));
      for (const rev of losers) {
        const loser = await client.getRevision(doc._id, rev, signal, true);
        if (!loser) continue;
        fetched.push(loser);
        const theirs = rowOf(loser);
        if (!theirs) continue;
        // the revision both sides started from (when the server still has it) is the merge's base
        const common = ancestry(loser).find((r) => r !== rev && winnerLine.has(r));
        const ancestor = common ? await client.getRevision(doc._id, common, signal) : null;
        const base = ancestor ? (rowOf(ancestor)?.row ?? null) : null;
        const result = mergeRows(winner.table, base, row, theirs.row);
        row = result.row;
        both.push(...result.both);
        ask.push(...result.ask);
      }
      const deletions: CouchDoc[] = fetched.map((l) => ({ _id: l._id, _rev: l._rev, _deleted: true }));
      const changed = JSON.stringify(row) !== JSON.stringify(winner.row);
      if (changed || both.length > 0) {
        // the merged row is a local edit on top of the winner: it (and the history entry keeping
        // both values of every field both revisions changed) goes out through the outbox
        const table = winner.table;
        await db.transaction('rw', [db.table(table), db.history, db.syncRevisions], async () => {
          if (changed) await (db.table(table) as Dexie.Table<Row, string>).put(row);
          if (both.length === 0) return;
          const at = now();
          await db.history.add(conflictEntry(table, row.id, both, me, at, newId()) as never);
          if (ask.length === 0) return;
          const revision = await db.syncRevisions.get([table, row.id]);
          if (revision)
            await db.syncRevisions.put({ ...revision, conflicted: 1, conflicts: ask, conflictAt: at });
        });
        if (changed) merged++;
      }
      if (deletions.length > 0) await client.bulkDocs(deletions, signal);
    }
    return merged;
  }

  /**
   * Pulls until caught up. A first sync whose first page comes back full (a large library) runs in
   * catch-up mode (catch-up.ts): bigger pages, derived rows rebuilt once at the end.
   */
  /** The chosen slice's articles and those its search found since (null: no slice option). */
  let sliceIds: string[] | null = null;
  let sliceSearchedAt = Number.NEGATIVE_INFINITY;
  const sliceRefreshMs = options.sliceRefreshMs ?? 60_000;
  const selectorNow = () => (sliceIds ? sliceSelector(sliceIds) : options.selector);

  /**
   * A slice found by a search takes in articles that search finds now and did not then (a
   * teammate's new article with the tag or in the dates): their documents so far are read with a
   * selector of their own from the start of the feed, then the slice's feed goes on with them.
   */
  async function refreshSlice(
    signal: AbortSignal,
    report: { pulled: number; merged: number; conflicts: number },
  ) {
    const slice = options.slice;
    if (!slice) return;
    const added = await addedToSlice(db, slice.articleIds);
    sliceIds = [...new Set([...slice.articleIds, ...added])];
    const joined = sliceIds.length - new Set(slice.articleIds).size;
    if (status.sliceJoined !== joined) setStatus({ sliceJoined: joined });
    await checkpointForSlice(db, selectorNow());
    if (!slice.criteria || now() - sliceSearchedAt < sliceRefreshMs) return;
    const found = await findSliceArticles(client.server, database, slice.criteria, {
      fetch: options.fetch ?? defaultFetch,
    });
    sliceSearchedAt = now();
    const known = new Set([...sliceIds, ...(slice.excluded ?? [])]);
    const fresh = found.articles.map((a) => a.id).filter((id) => !known.has(id));
    if (fresh.length === 0) return;
    const before = selectorNow();
    // from the start of the feed unless the slice's own feed starts there anyway
    if ((await db.syncState.get(SYNC_KEYS.checkpoint)) !== undefined) {
      let since: string | number | null = null;
      for (;;) {
        const page = await client.changes({
          since,
          limit: batchSize,
          selector: articlesSelector(fresh),
          signal,
        });
        const docs = page.results.map(
          (r: ChangeRow): CouchDoc =>
            r.doc ?? { _id: r.id, _rev: r.changes[0]?.rev, ...(r.deleted ? { _deleted: true } : {}) },
        );
        const outcome = await applyDocs(db, docs, me, now());
        report.pulled += outcome.applied;
        report.merged += outcome.merged + (await settleServerConflicts(docs, signal));
        report.conflicts += outcome.conflicts;
        since = page.last_seq;
        if (page.results.length < batchSize || page.pending === 0) break;
      }
    }
    sliceIds = [...sliceIds, ...fresh];
    await widenSlice(db, slice.articleIds, [...added, ...fresh], before, selectorNow());
    setStatus({ sliceJoined: sliceIds.length - new Set(slice.articleIds).size });
  }

  /**
   * The documents of a page read without them (`docs: false`): a change whose only leaf is the
   * revision stored here is this device's own write coming back (or one already applied) and is
   * left out; the others are fetched by id (with their conflicts), deletions made from the feed.
   */
  async function docsBeyondEcho(page: ChangesPage, signal: AbortSignal): Promise<CouchDoc[]> {
    const rows = page.results.flatMap((r) => {
      const parsed = parseDocId(r.id);
      return parsed ? [{ r, key: [parsed.table, parsed.rowId] as [string, string] }] : [];
    });
    // a change whose only leaf this engine pushed is its own: no need to read its revision
    const echo = (r: ChangeRow) => r.changes.length === 1 && pushedRevs.get(r.id) === r.changes[0]!.rev;
    const unknown = rows.filter(({ r }) => !echo(r));
    const read = unknown.length > 0 ? await db.syncRevisions.bulkGet(unknown.map((x) => x.key)) : [];
    const stored = new Map(unknown.map(({ r }, i) => [r.id, read[i]]));
    const tombstones: CouchDoc[] = [];
    const wanted: string[] = [];
    rows.forEach(({ r }) => {
      const leaves = r.changes.map((c) => c.rev);
      if (echo(r)) return;
      if (leaves.length === 1 && stored.get(r.id)?.rev === leaves[0]) return;
      if (r.deleted) tombstones.push({ _id: r.id, _rev: leaves[0], _deleted: true });
      else wanted.push(r.id);
    });
    const fetched = wanted.length > 0 ? await client.getDocs(wanted, signal) : [];
    return [...fetched, ...tombstones];
  }

  async function pullAll(signal: AbortSignal, report: { pulled: number; merged: number; conflicts: number }) {
    if (options.slice) await refreshSlice(signal, report);
    else await checkpointForSlice(db, options.selector);
    const selector = selectorNow();
    let since = ((await db.syncState.get(SYNC_KEYS.checkpoint))?.value ?? null) as string | number | null;
    const first = since === null;
    let catchingUp = catchUpBatch > 0 && (await isCatchingUp(db));
    // A first sync into a library with no revisions yet (nothing pulled or pushed before): only
    // this run writes them (pushes come after the pull, and only apply sets `mergedInto`), so apply
    // reads none it did not write, and takes where it merged a row from what it remembers here.
    const unrevisedAtStart = first && (await db.syncRevisions.limit(1).count()) === 0;
    const written = unrevisedAtStart ? new Map<string, string | null>() : undefined;
    /** The claims this pull's catch-up pages wrote (their facet inputs): the rebuild does not read them back. */
    const claimsWritten = new Map<string, Claim>();
    // A first sync into an empty claims table (no catch-up of an earlier run to finish): each claim
    // the rebuild will find is one this pull's pages wrote (`claimsWritten`) or one written since
    // with an outbox entry (a person's edit or new claim, a merge made here; pushes come after the
    // pull), so its steps need not read the claims' keys (catch-up.ts, `writtenOnly`).
    const writtenOnly =
      first && !catchingUp && (await db.claims.orderBy(':id').limit(1).primaryKeys()).length === 0;
    let done = 0;
    // CouchDB sends `pending` with each page; without it (the test server, older servers) a first
    // sync of a whole database lists every document once: its counts are the total to expect.
    let expected: number | undefined;
    if (first && !selector) {
      const info = await client.info(signal).catch((e: unknown) => {
        if (isAbort(e)) throw e;
        return null;
      });
      if (info && typeof info.doc_count === 'number') expected = info.doc_count + (info.doc_del_count ?? 0);
    }
    const finish = async () => {
      if (!catchingUp) return;
      const indexing = (indexed?: { done: number; total: number }) =>
        setStatus({
          progress: {
            done,
            ...(expected !== undefined ? { total: Math.max(expected, done) } : {}),
            phase: 'indexing',
            ...(indexed ? { indexed } : {}),
          },
        });
      indexing();
      /** Every row is in and counted: the library is synced; its filter rows are built from here. */
      let rowsIn = false;
      await timed('rebuild', () =>
        finishCatchUp(db, {
          onProgress: (p) => (rowsIn ? setStatus({ indexing: p }) : indexing(p)),
          ...(trace ? { trace } : {}),
          ...(rebuildChunk ? { chunkSize: rebuildChunk } : {}),
          written: claimsWritten,
          writtenOnly,
          countFirst: true,
          signal,
          onCounted: async (total) => {
            rowsIn = true;
            setStatus({
              state: 'idle',
              lastSyncAt: now(),
              progress: undefined,
              indexing: { done: 0, total },
              ...(await counts()),
            });
          },
        }),
      ).finally(() => {
        if (status.indexing) setStatus({ indexing: undefined });
      });
      claimsWritten.clear();
      catchingUp = false;
    };
    /** A page asked for ahead (while catching up, page n+1 is on its way while page n is written). */
    type Request = {
      since: string | number | null;
      limit: number;
      controller: AbortController;
      page: Promise<ChangesPage>;
    };
    let ahead: Request | null = null;
    // after a push the feed starts with this device's own writes: read it without documents first
    const light = echoExpected && !first;
    const request = (from: string | number | null, limit: number): Request => {
      const controller = new AbortController();
      const stop = () => controller.abort();
      signal.addEventListener('abort', stop, { once: true });
      const page = timed('fetch', () =>
        client.changes({
          since: from,
          limit,
          selector,
          signal: controller.signal,
          ...(light && !catchingUp ? { docs: false } : {}),
        }),
      ).finally(() => signal.removeEventListener('abort', stop));
      page.catch(() => undefined); // awaited when its turn comes, or dropped with its controller
      return { since: from, limit, controller, page };
    };
    /** While catching up: the next page's storage check, made while this page is written. */
    let quota: Promise<void> | null = null;
    try {
      for (;;) {
        const checked = quota;
        quota = null;
        if (checked) await timed('quota', () => checked);
        else if (first || done > 0) await timed('quota', checkQuota);
        const limit = catchingUp || (first && catchUpBatch > 0) ? catchUpBatch : batchSize;
        const asked = ahead && ahead.since === since && ahead.limit === limit ? ahead : request(since, limit);
        if (ahead !== asked) ahead?.controller.abort();
        ahead = null;
        const page = await timed('fetch:wait', () => asked.page);
        // a first page that comes back full: a large library is on its way
        if (first && done === 0 && catchUpBatch > 0 && page.results.length >= limit) catchingUp = true;
        const more = page.results.length >= limit && page.pending !== 0;
        if (catchingUp && more) ahead = request(page.last_seq, limit);
        const docs =
          light && !catchingUp
            ? await timed('fetch:beyond-echo', () => docsBeyondEcho(page, signal))
            : page.results.map(
                (r: ChangeRow): CouchDoc =>
                  r.doc ?? { _id: r.id, _rev: r.changes[0]?.rev, ...(r.deleted ? { _deleted: true } : {}) },
              );
        // a page too large for what is left still fails whole (QuotaExceededError): a clean stop
        if (catchingUp && more) {
          quota = checkQuota();
          quota.catch(() => undefined);
        }
        const outcome = await timed('apply', () =>
          applyDocs(db, docs, me, now(), page.last_seq, { catchUp: catchingUp, trace, written }),
        );
        if (written) for (const [id, into] of outcome.revised) written.set(id, into);
        for (const c of outcome.claims?.written ?? [])
          claimsWritten.set(c.id, facetInputsOf(c as unknown as Claim));
        for (const id of outcome.claims?.deleted ?? []) claimsWritten.delete(id);
        report.pulled += outcome.applied;
        report.merged += outcome.merged;
        report.conflicts += outcome.conflicts;
        report.merged += await timed('settle', () => settleServerConflicts(docs, signal));
        since = page.last_seq;
        done += page.results.length;
        const total =
          page.pending !== undefined
            ? done + page.pending
            : expected !== undefined
              ? Math.max(expected, done)
              : undefined;
        setStatus({
          progress: { done, ...(total !== undefined ? { total } : {}), phase: 'receiving' },
          // a catch-up's pages change neither (they are sync's own writes): counted when the rows are in
          ...(catchingUp ? {} : await timed('counts', counts)),
        });
        if (!more) break;
      }
    } catch (e) {
      ahead?.controller.abort();
      // what arrived must be usable (a quota stop, an offline server): rebuild unless stopped
      if (!signal.aborted) await finish().catch(() => undefined);
      throw e;
    }
    await finish();
    echoExpected = false;
    pushedRevs.clear();
  }

  async function pushAll(
    signal: AbortSignal,
    report: { pushed: number; refused: number; merged: number; conflicts: number },
  ) {
    const reasons: string[] = [];
    const send = (round: PreparedPush) => {
      const sending = round.docs.length > 0 ? client.bulkDocs(round.docs, signal) : Promise.resolve([]);
      sending.catch(() => undefined); // awaited in its turn
      return sending;
    };
    const roundSize = (round: number) => Math.min(pushBatch, FIRST_PUSH_ROUND * 2 ** round);
    let prepared: PreparedPush | null = await timed('push:prepare', () =>
      preparePush(db, me, roundSize(0), {}, trace),
    );
    /** The current round's request when it was sent ahead (during the previous round's writes). */
    let inFlight: ReturnType<typeof send> | null = null;
    for (let round = 0; round < MAX_PUSH_ROUNDS && prepared; round++) {
      const current: PreparedPush = prepared;
      inFlight ??= send(current);
      // the next round is read while the server answers this one: later entries, other rows
      const following =
        current.docs.length > 0
          ? await timed('push:prepare', () =>
              preparePush(
                db,
                me,
                roundSize(round + 1),
                { afterSeq: current.lastSeq, busy: current.ids },
                trace,
              ),
            )
          : null;
      const answer = await timed('push:wait', () => inFlight!);
      // and sent before this round's answer is written, so the server works while this device does
      const next = following && following.read > 0 && round + 1 < MAX_PUSH_ROUNDS ? send(following) : null;
      const out = await timed('push:finish', () =>
        finishPush(db, client, me, now(), current, answer, signal, trace),
      );
      if (out.pushed > 0) echoExpected = true;
      for (const [id, rev] of out.accepted) pushedRevs.set(id, rev);
      report.pushed += out.pushed;
      report.refused += out.refused;
      report.merged += out.merged;
      report.conflicts += out.conflicts;
      for (const r of out.reasons) if (!reasons.includes(r)) reasons.push(r);
      setStatus(await timed('push:counts', counts));
      if (following && next) {
        prepared = following;
        inFlight = next;
        continue;
      }
      if ((await db.syncOutbox.count()) === 0) break;
      if (out.sent === 0 && current.read === 0) break;
      if (out.pushed + out.refused + out.merged === 0 && out.sent > 0 && out.conflicts === 0) break;
      // what is left: entries skipped as busy, merges of conflicts, rows that failed
      prepared = await preparePush(db, me, roundSize(round + 1));
      inFlight = null;
    }
    if (report.refused > 0) {
      throw new Halt(
        'forbidden',
        `The team server refused ${report.refused === 1 ? 'a change' : `${report.refused} changes`}; ${report.refused === 1 ? 'it was' : 'they were'} undone here${reasons.length ? ` (${reasons.join('; ')})` : ''}.${role === 'viewer' ? ' You can read this team library but not change it.' : ''}`,
      );
    }
  }

  async function runOnce(signal: AbortSignal): Promise<SyncReport> {
    const report = { pulled: 0, pushed: 0, merged: 0, refused: 0, conflicts: 0 };
    try {
      await timed('connect', connect);
      if (role === undefined) await readRole();
      setStatus({ state: 'pulling', message: undefined, ...(await counts()) });
      await timed('pull', () => pullAll(signal, report));
      setStatus({ state: 'pushing' });
      await timed('push', () => pushAll(signal, report));
      const c = await counts();
      setStatus({ state: running ? 'idle' : 'idle', lastSyncAt: now(), progress: undefined, ...c });
      return { ...report, conflicts: c.conflicts, complete: true, state: 'idle' };
    } catch (e) {
      if (isAbort(e) && signal.aborted) {
        setStatus({ state: 'stopped', ...(await counts()) });
        return { ...report, complete: false, state: 'stopped' };
      }
      const halt = haltOf(e, client.server, database);
      const c = await counts();
      setStatus({ state: halt.state, message: halt.message, ...c });
      return { ...report, conflicts: c.conflicts, complete: false, state: halt.state, message: halt.message };
    }
  }

  function onLocalWrite(parts: Record<string, unknown>) {
    const prefix = `idb://${db.name}/syncOutbox/`;
    if (!Object.keys(parts).some((k) => k.startsWith(prefix))) return;
    pushWanted = true;
    pollController?.abort();
  }

  async function liveLoop() {
    let failures = 0;
    const signal = stopController.signal;
    while (running) {
      const report = await exclusive(() => runOnce(signal));
      if (!running) break;
      if (report.state === 'forbidden' && report.refused === 0) break; // a session to renew: wait for the person
      if (report.state === 'error' || report.state === 'quota') break;
      if (report.state === 'offline') {
        failures++;
        const delay = Math.min(initialMs * 2 ** (failures - 1), maxMs);
        setStatus({ message: `${status.message ?? ''} Retrying in ${Math.round(delay / 1000)} s.`.trim() });
        await wait(delay, signal);
        continue;
      }
      failures = 0;
      if (pushWanted) {
        pushWanted = false;
        continue;
      }
      // wait for the server's next change (or a local write, which aborts the poll)
      pollController = new AbortController();
      const poll = pollController;
      const stopPoll = () => poll.abort();
      signal.addEventListener('abort', stopPoll);
      try {
        const since = ((await db.syncState.get(SYNC_KEYS.checkpoint))?.value ?? null) as
          | string
          | number
          | null;
        await client.changes({
          since,
          limit: 1,
          longpollMs,
          selector: selectorNow(),
          signal: poll.signal,
        });
      } catch (e) {
        if (!isAbort(e)) {
          failures++;
          await wait(Math.min(initialMs * 2 ** (failures - 1), maxMs), signal);
        }
      } finally {
        signal.removeEventListener('abort', stopPoll);
        pollController = null;
      }
    }
  }

  const engine: SyncEngine = {
    start() {
      if (running) return;
      running = true;
      stopController = new AbortController();
      const listener = (parts: Record<string, unknown>) => onLocalWrite(parts);
      Dexie.on('storagemutated', listener);
      unsubscribeWrites = () => Dexie.on('storagemutated').unsubscribe(listener);
      const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
      const signal = stopController.signal;
      loop = locks
        ? locks
            .request(`claimdesk-sync:${client.server}/${database}`, { signal }, async () => {
              await db.syncState.put({ key: SYNC_KEYS.leader, value: { deviceId, at: now() } });
              await liveLoop();
            })
            .catch(() => undefined)
        : liveLoop();
    },
    async stop() {
      running = false;
      stopController.abort();
      pollController?.abort();
      unsubscribeWrites?.();
      unsubscribeWrites = null;
      await loop;
      loop = null;
      await chain;
      setStatus({ state: 'stopped', progress: undefined });
    },
    syncOnce() {
      return exclusive(() =>
        runOnce(stopController.signal.aborted ? new AbortController().signal : stopController.signal),
      );
    },
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    listConflicts: () => listRowConflicts(db),
    async resolveConflict(table: ReplicatedTable, rowId: string, choice) {
      await resolveRowConflict(db, table, rowId, choice, now());
      setStatus(await counts());
    },
    async disconnect() {
      await engine.stop();
      await db.transaction('rw', [db.syncState, db.syncOutbox, db.syncRevisions], async () => {
        await db.syncOutbox.clear();
        await db.syncRevisions.clear();
        await db.syncState.delete(SYNC_KEYS.connection);
        await db.syncState.delete(SYNC_KEYS.checkpoint);
        await db.syncState.delete(SYNC_KEYS.leader);
      });
      setStatus({ state: 'stopped', pending: 0, conflicts: 0, message: undefined, role: undefined });
    },
  };
  void counts().then((c) => setStatus(c));
  return engine;
}
