import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readFixtureDir } from '@/test/fixture-corpus';
import {
  extractionFromGold,
  formatScoreTable,
  scoreCorpus,
  scoreFixture,
  validateGold,
} from '../eval/corpus';
import { boilerplateRanges, claimsOnBoilerplate, predictionProblems } from '../eval/score';
import { extractClaims } from '../extract/pipeline';

// The held-out set (heldout/<slug>/, same format as fixtures/): articles written in styles the dev fixtures do not
// use, to measure how far the extractor generalises. This test checks that the gold is sound and that predictions
// are well-formed, and only LOGS the accuracy figures: there is deliberately no baseline and no threshold, so the
// set never becomes a tuning target. See heldout/README.md.
const dir = fileURLToPath(new URL('./heldout/', import.meta.url));
const fixtures = readFixtureDir(dir).map((f) => ({ ...f, extraction: extractClaims(f.text) }));

/**
 * Claims the extractor is KNOWN to put on held-out boilerplate (engine defects found by this set, reported in
 * heldout/README.md). The test fails on any other claim touching boilerplate; when the extractor stops making one
 * of these, delete it here. Listing them keeps the suite green without hiding them: they are also counted in the
 * score table's `boil` column.
 */
const KNOWN_BOILERPLATE_CLAIMS: Readonly<Record<string, readonly string[]>> = {};

describe('held-out corpus', () => {
  test('has at least 12 fixtures, none shared with the dev fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    const dev = new Set(readdirSync(fileURLToPath(new URL('./fixtures/', import.meta.url))));
    expect(fixtures.map((f) => f.slug).filter((s) => dev.has(s))).toEqual([]);
  });

  describe.each(fixtures)('$slug', ({ slug, text, gold, extraction }) => {
    test('gold is consistent (offsets, speakers, boilerplate present and untouched)', () => {
      expect(validateGold(text, gold)).toEqual([]);
      expect(gold.claims.length).toBeGreaterThan(0);
      for (const c of gold.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
      for (const b of gold.boilerplate) expect(text).toContain(b);
      expect(boilerplateRanges(text, gold.boilerplate).length).toBeGreaterThanOrEqual(
        gold.boilerplate.length,
      );
    });

    test('predicted claims have valid offsets and text === slice', () => {
      expect(predictionProblems(text, extraction)).toEqual([]);
    });

    test('no predicted claim touches boilerplate (except the known defects listed above)', () => {
      const known = new Set(KNOWN_BOILERPLATE_CLAIMS[slug] ?? []);
      const touching = claimsOnBoilerplate(text, gold.boilerplate, extraction).map((c) => c.text);
      expect(touching.filter((t) => !known.has(t))).toEqual([]);
    });
  });

  test('the gold is reachable: a perfect extraction scores 100 on both protocols', () => {
    const perfect = scoreCorpus(
      fixtures.map((f) => scoreFixture(f.slug, f.text, f.gold, extractionFromGold(f.gold))),
    );
    expect(Object.values(perfect.figures).every((v) => v === 100)).toBe(true);
    expect(perfect.seed.boilerplateClaims).toBe(0);
  });

  test('logs the held-out figures (measured, never asserted)', () => {
    const score = scoreCorpus(fixtures.map((f) => scoreFixture(f.slug, f.text, f.gold, f.extraction)));
    console.log(`held-out set\n${formatScoreTable(score)}\n${JSON.stringify(score.figures)}`);
    expect(score.fixtures.length).toBe(fixtures.length);
  });
});
