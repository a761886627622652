/**
 * The one place derived rows are kept: a DBCore middleware under every write to `claims`,
 * `evidence`, `speakers` and `articles`, whoever makes it (a repository, undo, an import, a future
 * sync layer), updates the claim's facet row and the summaries (and an article's head) in the same
 * transaction. A read-write transaction on one of those tables is widened to the tables the
 * middleware reads and writes.
 */
import {
  type DBCore,
  type DBCoreCursor,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  Dexie,
  type Middleware,
} from 'dexie';
import type { Article, Claim, Evidence, Question, Speaker } from '@/core/model/types';
import { markFromSync } from '../sync-capture';
import { headOf } from './article-heads';
import { claimsWriteIssued, claimsWritesSoFar, noClaimsFound } from './claimless-speakers';
import {
  applyDelta,
  articleScope,
  CountDelta,
  LIBRARY,
  type SummaryRow,
  speakerScope,
  speakerSortKey,
  tagScope,
  unkeyedFacetOf,
} from './facets';
import {
  type FacetView,
  restoredFacet,
  type StoredFacet,
  storedClaimOf,
  storedFacetOf,
  withoutHotKeys,
} from './hot-keys';
import {
  knownSpeakerNames,
  rememberingSpeakers,
  type SpeakersWrite,
  speakersWriteAsked,
} from './known-speakers';
import {
  claimsWriteAsked,
  keepsStoredFacet,
  mirroredFacets,
  oldFacets,
  rememberRead,
  SOURCED,
  sourcedWrites,
  storedFormOf,
  viewsOf,
} from './old-facets';
import {
  PLACEMENTS,
  type PlacedRow,
  packOf,
  placedIn,
  placedRowOf,
  QUESTION_PACKS,
  samePlacement,
  withClaim,
} from './placements';

export const FACETS = 'claimFacets';
export const SUMMARIES = 'summaries';
export const HEADS = 'articleHeads';
const WATCHED = ['claims', 'evidence', 'speakers', 'articles', 'questions'];
/** Every table the middleware reads or writes: a transaction that rebuilds derived rows spans these. */
export const WIDENED = [
  'claims',
  'evidence',
  'speakers',
  'articles',
  'questions',
  FACETS,
  SUMMARIES,
  HEADS,
  PLACEMENTS,
  QUESTION_PACKS,
  SOURCED,
];
/** Tables without which the middleware keeps nothing (`claimSourced` is version 13's: older schemas go without it). */
const REQUIRED = WIDENED.filter((name) => name !== SOURCED);

/** Transactions whose writes leave the derived rows alone (see `deferDerived`). */
const deferred = new WeakSet<object>();

/**
 * Marks the current read-write transaction: its writes do not maintain facets, summaries or
 * heads. Only for a bulk load (a team's first sync) that calls `rebuildDerivedIn` once it is done;
 * until then the derived rows are stale. Call it first thing inside `db.transaction('rw', …)`.
 */
export function deferDerived(): void {
  const tx = Dexie.currentTransaction;
  if (!tx?.idbtrans) throw new Error('deferDerived must run inside a read-write transaction');
  deferred.add(tx.idbtrans);
}

/**
 * Marks the current read-write transaction as one that writes claims as stored (with their hot
 * keys, `storedClaimOf`): an upgrade or a rebuild, which keeps the derived rows itself. Its writes go
 * down as given (`deferDerived`) and are no change a team is told of (`markFromSync`): each claim's
 * content stays the same.
 */
export function writingStoredClaims(): void {
  deferDerived();
  markFromSync();
}

/** Transactions whose caller lets any failed write fail the whole transaction (see `allOrNothing`). */
const wholeOnly = new WeakSet<object>();
/** All-or-nothing transactions in which a write has failed: they will abort, so no derived write is issued. */
const failedIn = new WeakSet<object>();

/**
 * Marks the current read-write transaction as all or nothing: its caller catches no write error
 * inside it, so one failed write fails (aborts) the whole transaction, as an import's does. The
 * derived rows of its claims adds are then issued as soon as they are worked out, while IndexedDB
 * still stores the claims, instead of after the claims' outcome: facets of a claim whose add
 * failed can only be written by a transaction that does not commit. After a failed write no
 * further derived write is issued. Call it first thing inside `db.transaction('rw', …)`.
 */
export function allOrNothing(): void {
  const tx = Dexie.currentTransaction;
  if (!tx?.idbtrans) throw new Error('allOrNothing must run inside a read-write transaction');
  wholeOnly.add(tx.idbtrans);
}

/** `allOrNothing` for a transaction the caller started, not one it joined (whose caller may catch). */
export function allOrNothingIfOwn(): void {
  if (!Dexie.currentTransaction?.parent) allOrNothing();
}

const equal = (key: unknown): DBCoreKeyRange => ({ type: 1, lower: key, upper: key });
const between = (lower: unknown, upper: unknown): DBCoreKeyRange => ({ type: 2, lower, upper });

/**
 * Transactions with a write of a watched table under way (from its call until it returns, derived
 * work included). A write issued while another is under way starts its derived work only after its
 * own rows are written, as every write did (`claimsAdded` starts sooner only when nothing else is).
 */
