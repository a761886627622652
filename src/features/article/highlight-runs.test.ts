import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { highlightRuns } from '@/features/article/highlight-runs';
import { fuzzRuns } from '@/test/fuzz';

const text = 'Hide Ad. He said: "No." Then she said: "Yes."';
// "Hide Ad" is [0, 7) and "No." with its quotation marks is [18, 23).

describe('highlightRuns', () => {
  test('covers the whole text with no gaps, in order', () => {
    const runs = highlightRuns(text, [{ id: 'a', start: 18, end: 23 }], [{ start: 0, end: 8 }]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.start).toBe(runs[i - 1]!.end);
  });

  test('marks claims and boilerplate', () => {
    const runs = highlightRuns(text, [{ id: 'a', start: 18, end: 23 }], [{ start: 0, end: 7 }]);
    expect(runs.find((r) => r.claimId === 'a')).toMatchObject({
      text: '"No."',
      claimStart: true,
      boilerplate: false,
    });
    expect(runs[0]).toMatchObject({ text: 'Hide Ad', boilerplate: true, claimId: null });
  });

  test('splits a claim crossing boilerplate; only its first run takes focus', () => {
    const runs = highlightRuns(text, [{ id: 'a', start: 5, end: 12 }], [{ start: 0, end: 7 }]);
    const parts = runs.filter((r) => r.claimId === 'a');
    expect(parts.map((r) => [r.text, r.claimStart, r.boilerplate])).toEqual([
      ['Ad', true, true],
      ['. He ', false, false],
    ]);
  });

  test('clips overlapping claims and drops empty ones and ones out of range', () => {
    const runs = highlightRuns(
      text,
      [
        { id: 'b', start: 20, end: 30 },
        { id: 'a', start: 18, end: 23 },
        { id: 'c', start: 19, end: 22 },
        { id: 'd', start: 90, end: 99 },
      ],
      [],
    );
    expect(runs.filter((r) => r.claimId).map((r) => [r.claimId, r.text])).toEqual([
      ['a', '"No."'],
      ['b', ' Then s'],
    ]);
  });

  test('an empty text gives no runs', () => {
    expect(highlightRuns('', [{ id: 'a', start: 0, end: 3 }], [])).toEqual([]);
  });
});

describe('highlightRuns against the plain definition', () => {
  const range = (len: number) =>
    fc.tuple(fc.integer({ min: -2, max: len + 2 }), fc.integer({ min: 0, max: 12 })).map(([start, n]) => ({
      start,
      end: start + n,
    }));
  test('a run is boilerplate exactly when one range holds it, whatever the ranges overlap or their order', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(range(40), { maxLength: 6 }),
        fc.array(range(40), { maxLength: 8 }),
        (text, claims, boilerplate) => {
          const spans = claims.map((c, i) => ({ id: `c${i}`, ...c }));
          const runs = highlightRuns(text, spans, boilerplate);
          expect(runs.map((r) => r.text).join('')).toBe(text);
          const len = text.length;
          const clamp = (n: number) => Math.min(Math.max(n, 0), len);
          for (const r of runs) {
            const held = boilerplate.some((b) => clamp(b.start) <= r.start && r.end <= clamp(b.end));
            expect(r.boilerplate).toBe(held);
            // no edge of a range (an empty one is none) falls inside a run
            for (const b of boilerplate.filter((b) => clamp(b.end) > clamp(b.start)))
              for (const edge of [clamp(b.start), clamp(b.end)])
                expect(edge <= r.start || edge >= r.end).toBe(true);
          }
        },
      ),
      { numRuns: fuzzRuns(300) },
    );
  });
});
