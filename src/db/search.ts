import type {
  Claim,
  ClaimId,
  Evidence,
  EvidenceId,
  Source,
  SourceId,
  Speaker,
  SpeakerId,
  Timestamp,
} from '@/core/model/types';
import {
  type ClaimIndex,
  type ClaimSearchHit,
  claimSearchDoc,
  createClaimIndex,
  removeClaimDoc,
  searchClaimIndex,
  upsertClaimDoc,
} from '@/core/search/claim-index';
import { db } from './db';

/**
 * The claim search index of this tab, built on the first search (one read of every claim) and then
 * kept up to date by reading only what changed: rows whose `updatedAt` is later than the last one
 * indexed, in claims, speakers (renames reach their claims), sources (titles reach the claims that
 * link them) and evidence. That works for writes made in other tabs too, and costs one small index
 * range read per search when nothing changed.
 */
type Mark = Readonly<{
  /** The latest `updatedAt` indexed. */
  at: Timestamp;
  /** The rows with exactly that `updatedAt` already indexed (an import stamps many rows alike). */
  ids: ReadonlySet<string>;
}>;

type Tables = 'claims' | 'speakers' | 'sources' | 'evidence';

type State = { index: ClaimIndex; seen: Record<Tables, Mark> };

type Stamped = { id: string; updatedAt: Timestamp };

function markOf(rows: readonly Stamped[], previous: Mark = { at: 0, ids: new Set() }): Mark {
  const at = rows.reduce((m, r) => Math.max(m, r.updatedAt), previous.at);
  const ids = new Set(at === previous.at ? previous.ids : []);
  for (const r of rows) if (r.updatedAt === at) ids.add(r.id);
  return { at, ids };
}

/**
 * The rows of a table written since `mark`, from the `updatedAt` index: keys first (no values),
 * then only the new rows. Inclusive of `mark.at`, so a row written in that same millisecond after
 * the last look is not missed. Writes to one table commit in the order they stamp `updatedAt` (rw
 * transactions on a table run one at a time, stamping inside), so nothing older appears later.
 */
async function changedSince<T extends Stamped>(
  table: Tables,
  mark: Mark,
  get: (ids: string[]) => Promise<(T | undefined)[]>,
): Promise<T[]> {
  const fresh: string[] = [];
  await db
    .table(table)
    .where('updatedAt')
    .aboveOrEqual(mark.at)
    .eachKey((key: unknown, cursor: { primaryKey: unknown }) => {
      const id = String(cursor.primaryKey);
      if (key !== mark.at || !mark.ids.has(id)) fresh.push(id);
    });
  if (fresh.length === 0) return [];
  return (await get(fresh)).filter((r): r is T => r !== undefined);
}

let state: State | null = null;
/** Claims re-indexed by the last refresh (for tests and the benchmark). */
let lastRefreshed = 0;
let pending: Promise<State> | null = null;
let generation = 0;

/** Forgets the index (a deleted or replaced database; tests). */
export function resetClaimSearch(): void {
  state = null;
  pending = null;
  generation++;
}

db.on('ready', () => resetClaimSearch(), true);

/** Search documents for claims (live ones; deleted ones come back as ids to drop). */
async function documentsFor(claims: readonly Claim[]) {
  const live = claims.filter((c) => c.deletedAt === null);
  const speakerIds = [...new Set(live.map((c) => c.speakerId).filter((s): s is SpeakerId => s !== null))];
  const speakers = new Map<string, Speaker>();
  for (const s of await db.speakers.bulkGet(speakerIds)) if (s) speakers.set(s.id, s);
  const evidence = live.length
    ? await db.evidence
        .where('claimId')
        .anyOf(live.map((c) => c.id))
        .filter((e) => e.deletedAt === null)
        .toArray()
    : [];
  const sources = new Map<string, Source>();
  const sourceIds = [...new Set(evidence.map((e) => e.sourceId))];
  for (const s of await db.sources.bulkGet(sourceIds)) if (s && s.deletedAt === null) sources.set(s.id, s);
  const sourcesOf = new Map<string, Source[]>();
  for (const e of evidence) {
    const s = sources.get(e.sourceId);
    if (s) sourcesOf.set(e.claimId, [...(sourcesOf.get(e.claimId) ?? []), s]);
  }
  return {
    docs: live.map((c) =>
      claimSearchDoc(c, c.speakerId ? (speakers.get(c.speakerId) ?? null) : null, sourcesOf.get(c.id) ?? []),
    ),
    removed: claims.filter((c) => c.deletedAt !== null).map((c) => c.id),
  };
}