const busy = new WeakMap<DBCoreTransaction, number>();
function tracked<T>(trans: DBCoreTransaction, write: () => Promise<T>): Promise<T> {
  const p = write();
  busy.set(trans, (busy.get(trans) ?? 0) + 1);
  const done = () => {
    const n = (busy.get(trans) ?? 1) - 1;
    if (n > 0) busy.set(trans, n);
    else busy.delete(trans);
  };
  // bookkeeping on the side: the write's own promise goes back as it is (a promise derived from it
  // would leave Dexie's transaction zone for the middleware above, which writes after awaiting it)
  p.then(done, () => {
    done();
    if (wholeOnly.has(trans)) failedIn.add(trans);
  });
  return p;
}

/** Derived work of one transaction runs one step at a time, in the order of the writes. */
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();
function inOrder<T>(trans: DBCoreTransaction, job: () => Promise<T>): Promise<T> {
  const previous = queues.get(trans) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(job);
  queues.set(trans, next);
  return next;
}

const succeeded = (res: DBCoreMutateResponse, i: number) => res.failures[i] === undefined;

type Tables = Readonly<{
  claims: DBCoreTable;
  evidence: DBCoreTable;
  speakers: DBCoreTable;
  facets: DBCoreTable;
  summaries: DBCoreTable;
  articles: DBCoreTable;
  heads: DBCoreTable;
  questions: DBCoreTable;
  placements: DBCoreTable;
  packs: DBCoreTable;
  /** `claimSourced` (null before schema version 13) and `syncState` (null before version 5). */
  sourced: DBCoreTable | null;
  state: DBCoreTable | null;
}>;

/**
 * The facet, sourced and count rows a change of claims writes (none for a claim whose stored facet
 * stays the same and whose counts do not move). Null when there is nothing to write: the caller then
 * awaits nothing, since awaiting an async function that asked IndexedDB for nothing can leave Dexie's
 * transaction zone for the requests after it.
 */
function putDerived(
  t: Tables,
  trans: DBCoreTransaction,
  changes: readonly (readonly [FacetView | undefined, FacetView | undefined])[],
  /** Summary rows read beforehand (by scope id), when the caller could tell which scopes change. */
  summaries?: ReadonlyMap<string, SummaryRow | undefined>,
  /** The new facet rows are written already (`claimsWorked` ahead of the claims' outcome). */
  facetsWritten = false,
): Promise<void> | null {
  const delta = new CountDelta();
  const puts: StoredFacet[] = [];
  const deletes: string[] = [];
  for (const [before, after] of changes) {
    delta.add(before, -1);
    delta.add(after, 1);
    if (after) {
      if (!facetsWritten && !keepsStoredFacet(before, after)) puts.push(storedFacetOf(after));
    } else if (before) deletes.push(before.id);
  }
  const sourced = t.sourced ? sourcedWrites(changes) : { puts: [], deletes: [] };
  const changed = delta.changed();
  const idle =
    puts.length + deletes.length + sourced.puts.length + sourced.deletes.length === 0 && changed.size === 0;
  return idle ? null : writeDerived(t, trans, puts, deletes, sourced, changed, summaries);
}

async function writeDerived(
  t: Tables,
  trans: DBCoreTransaction,
  puts: readonly StoredFacet[],
  deletes: readonly string[],
  sourced: ReturnType<typeof sourcedWrites>,
  changed: ReadonlyMap<string, Map<string, number>>,
  summaries?: ReadonlyMap<string, SummaryRow | undefined>,
): Promise<void> {
  if (puts.length > 0) await t.facets.mutate({ trans, type: 'put', values: [...puts] });
  if (deletes.length > 0) await t.facets.mutate({ trans, type: 'delete', keys: [...deletes] });
  if (t.sourced) {
    if (sourced.puts.length > 0) await t.sourced.mutate({ trans, type: 'put', values: sourced.puts });
    if (sourced.deletes.length > 0) await t.sourced.mutate({ trans, type: 'delete', keys: sourced.deletes });
  }
  if (changed.size === 0) return;
  const ids = [...changed.keys()];
  const rows =
    summaries && ids.every((id) => summaries.has(id))
      ? ids.map((id) => summaries.get(id))
      : ((await t.summaries.getMany({ trans, keys: ids })) as (SummaryRow | undefined)[]);
  const next = ids.map((id, i) => applyDelta(rows[i], id, changed.get(id)!));
  const empty = next.filter((r) => Object.keys(r.counts).length === 0).map((r) => r.id);
  const full = next.filter((r) => Object.keys(r.counts).length > 0);
  if (full.length > 0) await t.summaries.mutate({ trans, type: 'put', values: full });
  if (empty.length > 0) await t.summaries.mutate({ trans, type: 'delete', keys: empty });
}

async function liveEvidenceClaims(
  t: Tables,
  trans: DBCoreTransaction,
  range: DBCoreKeyRange,
): Promise<Evidence[]> {
  const index = t.evidence.schema.getIndexByKeyPath('claimId')!;
  const { result } = await t.evidence.query({ trans, values: true, query: { index, range } });
  return (result as Evidence[]).filter((e) => e.deletedAt === null);
}

/**
 * The names of these claims' speakers: those this transaction read or wrote as they are known, the
 * others read. The map itself when nothing is read (awaiting an async function that asked IndexedDB
 * for nothing can leave Dexie's transaction zone for the requests after it).
 */
