import type { Table, Transaction } from 'dexie';
import type { Article, Claim, Evidence, Question, Speaker } from '@/core/model/types';
import { headOf } from './article-heads';
import {
  applyDelta,
  type BaseFacet,
  baseFacetOf,
  CountDelta,
  groupRange,
  LIBRARY,
  pointsKey,
  type SummaryRow,
  scoreKey,
  unkeyedFacetOf,
} from './facets';
import { type FacetView, type StoredFacet, storedClaimOf, storedFacetOf, viewOf } from './hot-keys';
import { FACETS, HEADS, SUMMARIES, writingStoredClaims } from './middleware';
import { computePlacements, PLACEMENTS, packOf, QUESTION_PACKS } from './placements';

/**
 * Every facet row (as stored) and summary, worked out from scratch from the claims, links and
 * speakers (the summaries also count `alsoCounted`, facets of other claims as they are).
 */
export function computeDerived(
  claims: readonly Claim[],
  evidence: readonly Evidence[],
  speakers: readonly Speaker[],
  alsoCounted: readonly BaseFacet[] = [],
): { facets: StoredFacet[]; summaries: SummaryRow[] } {
  const names = new Map(speakers.map((s) => [s.id as string, s.name]));
  const { rows, summaries } = summarised(claims, evidence, alsoCounted, (c, sourced) =>
    unkeyedFacetOf(c, sourced, c.speakerId === null ? null : (names.get(c.speakerId) ?? '')),
  );
  return { facets: rows.map(storedFacetOf), summaries };
}

/** The summaries of `claims` and `alsoCounted`, each claim counted by the row `make` gives it (returned). */
function summarised<R extends BaseFacet>(
  claims: readonly Claim[],
  evidence: readonly Evidence[],
  alsoCounted: readonly BaseFacet[],
  make: (claim: Claim, sourced: boolean) => R,
): { rows: R[]; summaries: SummaryRow[] } {
  const sourced = new Set<string>();
  for (const e of evidence) if (e.deletedAt === null) sourced.add(e.claimId);
  const delta = new CountDelta();
  for (const row of alsoCounted) delta.add(row, 1);
  const rows = claims.map((c) => {
    const row = make(c, sourced.has(c.id));
    delta.add(row, 1);
    return row;
  });
  const summaries = [...delta.changed()].map(([id, counts]) => applyDelta(undefined, id, counts));
  return { rows, summaries };
}

/**
 * Rebuilds the derived tables inside `tx` (a read-write or upgrade transaction over claims,
 * evidence, speakers, articles, claimFacets, summaries and articleHeads): what the schema upgrade
 * and a repair run.
 */
export async function rebuildDerivedIn(
  table: (name: string) => Table,
  has: (name: string) => boolean = () => true,
  /** The claims written back with their hot keys (an upgrade before version 14 leaves that to version 14's step). */
  hotKeys = true,
): Promise<void> {
  if (hotKeys) writingStoredClaims();
  // article by article: only one article's text is in memory at a time
  await table(HEADS).clear();
  await table('articles').each((a: Article) => {
    void table(HEADS).put(headOf(a));
  });
  const [claims, evidence, speakers] = await Promise.all([
    table('claims').toArray() as Promise<Claim[]>,
    table('evidence').toArray() as Promise<Evidence[]>,
    table('speakers').toArray() as Promise<Speaker[]>,
  ]);
  const { facets, summaries } = computeDerived(claims, evidence, speakers);
  await table(FACETS).clear();
  await table(SUMMARIES).clear();
  await table(FACETS).bulkPut(facets);
  await table(SUMMARIES).bulkPut(summaries);
  if (hotKeys) await table('claims').bulkPut(claims.map(storedClaimOf));
  // an upgrade step older than version 8 has no placedClaims table yet
  if (has(PLACEMENTS)) await rebuildPlacementsIn(table, claims, evidence);
}

/** Rebuilds the placement rows (`placedClaims`) and question packs from the questions, the claims they place and their links. */
export async function rebuildPlacementsIn(
  table: (name: string) => Table,
  claims?: readonly Claim[],
  evidence?: readonly Evidence[],
): Promise<void> {
  const questions = (await table('questions').toArray()) as Question[];
  const placed = [...new Set(questions.flatMap((q) => (q.deletedAt === null ? Object.keys(q.stances) : [])))];
  // without the whole tables at hand, only the placed claims and their links are read
  const rows =
    claims ??
    ((await table('claims').bulkGet(placed)) as (Claim | undefined)[]).filter((c) => c !== undefined);
  const links =
    evidence ?? ((await table('evidence').where('claimId').anyOf(placed).toArray()) as Evidence[]);
  await table(PLACEMENTS).clear();
  await table(PLACEMENTS).bulkPut(computePlacements(questions, rows, links));
  await table(QUESTION_PACKS).clear();
  await table(QUESTION_PACKS).bulkPut(questions.map(packOf));
}

