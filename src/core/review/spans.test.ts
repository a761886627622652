import { describe, expect, test } from 'vitest';
import { checkClaimSelection, mergeSpans, snapToWords, splitSpan, suggestSplit, trimSpan } from './spans';

const text = 'He said: “Crime is down. Arrests are up.” Then he left.';
const quote = { start: 10, end: 40 }; // Crime is down. Arrests are up.

describe('spans', () => {
  test('trim drops surrounding white space, and all-space spans', () => {
    expect(trimSpan('  ab  ', { start: 0, end: 6 })).toEqual({ start: 2, end: 4 });
    expect(trimSpan('    ', { start: 0, end: 4 })).toBeNull();
    expect(trimSpan('ab', { start: -5, end: 99 })).toEqual({ start: 0, end: 2 });
  });

  test('split at the suggested sentence boundary gives two trimmed sentences', () => {
    const at = suggestSplit(text, quote);
    expect(at).not.toBeNull();
    const halves = splitSpan(text, quote, at!);
    expect(halves!.map((s) => text.slice(s.start, s.end))).toEqual(['Crime is down.', 'Arrests are up.']);
  });

  test('a split at an edge or into blank text is refused', () => {
    expect(splitSpan(text, quote, quote.start)).toBeNull();
    expect(splitSpan('a    b', { start: 0, end: 6 }, 2)).toEqual([
      { start: 0, end: 1 },
      { start: 5, end: 6 },
    ]);
    expect(splitSpan('a    ', { start: 0, end: 5 }, 2)).toBeNull();
  });

  test('merge joins adjacent claims in either order, not distant ones', () => {
    const a = { start: 10, end: 24 };
    const b = { start: 25, end: 40 };
    expect(mergeSpans(text, b, a)).toEqual({ start: 10, end: 40 });
    expect(mergeSpans(text, { start: 0, end: 2 }, b)).toBeNull();
  });

  test('a sloppy selection snaps to whole words', () => {
    const s = text.indexOf('rime');
    expect(text.slice(...Object.values(snapToWords(text, { start: s, end: s + 6 })!))).toBe('Crime is');
  });
});

describe('checkClaimSelection', () => {
  // A headline, a caption (page furniture) and a paragraph holding one claim.
  const text = 'Mayor backs plan\nPhoto: Ann Lee\nShe said the plan works. Others said it failed.';
  const caption = { start: 17, end: 31 };
  const claim = { id: 'c1', start: text.indexOf('Others'), end: text.length };

  test('drops page furniture at the edges and snaps to words', () => {
    const start = text.indexOf('Photo');
    const end = text.indexOf('plan works') + 6;
    expect(checkClaimSelection(text, { start, end }, [caption], [claim])).toEqual({
      ok: true,
      span: { start: text.indexOf('She'), end: text.indexOf(' works') + 6 },
    });
  });

  test('refuses a selection running from the headline over the caption into the text', () => {
    const result = checkClaimSelection(text, { start: 0, end: text.indexOf('works') }, [caption], []);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/caption/) });
  });

  test('refuses page furniture alone, and a selection overlapping another claim', () => {
    expect(checkClaimSelection(text, caption, [caption], []).ok).toBe(false);
    const over = { start: text.indexOf('works'), end: text.indexOf('failed') };
    expect(checkClaimSelection(text, over, [caption], [claim])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/overlaps another claim/),
    });
    expect(checkClaimSelection(text, over, [caption], [claim], 'c1').ok).toBe(true);
  });
});