function speakerNames(
  t: Tables,
  trans: DBCoreTransaction,
  claims: readonly Claim[],
): Map<string, string> | Promise<Map<string, string>> {
  const ids: string[] = [
    ...new Set(claims.map((c) => c.speakerId).filter((s): s is NonNullable<typeof s> => s !== null)),
  ];
  const names = new Map<string, string>();
  const unknown: string[] = [];
  knownSpeakerNames(trans, ids).forEach((name, i) => {
    if (name === undefined) unknown.push(ids[i]!);
    else names.set(ids[i]!, name);
  });
  if (unknown.length === 0) return names;
  return t.speakers.getMany({ trans, keys: unknown }).then((rows) => {
    for (const s of rows as (Speaker | undefined)[]) if (s !== undefined) names.set(s.id, s.name);
    return names;
  });
}

/**
 * New claim rows (an `add`, e.g. an import), with the derived work started before the claims are
 * written: the reads it needs go out first (IndexedDB answers a transaction's requests in order),
 * then the claims, and the facet and count rows are worked out while IndexedDB stores the
 * claims. Only the derived writes wait for the claims' outcome, and cover the claims that were
 * added: the same rows, in the same order, as `claimsWritten` after the write.
 */
function claimsAdded(
  t: Tables,
  req: DBCoreMutateRequest & { type: 'add' },
  claimless: ReadonlySet<string>,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const claims = req.values as Claim[];
  const ids = claims.map((c) => c.id as string);
  const sorted = [...ids].sort();
  // none of these tables is written by the claims' write itself
  const reads = Promise.all([
    ids.length > 0 ? liveEvidenceClaims(t, trans, between(sorted[0], sorted.at(-1))) : [],
    speakerNames(t, trans, claims),
    placementKeys(t, trans, ids),
    summaryRows(t, trans, claims, claimless),
  ]);
  const written = t.claims.mutate(withHotKeys(req));
  const worked = reads.then(([evidence, names, placed, summaries]) => {
    const wanted = new Set(ids);
    const sourced = new Set<string>();
    for (const e of evidence) if (wanted.has(e.claimId)) sourced.add(e.claimId);
    const facets = claims.map((c) =>
      unkeyedFacetOf(c, sourced.has(c.id), c.speakerId === null ? null : (names.get(c.speakerId) ?? '')),
    );
    return { facets, placed, summaries };
  });
  // both are awaited together below; neither may go unhandled while the other is pending
  worked.catch(() => undefined);
  if (wholeOnly.has(trans)) return claimsAddedAhead(t, req, written, worked, ids);
  const job = inOrder(trans, async () => {
    const [res, { facets, placed, summaries }] = await Promise.all([written, worked]);
    const kept = claims.flatMap((_, i) => (succeeded(res, i) ? [i] : []));
    if (kept.length > 0) {
      const all = kept.length === claims.length;
      const derived = putDerived(
        t,
        trans,
        kept.map((i) => [undefined, facets[i]] as const),
        all ? summaries : undefined,
      );
      if (derived) await derived;
      const keptIds = kept.map((i) => ids[i]!);
      await placedClaimsChanged(
        t,
        trans,
        keptIds,
        new Map(kept.map((i) => [ids[i]!, claims[i]!])),
        all ? placed : undefined,
      );
    }
    return res;
  });
  job.catch(() => undefined);
  // answered through the write's own (Dexie) promise, as every other write: the middleware above
  // writes after awaiting it, inside the transaction's zone
  return written.then(() => job);
}

/**
 * `claimsAdded` in an all-or-nothing transaction: the facet, count and placement rows are written
 * as soon as they are worked out, without waiting for the claims' outcome, so IndexedDB goes from
 * the claims to their facets without waiting on this thread, and this thread works out and clones
 * the facets while IndexedDB stores the claims. A failure of the claims (or of an earlier write)
 * fails the transaction: the derived rows written meanwhile are rolled back with it.
 */
function claimsAddedAhead(
  t: Tables,
  req: DBCoreMutateRequest & { type: 'add' },
  written: Promise<DBCoreMutateResponse>,
  worked: Promise<{
    facets: FacetView[];
    placed: (readonly [string, string])[];
    summaries: Map<string, SummaryRow | undefined>;
  }>,
  ids: readonly string[],
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const claims = req.values as Claim[];
  written.catch(() => failedIn.add(trans));
  const job = inOrder(trans, async () => {
    const { facets, placed, summaries } = await worked;
    if (failedIn.has(trans)) throw new Error('An earlier write of this transaction failed.');
    const derived = putDerived(
      t,
      trans,
      facets.map((f) => [undefined, f] as const),
      summaries,
    );
    if (derived) await derived;
    await placedClaimsChanged(t, trans, ids, new Map(claims.map((c) => [c.id as string, c])), placed);
  });
  job.catch(() => undefined);
  // answered through the write's own (Dexie) promise, as `claimsAdded`
  return written.then((res) => job.then(() => res));
}

/**
 * The summary rows of every scope these (new) claims count in. A speaker naming no claim before
 * them (`claimless`) has none: it is not read.
 */
