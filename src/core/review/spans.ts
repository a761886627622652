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

export type SelectionCheck = Readonly<{ ok: true; span: Span }> | Readonly<{ ok: false; reason: string }>;

type Boilerplate = readonly Span[];
type OtherClaim = Readonly<{ id: string; start: number; end: number }>;

/**
 * Turns a selection in the article (offsets, already clamped to the text) into a claim span: page
 * furniture at either edge is dropped, then the span is snapped to whole words. Refused, with the
 * reason to show, when nothing but furniture is selected, when furniture (a caption, an advert)
 * lies inside it, or when it overlaps another claim (`ignoreId`: the claim whose span is being edited).
 */
export function checkClaimSelection(
  text: string,
  selection: Span,
  boilerplate: Boilerplate,
  claims: readonly OtherClaim[],
  ignoreId: string | null = null,
): SelectionCheck {
  let start = Math.max(0, Math.min(selection.start, text.length));
  let end = Math.max(start, Math.min(selection.end, text.length));
  for (let moved = true; moved && start < end; ) {
    moved = false;
    for (const b of boilerplate) {
      if (b.start <= start && start < b.end) {
        start = b.end;
        moved = true;
      }
      if (b.start < end && end <= b.end) {
        end = b.start;
        moved = true;
      }
    }
    const trimmed = trimSpan(text, { start, end: Math.max(start, end) });
    if (trimmed && (trimmed.start !== start || trimmed.end !== end)) {
      ({ start, end } = trimmed);
      moved = true;
    }
  }
  const span = start < end ? snapToWords(text, { start, end }) : null;
  if (!span) {
    return {
      ok: false,
      reason: 'That selection holds no article text (only page furniture such as captions or credits).',
    };
  }
  if (boilerplate.some((b) => b.start < span.end && span.start < b.end)) {
    return {
      ok: false,
      reason:
        'A claim cannot run over page furniture such as a photo caption: select words within one passage.',
    };
  }
  if (claims.some((c) => c.id !== ignoreId && c.start < span.end && span.start < c.end)) {
    return {
      ok: false,
      reason: 'That selection overlaps another claim: select words outside it, or edit that claim instead.',
    };
  }
  return { ok: true, span };
}
