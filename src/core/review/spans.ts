/** Span edits on claims: offsets always index the article's verbatim text. */

export type Span = Readonly<{ start: number; end: number }>;

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/** Shrinks a span so it neither starts nor ends with white space; null when nothing but space is left. */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Splits a span in two at `at`; null unless both halves keep some text. */
export function splitSpan(text: string, span: Span, at: number): readonly [Span, Span] | null {
  if (at <= span.start || at >= span.end) return null;
  const left = trimSpan(text, { start: span.start, end: at });
  const right = trimSpan(text, { start: at, end: span.end });
  return left && right ? [left, right] : null;
}

/**
 * The offset to split a claim at when the person gives none: the sentence boundary nearest the middle,
 * else the white space nearest the middle.
 */
export function suggestSplit(text: string, span: Span): number | null {
  const middle = (span.start + span.end) / 2;
  let best: number | null = null;
  const consider = (offset: number) => {
    if (offset <= span.start || offset >= span.end) return;
    if (best === null || Math.abs(offset - middle) < Math.abs(best - middle)) best = offset;
  };
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(/[.!?…][”"’')\]]*\s+/g)) consider(span.start + m.index + m[0].length);
  if (best !== null) return best;
  for (const m of slice.matchAll(/\s+/g)) consider(span.start + m.index + m[0].length);
  return best;
}

/** One span covering both; only adjacent or overlapping claims (nothing but white space and punctuation between) merge. */
export function mergeSpans(text: string, a: Span, b: Span): Span | null {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  const gap = text.slice(first.end, second.start);
  if (second.start > first.end && /[^\s"“”‘’'.,;:!?–—-]/.test(gap)) return null;
  return { start: first.start, end: Math.max(first.end, second.end) };
}

/** A span from a selection, snapped outward to whole words so a sloppy drag still makes a clean claim. */
export function snapToWords(text: string, span: Span): Span | null {
  const trimmed = trimSpan(text, span);
  if (!trimmed) return null;
  let { start, end } = trimmed;
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}’'-]/u.test(ch);
  while (start > 0 && isWord(text[start - 1]) && isWord(text[start])) start--;
  while (end < text.length && isWord(text[end]) && isWord(text[end - 1])) end++;
  return { start, end };
}