async function summaryRows(
  t: Tables,
  trans: DBCoreTransaction,
  claims: readonly Claim[],
  claimless: ReadonlySet<string>,
): Promise<Map<string, SummaryRow | undefined>> {
  const scopes = new Set<string>();
  const none = new Set<string>();
  for (const c of claims) {
    if (c.deletedAt !== null) continue;
    scopes.add(LIBRARY);
    scopes.add(articleScope(c.articleId));
    if (c.speakerId !== null) (claimless.has(c.speakerId) ? none : scopes).add(speakerScope(c.speakerId));
    for (const tag of c.tags) scopes.add(tagScope(tag));
  }
  const rows = await readSummaries(t, trans, [...scopes]);
  for (const scope of none) rows.set(scope, undefined);
  return rows;
}

/** Summary rows by scope id (undefined: none yet). */
async function readSummaries(
  t: Tables,
  trans: DBCoreTransaction,
  keys: readonly string[],
): Promise<Map<string, SummaryRow | undefined>> {
  const rows = (await t.summaries.getMany({ trans, keys: [...keys] })) as (SummaryRow | undefined)[];
  return new Map(keys.map((k, i) => [k, rows[i]]));
}

/** The derived rows of written claims, worked out, with the reads their write needs already asked for. */
type ClaimsWorked = Readonly<{
  ids: readonly string[];
  claims: ReadonlyMap<string, Claim>;
  changes: readonly (readonly [FacetView | undefined, FacetView])[];
  summaries: ReadonlyMap<string, SummaryRow | undefined>;
  placed: readonly (readonly [string, string])[];
  /** The facet rows were written as soon as they were worked out (`ahead`). */
  facetsWritten: boolean;
}>;

/**
 * New or changed claim rows' facets, from their old facets (`before`, read beforehand: has-source
 * and the speaker's sort key) or, for claims with none, the evidence; and the summary rows and
 * placement keys the write will need, asked for as soon as the facets are worked out (answered once
 * IndexedDB gets to them). It reads no table a claim write changes: it may run while IndexedDB is
 * still storing the claims (`mutateClaims`). It writes nothing, unless `ahead` (an all-or-nothing
 * transaction): then the facet rows are asked for as soon as they are worked out, before the claims'
 * outcome, so this thread clones them while IndexedDB stores the claims.
 */
async function claimsWorked(
  t: Tables,
  trans: DBCoreTransaction,
  claims: readonly Claim[],
  before: readonly (FacetView | undefined)[],
  ahead = false,
): Promise<ClaimsWorked> {
  const ids = claims.map((c) => c.id as string);
  const unknown = ids.filter((_, i) => before[i] === undefined).sort();
  // the placements are asked for first: the reads below may wait on the evidence and the speakers
  const placing = placementKeys(t, trans, ids);
  placing.catch(() => undefined);
  const sourced = new Set<string>();
  if (unknown.length > 0) {
    // one range read over the claim ids never seen before (new ids are close together)
    const wanted = new Set(unknown);
    for (const e of await liveEvidenceClaims(t, trans, between(unknown[0], unknown.at(-1))))
      if (wanted.has(e.claimId)) sourced.add(e.claimId);
  }
  // a claim that keeps its speaker keeps its speaker's sort key: only new speakers are read
  const changedSpeakers = claims.filter((c, i) => before[i]?.s !== c.speakerId);
  const named =
    changedSpeakers.length > 0 ? speakerNames(t, trans, changedSpeakers) : new Map<string, string>();
  const names = named instanceof Map ? named : await named;
  const changes = claims.map((c, i) => {
    const old = before[i];
    const hasSource = old ? old.h === 1 : sourced.has(c.id);
    const name = c.speakerId === null ? null : (names.get(c.speakerId) ?? '');
    const facet = unkeyedFacetOf(c, hasSource, name);
    return [old, old && old.s === c.speakerId ? { ...facet, o: { ...facet.o, n: old.o.n } } : facet] as const;
  });
  const moved = ahead && !failedIn.has(trans) ? storedChanges(changes) : null;
  const facetsPut =
    moved !== null && moved.length > 0 ? t.facets.mutate({ trans, type: 'put', values: moved }) : null;
  facetsPut?.catch(() => undefined);
  // the summary rows whose counts move, asked for before the facets are written
  const delta = new CountDelta();
  for (const [old, next] of changes) {
    delta.add(old, -1);
    delta.add(next, 1);
  }
  const scopes = [...delta.changed().keys()];
  const summaries = scopes.length === 0 ? new Map() : await readSummaries(t, trans, scopes);
  // held as values, not promises: the write that follows must reach IndexedDB inside Dexie's
  // transaction zone, which awaiting a promise made elsewhere can leave (Dexie's cache middleware
  // then finds no transaction)
  if (facetsPut) await facetsPut;
  return {
    ids,
    claims: new Map(claims.map((c) => [c.id as string, c])),
    changes,
    summaries,
    placed: await placing,
    facetsWritten: moved !== null,
  };
}

/** The stored facet rows a write changes (none for a verdict edit or an update: `keepsStoredFacet`). */
const storedChanges = (changes: readonly (readonly [FacetView | undefined, FacetView])[]): StoredFacet[] =>
  changes.flatMap(([old, next]) => (keepsStoredFacet(old, next) ? [] : [storedFacetOf(next)]));

/** A claims write as it goes down: every claim with its hot keys. */
function withHotKeys(req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type !== 'put' && req.type !== 'add') return req;
  return { ...req, values: (req.values as Claim[]).map(storedClaimOf) };
}