/**
 * The schema upgrade that builds the derived rows. Each version that changes how they are kept
 * rebuilds them; an upgrade across several such versions rebuilds once, in the last of them (the
 * tables of the later versions do not exist yet in the earlier steps).
 */
export const rebuildInUpgrade =
  (version: number) =>
  (tx: Transaction): Promise<void> | undefined => {
    const target = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans.db.version;
    if (version < LAST_REBUILD && target >= LAST_REBUILD) return undefined;
    // the placement rows are built by version 8's own step (its table is not in the earlier steps)
    return rebuildDerivedIn(
      (name) => tx.table(name),
      (name) => name !== PLACEMENTS && name !== QUESTION_PACKS && tx.storeNames.includes(name),
      false,
    );
  };

/** The last schema version whose upgrade rebuilds the derived rows. */
export const LAST_REBUILD = 9;

/**
 * The library's counts by check-worthiness points (`c:<points>`, schema version 10), worked out
 * from what already holds the scores: the live claims' keys in check-worthiness order, counted
 * point by point (101 counts of the `*` keys in that order, no row read out). The library row's other
 * counts stay as they are, and its old `c:` counts are replaced, so a rebuild earlier in the same
 * upgrade (which counts them already) is not counted twice.
 */
export async function scoreCountsIn(table: (name: string) => Table): Promise<void> {
  const [lo, hi] = groupRange('*', 'c');
  const bound = (points: number) => `${lo}${scoreKey(points / 100)}`;
  const [counts, row] = await Promise.all([
    Promise.all(
      Array.from({ length: 101 }, (_, p) =>
        table(FACETS)
          .where('f')
          .between(bound(p), p === 100 ? hi : bound(p + 1), true, p === 100)
          .count(),
      ),
    ),
    table(SUMMARIES).get(LIBRARY) as Promise<SummaryRow | undefined>,
  ]);
  const kept = Object.entries(row?.counts ?? {}).filter(([key]) => !key.startsWith('c:'));
  const scored = counts.flatMap((n, p) => (n > 0 ? [[pointsKey(p), n] as const] : []));
  if (kept.length + scored.length === 0) return;
  await table(SUMMARIES).put({ id: LIBRARY, counts: Object.fromEntries([...kept, ...scored]) });
}

/** Schema version 10's upgrade: the library's counts by check-worthiness points (`scoreCountsIn`); no other row changes. */
export const scoreCountsInUpgrade = (tx: Transaction): Promise<void> =>
  scoreCountsIn((name) => tx.table(name));

/** Schema version 8's upgrade: builds the placement rows (the other derived rows are as version 7 kept them). */
export const placementsInUpgrade = (tx: Transaction): Promise<void> =>
  rebuildPlacementsIn((name) => tx.table(name));

/**
 * Where a chunked rebuild (`rebuildStepIn`) has got to: the stage and the last primary key done in
 * it (`null`: none yet). Between steps the derived rows agree with each other (facets
 * and summaries count the same claims), so readers see a smaller library, never a wrong count.
 */
export type RebuildCursor = Readonly<{ stage: 'heads' | 'claims' | 'placements'; after: string | null }>;

/** Claims (or articles, for heads) a step of the chunked rebuild reads and writes. */
export const REBUILD_CHUNK = 2_000;
/** Articles a step rebuilds the heads of (each read with its text). */
const HEADS_CHUNK = 200;

/**
 * The first step of a chunked rebuild: every derived row except the placements cleared (those
 * are rebuilt whole in the last step). The next steps start from the cursor it returns.
 */
export async function startRebuildIn(table: (name: string) => Table): Promise<RebuildCursor> {
  await Promise.all([FACETS, SUMMARIES, HEADS].map((name) => table(name).clear()));
  return { stage: 'heads', after: null };
}