async function build(): Promise<State> {
  return db.transaction('r', [db.claims, db.speakers, db.sources, db.evidence], async () => {
    const [claims, speakers, sources, evidence] = await Promise.all([
      db.claims.toArray(),
      db.speakers.toArray(),
      db.sources.toArray(),
      db.evidence.toArray(),
    ]);
    const speakerOf = new Map(speakers.map((s) => [s.id, s]));
    const sourceOf = new Map(sources.filter((s) => s.deletedAt === null).map((s) => [s.id, s]));
    const sourcesOf = new Map<string, Source[]>();
    for (const e of evidence) {
      const s = e.deletedAt === null ? sourceOf.get(e.sourceId) : undefined;
      if (s) sourcesOf.set(e.claimId, [...(sourcesOf.get(e.claimId) ?? []), s]);
    }
    const docs = claims
      .filter((c) => c.deletedAt === null)
      .map((c) =>
        claimSearchDoc(
          c,
          c.speakerId ? (speakerOf.get(c.speakerId) ?? null) : null,
          sourcesOf.get(c.id) ?? [],
        ),
      );
    return {
      index: createClaimIndex(docs),
      seen: {
        claims: markOf(claims),
        speakers: markOf(speakers),
        sources: markOf(sources),
        evidence: markOf(evidence),
      },
    };
  });
}

/** Re-indexes the claims touched by rows changed since the last look. */
async function refresh(s: State): Promise<void> {
  await db.transaction('r', [db.claims, db.speakers, db.sources, db.evidence], async () => {
    const [claims, speakers, sources, evidence] = await Promise.all([
      changedSince<Claim>('claims', s.seen.claims, (ids) => db.claims.bulkGet(ids as ClaimId[])),
      changedSince<Speaker>('speakers', s.seen.speakers, (ids) => db.speakers.bulkGet(ids as SpeakerId[])),
      changedSince<Source>('sources', s.seen.sources, (ids) => db.sources.bulkGet(ids as SourceId[])),
      changedSince<Evidence>('evidence', s.seen.evidence, (ids) => db.evidence.bulkGet(ids as EvidenceId[])),
    ]);
    const ids = new Set<string>(claims.map((c) => c.id));
    for (const e of evidence) ids.add(e.claimId);
    if (speakers.length > 0) {
      const keys = await db.claims
        .where('speakerId')
        .anyOf(speakers.map((sp) => sp.id))
        .primaryKeys();
      for (const k of keys) ids.add(k);
    }
    if (sources.length > 0) {
      const links = await db.evidence
        .where('sourceId')
        .anyOf(sources.map((so) => so.id as SourceId))
        .toArray();
      for (const e of links) ids.add(e.claimId);
    }
    lastRefreshed = ids.size;
    if (ids.size > 0) {
      const known = new Map(claims.map((c) => [c.id as string, c]));
      const missing = [...ids].filter((id) => !known.has(id)) as ClaimId[];
      for (const c of await db.claims.bulkGet(missing)) if (c) known.set(c.id, c);
      const { docs, removed } = await documentsFor([...known.values()]);
      for (const doc of docs) upsertClaimDoc(s.index, doc);
      for (const id of removed) removeClaimDoc(s.index, id);
    }
    s.seen = {
      claims: markOf(claims, s.seen.claims),
      speakers: markOf(speakers, s.seen.speakers),
      sources: markOf(sources, s.seen.sources),
      evidence: markOf(evidence, s.seen.evidence),
    };
  });
}

/** The up-to-date index (built once per tab, refreshed incrementally). */
async function claimIndex(): Promise<State> {
  const gen = generation;
  if (!state) {
    pending ??= build();
    const built = await pending;
    if (gen !== generation) return claimIndex();
    state = built;
    pending = null;
    return built;
  }
  const s = state;
  await refresh(s);
  return s;
}

/**
 * Live claim ids matching `query` (prefix and fuzzy, every word must match), best first. The first
 * call builds the index (a read of every claim); later calls re-index only what changed.
 */
export async function searchClaims(query: string, limit = 500): Promise<ClaimSearchHit[]> {
  if (query.trim() === '') return [];
  const { index } = await claimIndex();
  return searchClaimIndex(index, query, limit);
}

/** What the index holds and how much the last refresh re-indexed. */
export function claimSearchStats(): { built: boolean; documents: number; lastRefreshed: number } {
  return { built: state !== null, documents: state?.index.documentCount ?? 0, lastRefreshed };
}

/** Builds the index ahead of the first search (e.g. when the claims screen opens). */
export async function warmClaimSearch(): Promise<void> {
  await claimIndex();
}