/** Writes what `claimsWorked` worked out: facet and count rows, then placements. */
async function writeWorked(t: Tables, trans: DBCoreTransaction, worked: ClaimsWorked): Promise<void> {
  const derived = putDerived(t, trans, worked.changes, worked.summaries, worked.facetsWritten);
  if (derived) await derived;
  await placedClaimsChanged(t, trans, worked.ids, worked.claims, worked.placed);
}

/**
 * New or changed claim rows: their facets from the old facet (has-source) or the evidence. An
 * `add` only succeeds for a new id, so it has no old facet to read.
 */
async function claimsWritten(
  t: Tables,
  trans: DBCoreTransaction,
  claims: readonly Claim[],
  added: boolean,
  /** The claims' old facets, worked out before their write (`mutateClaims`). */
  read: readonly (FacetView | undefined)[] | undefined,
  /** Else the claims as stored before their write (the verdict and update their facet rows leave out). */
  olds: readonly (Claim | undefined)[] | null,
): Promise<void> {
  if (claims.length === 0) return;
  const before = added
    ? claims.map(() => undefined)
    : (read ??
      viewsOf(
        (await t.facets.getMany({ trans, keys: claims.map((c) => c.id) })) as (StoredFacet | undefined)[],
        olds ?? [],
      ));
  await writeWorked(t, trans, await claimsWorked(t, trans, claims, before));
}

/** Claims deleted (`olds`: as stored before): their facet rows and counts go, and their placements follow. */
async function claimsRemoved(t: Tables, trans: DBCoreTransaction, olds: readonly Claim[]): Promise<void> {
  const ids = olds.map((c) => c.id as string);
  const stored = (await t.facets.getMany({ trans, keys: ids })) as (StoredFacet | undefined)[];
  const before = viewsOf(stored, olds);
  const derived = putDerived(
    t,
    trans,
    before.map((b) => [b, undefined] as const),
  );
  if (derived) await derived;
  await placedClaimsChanged(t, trans, ids, new Map());
}

/**
 * Claims whose links to sources changed: their has-source flag and placements' counts, from the
 * live evidence (`claims`: the claims as stored when the links were written, for their verdicts).
 */
async function evidenceChanged(
  t: Tables,
  trans: DBCoreTransaction,
  ids: readonly string[],
  claims: readonly (Claim | undefined)[],
) {
  if (ids.length === 0) return;
  const stored = (await t.facets.getMany({ trans, keys: [...ids] })) as (StoredFacet | undefined)[];
  const before = viewsOf(stored, claims);
  const counts = await Promise.all(ids.map((id) => liveEvidenceClaims(t, trans, equal(id))));
  const changes: (readonly [FacetView, FacetView])[] = [];
  ids.forEach((_, i) => {
    const old = before[i];
    if (!old) return;
    const h = counts[i]!.length > 0 ? 1 : 0;
    if (old.h !== h) changes.push([old, { ...old, h }]);
  });
  const derived = putDerived(t, trans, changes);
  if (derived) await derived;
  const rows = await placementsOf(t, trans, ids);
  if (rows.length === 0) return;
  const n = new Map(ids.map((id, i) => [id, counts[i]!.length]));
  await putPlacements(
    t,
    trans,
    rows.map((r) => [r, r.a === null ? r : { ...r, n: n.get(r.c) ?? 0 }] as const),
  );
}

/**
 * The placement rows of these claims: one range of the `c` index over the batch's ids (a batch's
 * new ids are close together), keys only, then the rows of the ids asked for. Most writes are of
 * claims placed nowhere: one read that finds no key.
 */
async function placementKeys(
  t: Tables,
  trans: DBCoreTransaction,
  claimIds: readonly string[],
): Promise<(readonly [string, string])[]> {
  if (claimIds.length === 0) return [];
  const sorted = [...new Set(claimIds)].sort();
  const index = t.placements.schema.getIndexByKeyPath('c')!;
  const range = sorted.length === 1 ? equal(sorted[0]) : between(sorted[0], sorted.at(-1));
  const { result } = await t.placements.query({ trans, values: false, query: { index, range } });
  const wanted = new Set(sorted);
  return (result as [string, string][]).filter((k) => wanted.has(k[1]));
}

async function placementsOf(
  t: Tables,
  trans: DBCoreTransaction,
  claimIds: readonly string[],
  read?: readonly (readonly [string, string])[],
) {
  if (claimIds.length === 0) return [];
  const keys = read ?? (await placementKeys(t, trans, claimIds));
  if (keys.length === 0) return [];
  return ((await t.placements.getMany({ trans, keys: [...keys] })) as (PlacedRow | undefined)[]).filter(
    (r): r is PlacedRow => r !== undefined,
  );
}

async function putPlacements(
  t: Tables,
  trans: DBCoreTransaction,
  changes: readonly (readonly [PlacedRow, PlacedRow])[],
): Promise<void> {
  const values = changes.filter(([a, b]) => !samePlacement(a, b)).map(([, b]) => b);
  if (values.length > 0) await t.placements.mutate({ trans, type: 'put', values });
}

