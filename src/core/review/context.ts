/** The claim in its sentence: the text from the sentence start before the claim to the sentence end after it. */

export type ClaimContext = Readonly<{
  before: string;
  claim: string;
  after: string;
  clippedStart: boolean;
  clippedEnd: boolean;
}>;

const BOUNDARY = /[.!?…]["”’')\]]*\s+|\n+/g;

/**
 * Splits the article around a claim: `before` runs back to the start of the claim's sentence (or
 * paragraph), `after` on to its end, each at most `max` characters (cut at a space, flagged clipped).
 */
export function claimContext(text: string, start: number, end: number, max = 280): ClaimContext {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  let from = 0;
  for (const m of text.slice(Math.max(0, s - max - 1), s).matchAll(BOUNDARY)) {
    from = Math.max(0, s - max - 1) + m.index + m[0].length;
  }
  let clippedStart = false;
  if (s - from > max) {
    from = s - max;
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < s) from = space + 1;
    clippedStart = true;
  }
  const rest = text.slice(e, e + max + 1);
  let to = text.length;
  let clippedEnd = false;
  const m = [...rest.matchAll(BOUNDARY)][0];
  if (m) {
    // A boundary right after the claim (it ends its sentence) leaves nothing after it.
    to = e + m.index + m[0].trimEnd().length;
  } else if (rest.length > max) {
    const space = text.lastIndexOf(' ', e + max);
    to = space > e ? space : e + max;
    clippedEnd = true;
  }
  return {
    before: text.slice(from, s),
    claim: text.slice(s, e),
    after: text.slice(e, Math.max(e, to)),
    clippedStart,
    clippedEnd,
  };
}
