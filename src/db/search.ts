import type { Claim, ClaimId, Source, SourceId, Speaker, SpeakerId, Timestamp } from '@/core/model/types';
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
type State = {
  index: ClaimIndex;
  /** Latest `updatedAt` seen per table. */
  seen: Record<'claims' | 'speakers' | 'sources' | 'evidence', Timestamp>;
};

let state: State | null = null;
let pending: Promise<State> | null = null;
let generation = 0;

/** Forgets the index (a deleted or replaced database; tests). */
export function resetClaimSearch(): void {
  state = null;
  pending = null;
  generation++;
}

db.on('ready', () => resetClaimSearch(), true);

const maxUpdated = (rows: readonly { updatedAt: Timestamp }[], since: Timestamp) =>
  rows.reduce((m, r) => Math.max(m, r.updatedAt), since);

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
        claims: maxUpdated(claims, 0),
        speakers: maxUpdated(speakers, 0),
        sources: maxUpdated(sources, 0),
        evidence: maxUpdated(evidence, 0),
      },
    };
  });
}

/** Re-indexes the claims touched by rows changed since the last look. */
async function refresh(s: State): Promise<void> {
  await db.transaction('r', [db.claims, db.speakers, db.sources, db.evidence], async () => {
    // from the last time seen, inclusive: a row written in that same millisecond after the last
    // look is not missed (re-indexing the others again is harmless). Writes to one table commit in
    // the order they stamp `updatedAt` (rw transactions on a table run one at a time, and stamp
    // inside), so nothing older can appear after a look.
    const [claims, speakers, sources, evidence] = await Promise.all([
      db.claims.where('updatedAt').aboveOrEqual(s.seen.claims).toArray(),
      db.speakers.where('updatedAt').aboveOrEqual(s.seen.speakers).toArray(),
      db.sources.where('updatedAt').aboveOrEqual(s.seen.sources).toArray(),
      db.evidence.where('updatedAt').aboveOrEqual(s.seen.evidence).toArray(),
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
    if (ids.size > 0) {
      const known = new Map(claims.map((c) => [c.id as string, c]));
      const missing = [...ids].filter((id) => !known.has(id)) as ClaimId[];
      for (const c of await db.claims.bulkGet(missing)) if (c) known.set(c.id, c);
      const { docs, removed } = await documentsFor([...known.values()]);
      for (const doc of docs) upsertClaimDoc(s.index, doc);
      for (const id of removed) removeClaimDoc(s.index, id);
    }
    s.seen = {
      claims: maxUpdated(claims, s.seen.claims),
      speakers: maxUpdated(speakers, s.seen.speakers),
      sources: maxUpdated(sources, s.seen.sources),
      evidence: maxUpdated(evidence, s.seen.evidence),
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

/** Builds the index ahead of the first search (e.g. when the claims screen opens). */
export async function warmClaimSearch(): Promise<void> {
  await claimIndex();
}