/** Claims written or removed: their placements follow (a claim stored for the first time counts its links). */
async function placedClaimsChanged(
  t: Tables,
  trans: DBCoreTransaction,
  ids: readonly string[],
  claims: ReadonlyMap<string, Claim>,
  /** `placementKeys(ids)`, read beforehand. */
  keys?: readonly (readonly [string, string])[],
): Promise<void> {
  const rows = await placementsOf(t, trans, ids, keys);
  if (rows.length === 0) return;
  const arriving = [...new Set(rows.filter((r) => r.a === null && claims.has(r.c)).map((r) => r.c))];
  const links = await Promise.all(arriving.map((id) => liveEvidenceClaims(t, trans, equal(id))));
  const n = new Map(arriving.map((id, i) => [id, links[i]!.length]));
  await putPlacements(
    t,
    trans,
    rows.map((r) => {
      const claim = claims.get(r.c);
      return [r, n.has(r.c) ? placedRowOf(r.q, r.c, claim, n.get(r.c)!) : withClaim(r, claim)] as const;
    }),
  );
}

const questionRange = (id: string): DBCoreKeyRange => between([id], [id, []]);

/** Questions written: each one's placement rows are the claims it places while live. */
async function questionsWritten(t: Tables, trans: DBCoreTransaction, questions: readonly Question[]) {
  for (const q of questions) {
    const { result } = await t.placements.query({
      trans,
      values: false,
      query: { index: t.placements.schema.primaryKey, range: questionRange(q.id) },
    });
    const had = new Set((result as [string, string][]).map((k) => k[1]));
    const want = new Set(placedIn(q));
    const gone = [...had].filter((c) => !want.has(c)).map((c) => [q.id, c]);
    const added = [...want].filter((c) => !had.has(c));
    if (gone.length > 0) await t.placements.mutate({ trans, type: 'delete', keys: gone });
    if (added.length === 0) continue;
    const claims = (await t.claims.getMany({ trans, keys: added })) as (Claim | undefined)[];
    const links = await Promise.all(added.map((id) => liveEvidenceClaims(t, trans, equal(id))));
    await t.placements.mutate({
      trans,
      type: 'put',
      values: added.map((c, i) => placedRowOf(q.id, c, claims[i], links[i]!.length)),
    });
  }
}

async function questionsRemoved(t: Tables, trans: DBCoreTransaction, ids: readonly string[]) {
  for (const id of ids) await t.placements.mutate({ trans, type: 'deleteRange', range: questionRange(id) });
}

async function mutateQuestions(t: Tables, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    const gone = await rowsIn(t.questions, trans, req.range);
    const res = await t.questions.mutate(req);
    await t.packs.mutate({ trans, type: 'deleteRange', range: req.range });
    await inOrder(trans, () =>
      questionsRemoved(
        t,
        trans,
        gone.map((q) => q.id),
      ),
    );
    return res;
  }
  const res = await t.questions.mutate(req);
  if (req.type === 'delete') {
    await t.packs.mutate({ trans, type: 'delete', keys: req.keys });
    await inOrder(trans, () =>
      questionsRemoved(
        t,
        trans,
        (req.keys as string[]).filter((_, i) => succeeded(res, i)),
      ),
    );
  } else {
    const written = (req.values as Question[]).filter((_, i) => succeeded(res, i));
    if (written.length > 0) await t.packs.mutate({ trans, type: 'put', values: written.map(packOf) });
    await inOrder(trans, () => questionsWritten(t, trans, written));
  }
  return res;
}

/** Renamed (or newly written) speakers: their claims sort by the new name. */
async function speakersRenamed(
  t: Tables,
  trans: DBCoreTransaction,
  renamed: ReadonlyMap<string, string | null>,
) {
  const index = t.claims.schema.getIndexByKeyPath('speakerId')!;
  // every speaker's claims asked for at once (an import adds several speakers, mostly with no
  // claims yet): one round trip to the database, not one per speaker
  const speakers = [...renamed];
  const asOf = claimsWritesSoFar(trans);
  const found = await Promise.all(
    speakers.map(([speakerId]) =>
      t.claims.query({ trans, values: false, query: { index, range: equal(speakerId) } }),
    ),
  );
  noClaimsFound(
    trans,
    asOf,
    speakers.flatMap(([speakerId], i) => (found[i]!.result.length === 0 ? [speakerId] : [])),
  );
  const names = speakers.flatMap(([, name], i) => found[i]!.result.map(() => name ?? ''));
  const ids = found.flatMap((f) => f.result);
  if (ids.length === 0) return;
  // a speaker's sort key is in no count and no hot key: only the facet rows change
  const before = (await t.facets.getMany({ trans, keys: ids })) as (StoredFacet | undefined)[];
  const values = before.flatMap((b, i) => {
    if (b === undefined) return [];
    const n = speakerSortKey(b.s === null ? null : names[i]!);
    return n === b.o.n ? [] : [restoredFacet(storedFormOf(b), { n })];
  });
  if (values.length > 0) await t.facets.mutate({ trans, type: 'put', values });
}

async function rowsIn(table: DBCoreTable, trans: DBCoreTransaction, range: DBCoreKeyRange) {
  const { result } = await table.query({
    trans,
    values: true,
    query: { index: table.schema.primaryKey, range },
  });
  return result as { id: string }[];
}

