import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readFixtureDir } from '@/test/fixture-corpus';
import { extractionFromGold, scoreFixture } from '../../eval/corpus';
import type { Gold } from '../../eval/score';
import { goldProblems } from './gold-checks';

// The third blind held-out set (heldout3/<slug>/, the format and claim unit of heldout2/). This test checks only
// that the gold is sound; it never runs the extractor. The set is scored by hand with `scripts/score-fixtures.ts
// --dir`, and its figures live in heldout3/README.md, so nothing here can become a tuning target.

const dir = fileURLToPath(new URL('./', import.meta.url));
const fixtures = readFixtureDir(dir);

describe('third held-out set (heldout3)', () => {
  test('has 20 or more articles, no slug shared with the dev fixtures or the earlier held-out sets', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    const taken = ['../fixtures/', '../heldout/', '../heldout2/'].flatMap((d) =>
      readdirSync(fileURLToPath(new URL(d, import.meta.url))),
    );
    expect(fixtures.map((f) => f.slug).filter((s) => taken.includes(s))).toEqual([]);
  });

  test.each(fixtures)('$slug: gold is sound', ({ text, gold }) => {
    expect(goldProblems(text, gold)).toEqual([]);
  });

  test.each(fixtures)('$slug: gold is reachable (its own claims score 100)', ({ slug, text, gold }) => {
    const { overlap, seed } = scoreFixture(slug, text, gold, extractionFromGold(gold));
    const n = gold.claims.length;
    expect([overlap.matched, overlap.speakerOk, seed.found, seed.right]).toEqual([n, n, n, n]);
    expect(seed.boilerplateClaims).toBe(0);
  });

  test('the checks report a shifted span, an unknown speaker, an overlap, a unit breach and a length', () => {
    const text = 'HOLLINGSWORTH: No. “We changed it,” she said. “Call me.” Fine.';
    const claim = (n: number, t: string, kind: Gold['claims'][number]['kind'] = 'direct') => {
      const start = text.indexOf(t);
      return { n, speaker: 'a', kind, text: t, start, end: start + t.length, cue: 'said', note: '' };
    };
    const gold: Gold = {
      speakers: [
        { id: 'a', name: 'Ann Lee', type: 'person', role: '', aliases: [] },
        { id: 'b', name: 'Bo Kay', type: 'person', role: '', aliases: [] },
      ],
      claims: [
        claim(1, 'HOLLINGSWORTH: No.'),
        { ...claim(2, 'We changed it,” she said. “Call me.'), start: 1 },
        { ...claim(3, 'Fine.'), speaker: 'nobody' },
      ],
      boilerplate: [],
    };
    const problems = goldProblems(text, gold).join('\n');
    for (const expected of [
      /text != article\.slice/,
      /overlaps or precedes/,
      /unknown speaker nobody/,
      /#1 keeps a turn prefix/,
      /#2 runs over a cue/,
      /speaker b has no claim/,
      /words, not 250-900/,
    ])
      expect(problems).toMatch(expected);
  });
});
