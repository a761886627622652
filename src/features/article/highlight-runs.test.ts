import { describe, expect, test } from 'vitest';
import { highlightRuns } from '@/features/article/highlight-runs';

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