function mutateClaims(
  t: Tables,
  req: DBCoreMutateRequest,
  /** The claims' pre-images (`claimsWriteAsked`), where known. */
  pres: readonly (Claim | undefined)[],
  /** Speakers naming no claim before this write (`claimsWriteIssued`). */
  claimless: ReadonlySet<string>,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    return rowsIn(t.claims, trans, req.range).then(async (olds) => {
      const res = await t.claims.mutate(req);
      await inOrder(trans, () => claimsRemoved(t, trans, olds as unknown as Claim[]));
      return res;
    });
  }
  // an add while no other write of this transaction is under way starts its derived work alongside
  if (req.type === 'add' && !busy.has(trans)) return claimsAdded(t, req, claimless);
  // a put while no other write of this transaction is under way asks for the old facets (or what
  // they are worked out from) before the claims' write (nothing before it can change them), and works out the new facet rows (and
  // asks for the summary rows and placements they move) as soon as those are in, while IndexedDB
  // is still storing the claims: the derived rows are then written as soon as the claims are, not
  // after this thread has worked them out (bulk23: 60-390 ms of a 1,000-claim verdict)
  const put = req.type === 'put' && !busy.has(trans) ? (req.values as Claim[]) : null;
  const early = put === null ? null : oldFacets(t, trans, put, pres);
  // in an all-or-nothing transaction the facet rows go out before the claims' outcome (a failed
  // claim fails the whole transaction, and they with it)
  const ahead = wholeOnly.has(trans);
  const worked =
    early !== null && put !== null && put.length > 0
      ? early.then((before) => claimsWorked(t, trans, put, before, ahead))
      : null;
  worked?.catch(() => undefined);
  // otherwise the claims as stored before this write, read ahead of it: a facet row holds no verdict
  const olds = early === null && req.type !== 'add' ? answered(storedClaims(t, trans, req)) : null;
  const written = t.claims.mutate(withHotKeys(req));
  if (ahead && worked !== null) written.catch(() => failedIn.add(trans));
  return written.then(async (res) => {
    if (req.type === 'delete') {
      const gone = (olds?.rows ?? []).filter((c, i): c is Claim => c !== undefined && succeeded(res, i));
      await inOrder(trans, () => claimsRemoved(t, trans, gone));
    } else {
      const values = req.values as Claim[];
      const kept = values.flatMap((_, i) => (succeeded(res, i) ? [i] : []));
      if (worked !== null && kept.length === values.length) {
        // every claim written: what was worked out while they were stored is what they need
        const ready = await worked;
        await inOrder(trans, () => writeWorked(t, trans, ready));
        return res;
      }
      // a claim failed: the transaction will abort (facet rows may be out already), nothing more is written
      if (worked !== null && ahead) {
        failedIn.add(trans);
        return res;
      }
      const read = early === null ? undefined : await early;
      // values, not promises, into the job: awaiting a promise made elsewhere there can leave Dexie's zone
      const before = olds?.rows ?? null;
      await inOrder(trans, () =>
        claimsWritten(
          t,
          trans,
          kept.map((i) => values[i]!),
          req.type === 'add',
          read && kept.map((i) => read[i]),
          before && kept.map((i) => before[i]),
        ),
      );
    }
    return res;
  });
}

/**
 * A read's rows, once answered. A write asked after the read is answered after it (IndexedDB
 * answers a transaction's requests in order), so the write's callbacks find them here, as values:
 * awaiting there a promise made elsewhere can leave Dexie's transaction zone.
 */
function answered<T>(read: Promise<T[]>): { rows: T[] | undefined } {
  const box: { rows: T[] | undefined } = { rows: undefined };
  read.then(
    (rows) => {
      box.rows = rows;
    },
    () => undefined,
  );
  return box;
}

/** The claims a put or delete names, as stored before it. */
function storedClaims(
  t: Tables,
  trans: DBCoreTransaction,
  req: DBCoreMutateRequest,
): Promise<(Claim | undefined)[]> {
  const keys =
    req.type === 'delete'
      ? req.keys
      : req.type === 'put'
        ? (req.keys ?? req.values.map((v) => (v as Claim).id))
        : [];
  return t.claims.getMany({ trans, keys }) as Promise<(Claim | undefined)[]>;
}

async function mutateEvidence(t: Tables, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const claimIds = new Set<string>();
  const old =
    req.type === 'add'
      ? [] // an add only succeeds for a new id: nothing to read
      : req.type === 'deleteRange'
        ? await rowsIn(t.evidence, trans, req.range)
        : ((await t.evidence.getMany({
            trans,
            keys: req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => (v as Evidence).id)),
          })) as (Evidence | undefined)[]);
  for (const e of old) if (e) claimIds.add((e as Evidence).claimId);
  if (req.type === 'add' || req.type === 'put')
    for (const v of req.values) claimIds.add((v as Evidence).claimId);
  const ids = [...claimIds];
  // their verdicts as stored when the links are written (a facet row holds none)
  const claims = answered(t.claims.getMany({ trans, keys: ids }) as Promise<(Claim | undefined)[]>);
  const res = await t.evidence.mutate(req);
  await inOrder(trans, () => evidenceChanged(t, trans, ids, claims.rows ?? []));
  return res;
}

