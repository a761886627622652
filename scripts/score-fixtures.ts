// Scores the extractor on every fixture under src/core/attribution/fixtures/ with both protocols of the official
// scorer, prints one row per fixture and the micro-averaged total, and compares with the baseline.
//   npm run score:fixtures                            table, figures, regressions (exit 1 if any)
//   npm run score:fixtures -- --verbose               also each fixture's missed and wrong claims
//   npm run score:fixtures -- --update-baseline       raise baseline.json to the current figures (never lowers)
//   npm run score:fixtures -- rotherham wire-senate-drought   only these fixtures (no baseline check)
//   npx tsx scripts/score-fixtures.ts --dir src/core/attribution/heldout   another fixture folder (the held-out
//       set): same table and figures, no baseline: a held-out set is measured, never ratcheted or tuned against
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  baselineRegressions,
  FIGURE_NAMES,
  formatScoreTable,
  parseBaseline,
  raiseBaseline,
  scoreCorpus,
  scoreFixture,
  validateGold,
} from '../src/core/eval/corpus';
import {
  addRuleCounts,
  formatRuleTable,
  type RuleCounts,
  type RuleSnapshot,
  ruleCounts,
  ruleRegressions,
} from '../src/core/eval/rules';
import { claimsOnBoilerplate, overlapGoldFromFixture, predictionProblems } from '../src/core/eval/score';
import { extractClaims } from '../src/core/extract/pipeline';
import { GRANULARITIES, type Granularity } from '../src/core/extract/types';
import { readFixtureDir } from '../src/test/fixture-corpus';

const rawArgv = process.argv.slice(2);
const gAt = rawArgv.indexOf('--granularity');
const granularity = (gAt >= 0 ? rawArgv[gAt + 1] : 'quotation') as Granularity;
if (!GRANULARITIES.includes(granularity)) {
  console.error(`--granularity: one of ${GRANULARITIES.join(', ')}`);
  process.exit(2);
}
const argv = gAt >= 0 ? rawArgv.filter((_, i) => i !== gAt && i !== gAt + 1) : rawArgv;
const dirAt = argv.indexOf('--dir');
const otherDir = dirAt >= 0 ? argv[dirAt + 1] : undefined;
if (dirAt >= 0 && !otherDir) {
  console.error('--dir needs a folder');
  process.exit(2);
}
const args = dirAt >= 0 ? argv.filter((_, i) => i !== dirAt && i !== dirAt + 1) : argv;
const update = args.includes('--update-baseline');
const verbose = args.includes('--verbose');
const only = args.filter((a) => !a.startsWith('--'));
const dir = otherDir
  ? `${resolve(otherDir)}/`
  : fileURLToPath(new URL('../src/core/attribution/fixtures/', import.meta.url));
const baselinePath = `${dir}baseline.json`;

let broken = 0;
const byRule: Record<string, RuleCounts> = {};
const scores = readFixtureDir(dir, only).map(({ slug, text, gold }) => {
  const extraction = extractClaims(text, { granularity });
  byRule[slug] = ruleCounts(overlapGoldFromFixture(gold), extraction);
  const problems = [
    ...validateGold(text, gold).map((p) => `gold: ${p}`),
    ...predictionProblems(text, extraction),
    ...claimsOnBoilerplate(text, gold.boilerplate, extraction).map((c) => `claim on boilerplate: ${c.text}`),
  ];
  for (const p of problems) console.log(`${slug}: ${p}`);
  broken += problems.length;
  const score = scoreFixture(slug, text, gold, extraction);
  if (verbose) {
    for (const m of score.seed.missed) console.log(`${slug}: missed ${m}`);
    for (const w of score.seed.wrong) console.log(`${slug}: wrong ${w}`);
  }
  return score;
});

const corpus = scoreCorpus(scores);
console.log(formatScoreTable(corpus));
console.log(
  `\nper rule (P = matched / claims of the rule, R = its share of all ${corpus.overlap.gold} gold claims)\n${formatRuleTable(
    Object.values(byRule).reduce(addRuleCounts, {}),
    corpus.overlap.gold,
  )}\n`,
);
if (otherDir) {
  // No baseline for another folder: print the figures and fail only on malformed gold or predictions.
  console.log(FIGURE_NAMES.map((k) => `${k} ${corpus.figures[k]}`).join('\n'));
  if (update) console.log('--update-baseline ignored with --dir');
  process.exit(broken ? 1 : 0);
}
const baseline = parseBaseline(JSON.parse(readFileSync(baselinePath, 'utf8')));
console.log(FIGURE_NAMES.map((k) => `${k} ${corpus.figures[k]} (baseline ${baseline[k]})`).join('\n'));

if (only.length > 0) process.exit(broken ? 1 : 0);
const rulesPath = `${dir}baseline-rules.json`;
const ruleSnapshot = (): RuleSnapshot => {
  try {
    return JSON.parse(readFileSync(rulesPath, 'utf8')).fixtures as RuleSnapshot;
  } catch {
    return {};
  }
};
if (update) {
  const raised = raiseBaseline(corpus.figures, baseline);
  const about = (JSON.parse(readFileSync(baselinePath, 'utf8')) as { about?: string }).about;
  writeFileSync(baselinePath, `${JSON.stringify({ about, ...raised }, null, 1)}\n`);
  console.log('baseline raised where the current figures are higher');
  if (granularity === 'quotation') {
    const about =
      'Per fixture and rule: claims (pred) and claims matching a gold claim (matched), written with the baseline; a ratchet failure lists the fixtures and rules that moved down from here.';
    writeFileSync(rulesPath, `${JSON.stringify({ about, fixtures: byRule }, null, 1)}\n`);
  }
}
const regressions = baselineRegressions(corpus.figures, baseline);
for (const r of regressions) console.log(`REGRESSION: ${r}`);
if (regressions.length) for (const r of ruleRegressions(byRule, ruleSnapshot())) console.log(`  moved: ${r}`);
process.exit(regressions.length || broken ? 1 : 0);
