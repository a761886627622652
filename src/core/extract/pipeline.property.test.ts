/**
 * The extractor on any string: it never throws, every offset is inside the text, every claim's
 * text (and speaker mention and cue) is exactly the slice at its offsets, and it is deterministic.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzRuns, fuzzRunsScaled, fuzzTimeout } from '../../test/fuzz';
import { extractClaims } from './pipeline';
import type { Extraction } from './types';

const QUOTES = ['"', '“', '”', '‘', '’', "'", '«', '»', '„', '‚', '‹', '›', '「', '」', '＂'];
const NAMES = [
  'Jane Doe',
  'Dr Li Wei 李伟',
  'Ana María López',
  'O’Neill',
  'the minister',
  'He',
  'Σωκράτης',
  '👩‍🚀 Ada',
];
const CUES = ['said', 'says', 'told reporters', 'added', 'warned', 'according to', 'insisted that', ':'];
const SPACE = fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', '\r\n', '\u00a0', '\u2028', '\u200b', '\u3000');

/** Text shaped like news: words, names, cues, quote marks of every kind, odd white space, any character. */
const articleLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...QUOTES),
      fc.constantFrom(...NAMES),
      fc.constantFrom(...CUES),
      fc.constantFrom(
        '.',
        ',',
        '?',
        '!',
        '—',
        '…',
        '-5',
        '£4.2m',
        '1,261',
        'AT&T',
        '&amp;',
        '<b>',
        '# ',
        '> ',
      ),
      fc.lorem({ maxCount: 8 }),
      SPACE,
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(' '));

/** Any UTF-16 string, lone surrogates included. */
const anyUtf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 400,
});

const hugeWhitespace = fc
  .tuple(fc.integer({ min: 1_000, max: 50_000 }), SPACE, articleLike)
  .map(([n, space, article]) => `${space.repeat(n)}${article}${space.repeat(n >> 3)}`);

function expectWellFormed(text: string, out: Extraction): void {
  const speakerIds = new Set(out.speakers.map((s) => s.id));
  const inBounds = (start: number, end: number) =>
    Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length;
  for (const c of out.claims) {
    expect(inBounds(c.start, c.end) && c.start < c.end, `claim ${c.start}..${c.end}`).toBe(true);
    expect(c.text).toBe(text.slice(c.start, c.end));
    if (c.speakerId !== null) expect(speakerIds.has(c.speakerId)).toBe(true);
    for (const m of [c.speakerMention, c.cue]) {
      if (m) {
        expect(inBounds(m.start, m.end)).toBe(true);
        expect(m.text).toBe(text.slice(m.start, m.end));
      }
    }
    expect(c.confidence >= 0 && c.confidence <= 1).toBe(true);
  }
  for (const b of out.boilerplate) expect(inBounds(b.start, b.end)).toBe(true);
}

describe('extractor properties', () => {
  for (const [name, arbitrary, runs] of [
    ['article-like text', articleLike, fuzzRuns(200)],
    ['any UTF-16 string', anyUtf16, fuzzRuns(200)],
    ['huge runs of white space', hugeWhitespace, fuzzRunsScaled(10, 20)],
  ] as const) {
    test(
      `${name}: never throws, offsets in bounds, text is the slice, deterministic`,
      () => {
        fc.assert(
          fc.property(arbitrary, (text) => {
            const out = extractClaims(text);
            expectWellFormed(text, out);
            expect(extractClaims(text)).toEqual(out);
          }),
          { numRuns: runs },
        );
      },
      fuzzTimeout(),
    );
  }

  test('the shapes that found bugs before stay fixed', () => {
    for (const text of [
      'T\n\n"-5 degrees tonight," said Jane Doe.',
      '"The rocket is ready for launch," said Dr Li Wei 李伟.',
      '“𝒳 marks 👩‍🚀 the spot,” she said.',
      '"',
      '""',
      '“”',
      ' said: "',
      '\ud800"x"\udc00 said Jo',
    ]) {
      expectWellFormed(text, extractClaims(text));
    }
  });
});