async function mutateSpeakers(
  t: Tables,
  req: DBCoreMutateRequest,
  /** The write as the transaction's known speakers follow it: the names known before it, told when it goes out. */
  write: SpeakersWrite,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  if (req.type !== 'add' && req.type !== 'put') {
    write.issued();
    return t.speakers.mutate(req);
  }
  const knownBefore = write.before;
  const values = req.values as Speaker[];
  // an add only succeeds for a new id: nothing to read; a put reads the names it does not know
  const unknown =
    req.type === 'add' ? [] : values.flatMap((s, i) => (knownBefore[i] === undefined ? [s.id] : []));
  const read =
    unknown.length === 0
      ? []
      : ((await t.speakers.getMany({ trans, keys: unknown })) as (Speaker | undefined)[]);
  const oldNames = new Map(read.flatMap((s) => (s === undefined ? [] : [[s.id as string, s.name]])));
  write.issued();
  const res = await t.speakers.mutate(req);
  const renamed = new Map<string, string | null>();
  values.forEach((s, i) => {
    const old = req.type === 'add' ? undefined : (knownBefore[i] ?? oldNames.get(s.id));
    if (succeeded(res, i) && old !== s.name) renamed.set(s.id, s.name);
  });
  if (renamed.size > 0) await inOrder(trans, () => speakersRenamed(t, trans, renamed));
  return res;
}

/** An article written: its head written too (a delete deletes it). */
async function mutateArticles(t: Tables, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const res = await t.articles.mutate(req);
  if (req.type === 'deleteRange') await t.heads.mutate({ trans, type: 'deleteRange', range: req.range });
  else if (req.type === 'delete') await t.heads.mutate({ trans, type: 'delete', keys: req.keys });
  else {
    const heads = (req.values as Article[]).filter((_, i) => succeeded(res, i)).map(headOf);
    if (heads.length > 0) await t.heads.mutate({ trans, type: 'put', values: heads });
  }
  return res;
}

const withoutHotKeysAll = (rows: readonly unknown[]): unknown[] =>
  rows.map((row) => (row === undefined ? row : withoutHotKeys(row as Claim)));

/** A cursor over claims whose values are read without their hot keys. */
function cursorWithoutHotKeys(cursor: DBCoreCursor): DBCoreCursor {
  return Object.create(cursor, {
    value: { get: () => (cursor.value === undefined ? undefined : withoutHotKeys(cursor.value as Claim)) },
  }) as DBCoreCursor;
}

export const derivedMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ClaimdeskDerived',
  create(down) {
    const present = (name: string) => down.schema.tables.some((t) => t.name === name);
    if (!REQUIRED.every(present)) return down;
    const sourced = present(SOURCED) ? down.table(SOURCED) : null;
    const wide = WIDENED.filter(present);
    const t: Tables = {
      claims: down.table('claims'),
      evidence: down.table('evidence'),
      speakers: down.table('speakers'),
      facets: down.table(FACETS),
      summaries: down.table(SUMMARIES),
      articles: down.table('articles'),
      heads: down.table(HEADS),
      questions: down.table('questions'),
      placements: down.table(PLACEMENTS),
      packs: down.table(QUESTION_PACKS),
      sourced,
      state: present('syncState') ? down.table('syncState') : null,
    };
    const mutate: Record<string, (req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>> = {
      evidence: (req) => mutateEvidence(t, req),
      articles: (req) => mutateArticles(t, req),
      questions: (req) => mutateQuestions(t, req),
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some((s) => WATCHED.includes(s) || s === FACETS);
        return down.transaction(widen ? [...new Set([...stores, ...wide])] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === FACETS && sourced) return mirroredFacets(table, sourced);
        if (name === 'claims')
          return {
            ...table,
            // the hot keys stay below: no reader, backup, export or sync document sees them
            get: (req) => table.get(req).then((row) => (row === undefined ? row : withoutHotKeys(row))),
            getMany: (req) => rememberRead(req.trans, table.getMany(req).then(withoutHotKeysAll)),
            query: (req) =>
              req.values
                ? table.query(req).then((res) => ({ ...res, result: withoutHotKeysAll(res.result) }))
                : table.query(req),
            openCursor: (req) =>
              table
                .openCursor(req)
                .then((cursor) => (cursor && req.values !== false ? cursorWithoutHotKeys(cursor) : cursor)),
            mutate: (req) => {
              const pres = claimsWriteAsked(req.trans, req);
              const claimless = claimsWriteIssued(req.trans);
              return deferred.has(req.trans as object)
                ? table.mutate(req)
                : tracked(req.trans, () => mutateClaims(t, req, pres, claimless));
            },
          };
        if (name === 'speakers') {
          const speakers = rememberingSpeakers(table);
          return {
            ...speakers,
            mutate: (req) => {
              const write = speakersWriteAsked(req.trans, req);
              const deferredWrite = () => {
                write.issued();
                return table.mutate(req);
              };
              const written = deferred.has(req.trans as object)
                ? deferredWrite()
                : tracked(req.trans, () => mutateSpeakers(t, req, write));
              written.then(write.answered, () => write.answered(null));
              return written;
            },
          };
        }
        const write = mutate[name];
        return write
          ? {
              ...table,
              mutate: (req) =>
                deferred.has(req.trans as object) ? table.mutate(req) : tracked(req.trans, () => write(req)),
            }
          : table;
      },
    };
  },
};