/**
 * The summaries of every claim, written before the claims' facet rows (a first sync's counts, right
 * as soon as its rows are in): a claim with a facet row counts by it, any other by the facet it will
 * get (`claims`: at least every claim without a facet row; their facet inputs suffice). Returns
 * those facets by claim id: the steps that write them later (`rebuildStepIn` with `counted`) count
 * each claim once, whatever was written meanwhile.
 */
export async function countBeforeFacetsIn(
  table: (name: string) => Table,
  claims: readonly Claim[],
): Promise<Map<string, BaseFacet>> {
  const [stored, evidence] = await Promise.all([
    table(FACETS).toArray() as Promise<StoredFacet[]>,
    table('evidence').toArray() as Promise<Evidence[]>,
  ]);
  // a facet row holds no verdict: its claim's (the middleware kept the row and counts beside it)
  const owners =
    stored.length === 0
      ? []
      : ((await table('claims').bulkGet(stored.map((f) => f.id))) as (Claim | undefined)[]);
  const rows = stored.flatMap((f, i) => (owners[i] ? [viewOf(f, owners[i])] : []));
  const hasRow = new Set(stored.map((r) => r.id));
  const bare = claims.filter((c) => !hasRow.has(c.id));
  // counting reads no sort or index key: the facets without them (the steps make the whole rows)
  const { rows: counted, summaries } = summarised(bare, evidence, rows, baseFacetOf);
  await table(SUMMARIES).clear();
  await table(SUMMARIES).bulkPut(summaries);
  return new Map(counted.map((f) => [f.id, f]));
}

/**
 * `countBeforeFacetsIn` resumed at a cursor (a reload while the facet rows were written): the
 * summaries as committed count every facet row and, besides, `stillCounted` (what the steps had not
 * taken out yet). That is taken out and the claims after `after` without a facet row (of `claims`:
 * at least those) counted again as they are now; no facet row is read, nor any claim before the cursor.
 */
export async function recountAfterIn(
  table: (name: string) => Table,
  after: string,
  claims: readonly Claim[],
  stillCounted: Readonly<Record<string, Readonly<Record<string, number>>>>,
): Promise<Map<string, BaseFacet>> {
  const [rowIds, evidence] = await Promise.all([
    table(FACETS).where(':id').above(after).primaryKeys() as Promise<string[]>,
    table('evidence').where('claimId').above(after).toArray() as Promise<Evidence[]>,
  ]);
  const hasRow = new Set(rowIds);
  const bare = claims.filter((c) => c.id > after && !hasRow.has(c.id));
  const { rows: counted, summaries } = summarised(bare, evidence, [], baseFacetOf);
  const change = new Map<string, Map<string, number>>();
  for (const [scope, counts] of Object.entries(stillCounted))
    change.set(scope, new Map(Object.entries(counts).map(([key, n]) => [key, -n])));
  for (const row of summaries) {
    const scope = change.get(row.id) ?? new Map<string, number>();
    for (const [key, n] of Object.entries(row.counts)) scope.set(key, (scope.get(key) ?? 0) + n);
    change.set(row.id, scope);
  }
  const scopes = [...change.keys()];
  const stored = (await table(SUMMARIES).bulkGet(scopes)) as (SummaryRow | undefined)[];
  const next = scopes.map((id, i) => applyDelta(stored[i], id, change.get(id)!));
  const empty = next.filter((r) => Object.keys(r.counts).length === 0).map((r) => r.id);
  await table(SUMMARIES).bulkPut(next.filter((r) => Object.keys(r.counts).length > 0));
  if (empty.length > 0) await table(SUMMARIES).bulkDelete(empty);
  return new Map(counted.map((f) => [f.id, f]));
}

/**
 * The facets the summaries count for claims without a facet row yet (`countBeforeFacetsIn`): a
 * step takes them out of the counts as it writes the claims' rows (and those of claims gone since).
 */
export type CountedClaims = Readonly<{
  get(id: string): BaseFacet | undefined;
  /** The ids counted after `after` (null: from the first) up to `last` (included; null: to the end). */
  idsIn(after: string | null, last: string | null): readonly string[];
}>;

/**
 * What a claim's facet row is made of (`facetOf` reads these fields and no other): what a caller
 * that wrote the claim can keep of it for a rebuild step (`KnownClaims`), about a fifth of the row.
 */
