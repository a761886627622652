/** Turns claim and boilerplate offsets into runs of the verbatim text, for rendering as React text. */

export type Span = Readonly<{ id: string; start: number; end: number }>;
export type Range = Readonly<{ start: number; end: number }>;

export type Run = Readonly<{
  start: number;
  end: number;
  text: string;
  /** The claim this run belongs to, if any. */
  claimId: string | null;
  /** Whether this is the first run of its claim (the one that takes keyboard focus). */
  claimStart: boolean;
  boilerplate: boolean;
}>;

const clamp = (n: number, max: number) => Math.min(Math.max(n, 0), max);

/**
 * Splits `text` at every claim and boilerplate edge. Claims are taken in order of start; a claim
 * that overlaps an earlier one keeps only its part after the earlier one ends (empty → dropped).
 * Runs cover the whole text, in order, with no gaps.
 */
export function highlightRuns(text: string, claims: readonly Span[], boilerplate: readonly Range[]): Run[] {
  const len = text.length;
  const spans: Span[] = [];
  let lastEnd = 0;
  for (const c of [...claims].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const start = clamp(Math.max(c.start, lastEnd), len);
    const end = clamp(c.end, len);
    if (end > start) {
      spans.push({ id: c.id, start, end });
      lastEnd = end;
    }
  }
  // Sorted by start, for one walk beside the cuts (not a scan of every range per run: an article of
  // 300 KB has ~4,500 runs and ~500 boilerplate ranges).
  const dim = boilerplate
    .map((b) => ({ start: clamp(b.start, len), end: clamp(b.end, len) }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start);

  const cuts = new Set<number>([0, len]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  for (const b of dim) cuts.add(b.start).add(b.end);
  const points = [...cuts].sort((a, b) => a - b);

  const runs: Run[] = [];
  let si = 0;
  // The ranges starting at or before the run's start, and the furthest end among them: every range
  // edge is a cut, so a run lies inside some range exactly when that end is past its start.
  let di = 0;
  let dimEnd = 0;
  const seen = new Set<string>();
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (si < spans.length && spans[si]!.end <= start) si++;
    while (di < dim.length && dim[di]!.start <= start) dimEnd = Math.max(dimEnd, dim[di++]!.end);
    const span = spans[si] && spans[si]!.start <= start ? spans[si]! : null;
    const claimStart = span !== null && !seen.has(span.id);
    if (span) seen.add(span.id);
    runs.push({
      start,
      end,
      text: text.slice(start, end),
      claimId: span?.id ?? null,
      claimStart,
      boilerplate: dimEnd > start,
    });
  }
  return runs;
}
