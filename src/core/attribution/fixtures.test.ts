import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readFixtureDir } from '@/test/fixture-corpus';
import {
  baselineRegressions,
  extractionFromGold,
  formatScoreTable,
  parseBaseline,
  scoreCorpus,
  scoreFixture,
  validateGold,
} from '../eval/corpus';
import { type RuleSnapshot, ruleCounts, ruleRegressions } from '../eval/rules';
import { claimsOnBoilerplate, overlapGoldFromFixture, predictionProblems } from '../eval/score';
import { extractClaims } from '../extract/pipeline';

// Every fixture under fixtures/<slug>/ (article.txt + gold.json) is scored together (micro-averaged) and the
// figures must not fall below fixtures/baseline.json, a ratchet that only goes up: whoever improves the extractor
// raises it with `npm run score:fixtures -- --update-baseline`. See fixtures/README.md.
const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixtures = readFixtureDir(dir).map((f) => ({ ...f, extraction: extractClaims(f.text) }));

describe('fixture corpus', () => {
  test('has the reference article and at least 45 fixtures of our own', () => {
    expect(fixtures.map((f) => f.slug)).toContain('rotherham');
    expect(fixtures.length).toBeGreaterThanOrEqual(160);
  });

  describe.each(fixtures)('$slug', ({ text, gold, extraction }) => {
    test('gold is consistent (offsets, speakers, boilerplate)', () => {
      expect(validateGold(text, gold)).toEqual([]);
    });

    test('predicted claims have valid offsets and text === slice', () => {
      expect(predictionProblems(text, extraction)).toEqual([]);
    });

    test('no predicted claim touches boilerplate', () => {
      expect(claimsOnBoilerplate(text, gold.boilerplate, extraction).map((c) => c.text)).toEqual([]);
    });
  });

  test('the gold is reachable: a perfect extraction scores 100 on both protocols', () => {
    const perfect = scoreCorpus(
      fixtures.map((f) => scoreFixture(f.slug, f.text, f.gold, extractionFromGold(f.gold))),
    );
    expect(Object.values(perfect.figures).every((v) => v === 100)).toBe(true);
    expect(perfect.seed.boilerplateClaims).toBe(0);
  });

  test('micro-averaged scores do not fall below the baseline', () => {
    const score = scoreCorpus(fixtures.map((f) => scoreFixture(f.slug, f.text, f.gold, f.extraction)));
    console.log(`${formatScoreTable(score)}\n${JSON.stringify(score.figures)}`);
    const baseline = parseBaseline(JSON.parse(readFileSync(`${dir}baseline.json`, 'utf8')));
    const regressions = baselineRegressions(score.figures, baseline);
    // A failure names the fixtures and rules that moved down since the baseline was written.
    const snapshot = JSON.parse(readFileSync(`${dir}baseline-rules.json`, 'utf8')).fixtures as RuleSnapshot;
    const current = Object.fromEntries(
      fixtures.map((f) => [f.slug, ruleCounts(overlapGoldFromFixture(f.gold), f.extraction)]),
    );
    const moved = regressions.length ? ruleRegressions(current, snapshot) : [];
    expect([...regressions, ...moved]).toEqual([]);
  });
});