export function facetInputsOf(claim: Claim): Claim {
  const { id, articleId, speakerId, deletedAt, verdict, kind, tags, start, updatedAt } = claim;
  return {
    id,
    articleId,
    speakerId,
    deletedAt,
    verdict,
    kind,
    tags,
    start,
    updatedAt,
    checkworthy: { score: claim.checkworthy.score },
  } as unknown as Claim;
}

/**
 * What a rebuild step's caller knows of the claims it wrote itself (a first sync's pages): which were
 * written again since by someone else, and (`heldAfter`) their ids. A step reads every claim of its
 * chunk whole: it writes each back with its hot keys (schema version 14).
 */
export type KnownClaims = Readonly<{
  /**
   * Of the claims after `after` (null: from the first) up to `last` (included; null: to the end),
   * those written since by anyone else.
   */
  changed(after: string | null, last: string | null): Promise<ReadonlySet<string>>;
  /**
   * Only when the claims table holds nothing but claims the caller wrote and claims `changed` names (a
   * first sync that began on an empty claims table): the next `limit` ids it wrote after
   * `after`, in id order. A step then reads no keys: its claims are these and those `changed`
   * names up to the last of them (to the end, when fewer than `limit` are left).
   */
  heldAfter?(after: string | null, limit: number): readonly string[];
}>;

/** A step's claims: their ids in order (`last`: the cursor after it, null when it was the last step). */
type Chunk = { claims: Claim[]; last: string | null };

/**
 * The claims after `after` in id order, about `limit` of them, with `known.heldAfter`: their ids
 * taken from what the caller holds and the claims written since (no keys read), each read whole.
 */
async function heldClaimsAfter(
  t: Table,
  after: string | null,
  limit: number,
  known: KnownClaims & Required<Pick<KnownClaims, 'heldAfter'>>,
): Promise<Chunk> {
  const held = known.heldAfter(after, limit);
  const last = held.length < limit ? null : held.at(-1)!;
  const changed = await known.changed(after, last);
  const ids = changed.size === 0 ? [...held] : [...new Set([...held, ...changed])].sort();
  if (ids.length === 0) return { claims: [], last };
  // a claim named by the outbox may be gone (deleted since): it has no facet row to make
  const claims = ((await t.bulkGet(ids)) as (Claim | undefined)[]).filter((c) => c !== undefined);
  return { claims, last };
}

/** The rows after `after` in primary-key order, at most `limit` of them. */
const rowsAfter = <T>(t: Table, after: string | null, limit: number): Promise<T[]> =>
  (after === null ? t.orderBy(':id') : t.where(':id').above(after)).limit(limit).toArray() as Promise<T[]>;

/**
 * One bounded step of a chunked rebuild, inside a read-write transaction over the same tables as
 * `rebuildDerivedIn`: the heads of the next articles, or the facets and summary counts
 * of the next claims in id order (their links read as one range of the `claimId` index), or the
 * placements. Returns the next cursor, or null when the rebuild is complete.
 *
 * A claim written meanwhile through the middleware (a person's edit while a library is rebuilt)
 * already has its facet and counts: a step counts the difference from the facet it finds, so
 * nothing is counted twice. The rows come out as the middleware writes them, and each claim is
 * written back with its hot keys (a first sync writes its claims without them, deferred): the step's
 * transaction then writes claims as stored (`writingStoredClaims`). With `known.heldAfter`, the
 * chunk's ids are not read.
 */
export async function rebuildStepIn(
  table: (name: string) => Table,
  cursor: RebuildCursor,
  size = REBUILD_CHUNK,
  trace?: RebuildTrace,
  known?: KnownClaims,
  counted?: CountedClaims,
): Promise<RebuildCursor | null> {
  if (cursor.stage === 'heads') {
    const articles = await rowsAfter<Article>(table('articles'), cursor.after, Math.min(size, HEADS_CHUNK));
    if (articles.length > 0) await table(HEADS).bulkPut(articles.map(headOf));
    return articles.length < Math.min(size, HEADS_CHUNK)
      ? { stage: 'claims', after: null }
      : { stage: 'heads', after: articles.at(-1)!.id };
  }
  if (cursor.stage === 'placements') {
    await rebuildPlacementsIn(table);
    return null;
  }
  const clock = clockFor(trace);
  writingStoredClaims();
  const { claims, last } = known?.heldAfter
    ? await heldClaimsAfter(table('claims'), cursor.after, size, { ...known, heldAfter: known.heldAfter })
    : await rowsAfter<Claim>(table('claims'), cursor.after, size).then(
        (claims): Chunk => ({ claims, last: claims.length < size ? null : (claims.at(-1)!.id as string) }),
      );
  clock('rebuild:claims:read-claims');
  const gone = counted ? uncounted(counted, cursor.after, last, claims) : [];
  if (claims.length > 0 || gone.length > 0) await putClaimsDerived(table, claims, clock, counted, gone);
  return last === null ? { stage: 'placements', after: null } : { stage: 'claims', after: last };
}

