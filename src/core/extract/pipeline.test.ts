import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EXTRACTOR_VERSION, extractClaims } from './pipeline';

const newsy = fc.array(
  fc.constantFrom(
    'said',
    'says',
    '“',
    '”',
    '"',
    "'",
    '’',
    '‘',
    'He',
    'she',
    'Dr Smith',
    'according to',
    ',',
    '.',
    ':',
    '\n',
    '\n\n',
    'the group',
    'Hide Ad',
    'told',
    'that',
    'Read More',
    'It',
    'rose 5%',
    ' ',
    'who',
    'which claims',
    '(',
    ')',
    '—',
    "''",
  ),
  { maxLength: 80 },
);
const inputs = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  newsy.map((a) => a.join(' ')),
  newsy.map((a) => a.join('')),
);

describe('extractClaims', () => {
  test('returns an empty result for empty text', () => {
    expect(extractClaims('')).toEqual({
      speakers: [],
      claims: [],
      boilerplate: [],
      version: EXTRACTOR_VERSION,
    });
    expect(extractClaims('  \n ').claims).toEqual([]);
  });

  test("regression: the case the property found in session 31's CI (seed -928349646): empty marks over a name line quote nothing", () => {
    const text = `'' "\n\n Read More :`;
    expect(extractClaims(text).claims).toEqual([]);
    // the same shape with words inside the marks is still a pull quote
    const quoted = extractClaims('"We will build it."\n\nMayor Gemma Tully, at the showgrounds');
    expect(quoted.claims.map((c) => [c.text, c.kind])).toEqual([['We will build it.', 'direct']]);
  });

  test('any string: no exception, valid offsets, text === slice, nothing inside boilerplate, deterministic', () => {
    fc.assert(
      fc.property(inputs, (text) => {
        const x = extractClaims(text);
        const ids = new Set(x.speakers.map((s) => s.id));
        for (const c of x.claims) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(c.start).toBeLessThan(c.end);
          expect(c.text).toBe(text.slice(c.start, c.end));
          expect(c.confidence).toBeGreaterThanOrEqual(0);
          expect(c.confidence).toBeLessThanOrEqual(1);
          expect(c.speakerId === null || ids.has(c.speakerId)).toBe(true);
          for (const m of [c.speakerMention, c.cue]) if (m) expect(text.slice(m.start, m.end)).toBe(m.text);
          for (const b of x.boilerplate) expect(c.start < b.end && c.end > b.start).toBe(false);
        }
        expect(extractClaims(text)).toEqual(x);
      }),
      { numRuns: 400 },
    );
  });
});

describe('line endings', () => {
  test('CRLF text gives the same claims as LF text, with offsets into the CRLF text', () => {
    const lf =
      'Title line\n\nLee Park said: “Costs rose.\n\n“Wages did not.”\n\nThe mayor said that the bridge would reopen.';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = extractClaims(lf).claims.map((c) => c.text.replace(/\r/g, ''));
    const b = extractClaims(crlf);
    expect(b.claims.map((c) => c.text.replace(/\r/g, ''))).toEqual(a);
    for (const c of b.claims) expect(crlf.slice(c.start, c.end)).toBe(c.text);
  });
});
