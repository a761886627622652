import type { Stance, Verdict } from '../model/types';
import { type CompareClaim, type CompareQuestion, type CompareSpeaker, combinedStance } from './types';

export type CellEntry = Readonly<{ claim: CompareClaim; stance: Stance }>;

export type MatrixCell = Readonly<{
  speakerId: string;
  /** Empty: the speaker said nothing on this question. */
  entries: readonly CellEntry[];
  /** The stance of the speaker's claims together (mixed when they differ), null when empty. */
  stance: Stance | null;
  sourceCount: number;
}>;

export type MatrixRow = Readonly<{
  question: CompareQuestion;
  cells: readonly MatrixCell[];
  /** Among the shown columns, one speaker is for and another against. */
  conflict: boolean;
  forSpeakerIds: readonly string[];
  againstSpeakerIds: readonly string[];
}>;

export type Matrix = Readonly<{
  /** The shown columns, in order. */
  columns: readonly CompareSpeaker[];
  /** Every speaker with a claim placed under one of the questions, most placed first: what can be shown. */
  available: readonly CompareSpeaker[];
  rows: readonly MatrixRow[];
  /** Placed claims whose claim or speaker is unknown (deleted since), left out. */
  missing: number;
}>;

export type ColumnChoice = Readonly<{
  /** The columns to show, in this order; absent: every available speaker. */
  columns?: readonly string[] | null;
  hidden?: readonly string[];
}>;

const byDate = (a: CellEntry, b: CellEntry) =>
  (a.claim.date ?? '').localeCompare(b.claim.date ?? '') || a.claim.id.localeCompare(b.claim.id);

/**
 * Speakers × questions: each cell holds the speaker's claims placed under the question with their
 * stances (and through the claim, verdict and source count). The same speaker across articles is
 * one column, since claims carry the library-wide speaker id.
 */
export function buildMatrix(
  questions: readonly CompareQuestion[],
  claims: ReadonlyMap<string, CompareClaim>,
  speakers: readonly CompareSpeaker[],
  choice: ColumnChoice = {},
): Matrix {
  const speakerById = new Map(speakers.map((s) => [s.id, s]));
  const placed = new Map<string, number>();
  let missing = 0;
  const entriesByQuestion = questions.map((q) => {
    const bySpeaker = new Map<string, CellEntry[]>();
    for (const [claimId, stance] of Object.entries(q.stances)) {
      const claim = claims.get(claimId);
      if (!claim || claim.speakerId === null || !speakerById.has(claim.speakerId)) {
        missing++;
        continue;
      }
      bySpeaker.set(claim.speakerId, [...(bySpeaker.get(claim.speakerId) ?? []), { claim, stance }]);
      placed.set(claim.speakerId, (placed.get(claim.speakerId) ?? 0) + 1);
    }
    return bySpeaker;
  });
  const available = [...placed.keys()]
    .map((id) => speakerById.get(id)!)
    .sort((a, b) => placed.get(b.id)! - placed.get(a.id)! || a.name.localeCompare(b.name));
  const hidden = new Set(choice.hidden ?? []);
  const chosen = choice.columns
    ? [...new Set(choice.columns)].map((id) => speakerById.get(id)).filter((s) => s !== undefined)
    : available;
  const columns = chosen.filter((s) => !hidden.has(s.id));

  const rows = questions.map((question, qi): MatrixRow => {
    const bySpeaker = entriesByQuestion[qi]!;
    const cells = columns.map((s): MatrixCell => {
      const entries = (bySpeaker.get(s.id) ?? []).sort(byDate);
      return {
        speakerId: s.id,
        entries,
        stance: combinedStance(entries.map((e) => e.stance)),
        sourceCount: entries.reduce((n, e) => n + e.claim.sourceCount, 0),
      };
    });
    const forSpeakerIds = cells
      .filter((c) => c.entries.some((e) => e.stance === 'for'))
      .map((c) => c.speakerId);
    const againstSpeakerIds = cells
      .filter((c) => c.entries.some((e) => e.stance === 'against'))
      .map((c) => c.speakerId);
    const conflict = forSpeakerIds.some((f) => againstSpeakerIds.some((a) => a !== f));
    return { question, cells, conflict, forSpeakerIds, againstSpeakerIds };
  });
  return { columns, available, rows, missing };
}

/**
 * The matrix cut into tables of at most `size` speakers each (every question in each), for a page
 * that cannot hold them all side by side; a row's conflict stays the whole matrix's.
 */
export function matrixColumnChunks(matrix: Matrix, size: number): Matrix[] {
  const out: Matrix[] = [];
  for (let at = 0; at < matrix.columns.length; at += size)
    out.push({
      ...matrix,
      columns: matrix.columns.slice(at, at + size),
      rows: matrix.rows.map((r) => ({ ...r, cells: r.cells.slice(at, at + size) })),
    });
  return out;
}

/** Claims by verdict, in the verdict scale's order, leaving out verdicts with no claims. */
export function verdictTally(
  claims: readonly Pick<CompareClaim, 'verdict'>[],
  order: readonly Verdict[],
): { verdict: Verdict; count: number }[] {
  const counts = new Map<Verdict, number>();
  for (const c of claims) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  return order.filter((v) => counts.has(v)).map((verdict) => ({ verdict, count: counts.get(verdict)! }));
}