/** The claims counted in (after, last] that are gone since (not among the step's `claims`). */
function uncounted(
  counted: CountedClaims,
  after: string | null,
  last: string | null,
  claims: readonly Claim[],
): string[] {
  const present = new Set(claims.map((c) => c.id as string));
  return counted.idsIn(after, last).filter((id) => !present.has(id));
}

/**
 * The derived rows of these claims (in id order), counted against the facets they had and, with
 * `counted`, against the facets the summaries counted for them before they had one (`gone`: counted
 * claims deleted since, only taken out of the counts).
 */
async function putClaimsDerived(
  table: (name: string) => Table,
  claims: readonly Claim[],
  clock: (name: string) => void,
  counted?: CountedClaims,
  gone: readonly string[] = [],
): Promise<void> {
  const ids = claims.map((c) => c.id as string);
  const speakerIds = [...new Set(claims.map((c) => c.speakerId).filter((s) => s !== null))];
  const [links, speakers, before] =
    ids.length === 0
      ? [[], [], []]
      : await Promise.all([
          table('evidence').where('claimId').between(ids[0], ids.at(-1), true, true).toArray() as Promise<
            Evidence[]
          >,
          table('speakers').bulkGet(speakerIds) as Promise<(Speaker | undefined)[]>,
          // the chunk's ids are one contiguous run in id order, and a facet row has its claim's id: their
          // facet rows are one key range (one request, and none found in a first sync), not one get per claim
          table(FACETS).where(':id').between(ids[0], ids.at(-1), true, true).toArray() as Promise<
            StoredFacet[]
          >,
        ]);
  clock('rebuild:claims:read-links-speakers-facets');
  const sourced = new Set<string>();
  for (const e of links) if (e.deletedAt === null) sourced.add(e.claimId);
  const names = new Map<string, string>();
  for (const s of speakers) if (s) names.set(s.id, s.name);
  const had = new Map<string, StoredFacet>();
  for (const f of before) had.set(f.id, f);
  const delta = new CountDelta();
  const facets = claims.map((c) => {
    const facet: FacetView = unkeyedFacetOf(
      c,
      sourced.has(c.id),
      c.speakerId === null ? null : (names.get(c.speakerId) ?? ''),
    );
    // a facet row written meanwhile (through the middleware) counts by the claim as it is now
    const old = had.get(c.id);
    delta.add(old && viewOf(old, c), -1);
    delta.add(counted?.get(c.id), -1);
    delta.add(facet, 1);
    return storedFacetOf(facet);
  });
  for (const id of gone) delta.add(counted?.get(id), -1);
  const changed = delta.changed();
  const scopes = [...changed.keys()];
  clock('rebuild:claims:facets-made');
  const stored = (await table(SUMMARIES).bulkGet(scopes)) as (SummaryRow | undefined)[];
  clock('rebuild:claims:read-summaries');
  const next = scopes.map((id, i) => applyDelta(stored[i], id, changed.get(id)!));
  const empty = next.filter((r) => Object.keys(r.counts).length === 0).map((r) => r.id);
  await Promise.all([
    ...(facets.length > 0
      ? [table(FACETS).bulkPut(facets), table('claims').bulkPut(claims.map(storedClaimOf))]
      : []),
    table(SUMMARIES).bulkPut(next.filter((r) => Object.keys(r.counts).length > 0)),
    ...(empty.length > 0 ? [table(SUMMARIES).bulkDelete(empty)] : []),
  ]);
  clock('rebuild:claims:write');
}

/** Each stage of a rebuild step timed (benchmarks): `rebuild:claims:read-claims`, `…:write`. */
export type RebuildTrace = (stage: string, ms: number) => void;

/** A clock for `trace`: each call tells it the time since the previous one (nothing without a trace). */
function clockFor(trace: RebuildTrace | undefined): (name: string) => void {
  if (!trace) return () => undefined;
  let mark = performance.now();
  return (name) => {
    const t = performance.now();
    trace(name, t - mark);
    mark = t;
  };
}
