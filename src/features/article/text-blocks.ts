import type { Run } from '@/features/article/highlight-runs';

/** A paragraph of the article (up to and including the line breaks that end it), as highlight runs. */
export type TextBlock = Readonly<{ start: number; end: number; runs: readonly Run[] }>;

/**
 * Cuts the runs into paragraphs, each ending after a line break (and any that follow it), so that a
 * long article can render only the paragraphs on screen. A run that crosses a paragraph end is cut
 * in two; only its first piece keeps `claimStart`. The blocks cover the text in order, with no gaps.
 */
export function textBlocks(runs: readonly Run[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let pieces: Run[] = [];
  let blockStart = runs[0]?.start ?? 0;
  const close = (end: number) => {
    if (pieces.length > 0) blocks.push({ start: blockStart, end, runs: pieces });
    pieces = [];
    blockStart = end;
  };
  for (const run of runs) {
    let from = 0;
    const breaks = /\n+/g;
    for (let m = breaks.exec(run.text); m !== null; m = breaks.exec(run.text)) {
      const to = m.index + m[0].length;
      pieces.push(piece(run, from, to));
      from = to;
      close(run.start + to);
    }
    if (from < run.text.length) pieces.push(piece(run, from, run.text.length));
  }
  close(runs.at(-1)?.end ?? blockStart);
  return blocks;
}

function piece(run: Run, from: number, to: number): Run {
  if (from === 0 && to === run.text.length) return run;
  return {
    ...run,
    start: run.start + from,
    end: run.start + to,
    text: run.text.slice(from, to),
    claimStart: run.claimStart && from === 0,
  };
}

/** The index of the block holding the text offset (the last block for the end of the text). */
export function blockAt(blocks: readonly TextBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
