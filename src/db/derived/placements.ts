import type { Claim, Evidence, Question, Verdict } from '@/core/model/types';

/**
 * A **placement row** (`placedClaims`, schema version 8): one per claim placed under a live
 * question, keyed `[q+c]`, with what a compare cell and a profile show of the claim (speaker,
 * article, text, verdict, live source links). The compare view reads a question's placements as
 * one primary-key range instead of the claim rows and their links; a profile finds its questions
 * through the `s` (speaker) index instead of all the speaker's claim ids. Kept by the write
 * middleware on writes to questions, claims and evidence; `computePlacements` is the rebuild.
 * A placed claim that is not (yet) stored has a row with `a: null` (a team's question can arrive
 * before its claims), so the claim's first write finds the row to fill in.
 */
export type PlacedRow = Readonly<{
  q: string;
  c: string;
  /** The claim's speaker (also for a claim in the trash: the profile lists the question). */
  s: string | null;
  /** The claim's article; null while the claim is not stored. */
  a: string | null;
  t: string;
  v: Verdict | null;
  /** Live links to sources. */
  n: number;
  live: 0 | 1;
}>;

export const PLACEMENTS = 'placedClaims';

export function placedRowOf(
  question: string,
  claimId: string,
  claim: Claim | undefined,
  n: number,
): PlacedRow {
  if (!claim) return { q: question, c: claimId, s: null, a: null, t: '', v: null, n: 0, live: 0 };
  return {
    q: question,
    c: claimId,
    s: claim.speakerId,
    a: claim.articleId,
    t: claim.text,
    v: claim.verdict,
    n,
    live: claim.deletedAt === null ? 1 : 0,
  };
}

/** The same row for the claim as now written, keeping its source count. */
export const withClaim = (row: PlacedRow, claim: Claim | undefined): PlacedRow =>
  placedRowOf(row.q, row.c, claim, claim ? row.n : 0);

export const samePlacement = (a: PlacedRow, b: PlacedRow): boolean =>
  a.s === b.s && a.a === b.a && a.t === b.t && a.v === b.v && a.n === b.n && a.live === b.live;

/** The claims placed under a question, while it is live (a question in the trash places none). */
export const placedIn = (q: Question | undefined): string[] =>
  q && q.deletedAt === null ? Object.keys(q.stances ?? {}) : [];

/** Live links to sources per claim id. */
export function liveSourceCounts(evidence: readonly Evidence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of evidence) if (e.deletedAt === null) counts.set(e.claimId, (counts.get(e.claimId) ?? 0) + 1);
  return counts;
}

/** Every placement row, from scratch. */
export function computePlacements(
  questions: readonly Question[],
  claims: readonly Claim[],
  evidence: readonly Evidence[],
): PlacedRow[] {
  const byId = new Map(claims.map((c) => [c.id as string, c]));
  const counts = liveSourceCounts(evidence);
  return questions.flatMap((q) =>
    placedIn(q).map((c) => placedRowOf(q.id, c, byId.get(c), counts.get(c) ?? 0)),
  );
}

/** The order of the `[q+c]` key. */
export const byPlacementKey = (a: PlacedRow, b: PlacedRow): number =>
  a.q < b.q ? -1 : a.q > b.q ? 1 : a.c < b.c ? -1 : a.c > b.c ? 1 : 0;

/**
 * A **question pack** (`questionPacks`, schema version 8, same id): the question as one JSON string.
 * A question row holds every article it is raised by and every placed claim twice (stances and the
 * indexed `placedClaimIds`): hundreds of values that IndexedDB clones one by one on every read (30
 * questions of 200 articles cost as much as 1,000 article heads). One string is cloned at once;
 * `JSON.parse` of it is the cheap part. Kept with the placements; read by compare and profiles.
 */
export type QuestionPack = Readonly<{ id: string; p: string }>;

export const QUESTION_PACKS = 'questionPacks';

export const packOf = (q: Question): QuestionPack => ({ id: q.id, p: JSON.stringify(q) });

export const unpack = (row: QuestionPack): Question => JSON.parse(row.p) as Question;
