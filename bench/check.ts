/**
 * npm run bench:check [-- --run | --no-run] [-- --max-age-hours 24] — checks every benchmark result against its
 * budget. A result that is missing, or older than the allowed age, is measured first (`--run`
 * measures everything again: one `npm run bench -- --fresh`, which seeds its libraries as on a fresh
 * clone and times the whole run against its 15 minutes, then `npm run bench -- --full`, the issues'
 * full sizes the whole run measures smaller). Prints one table, then every budget of issues 8, 9, 10
 * and 13 as MET, NOT MET, REPORTED (the issue sets no figure) or NOT MEASURED, and exits non-zero on a
 * FAIL, a missing result or a budget not met or not measured. Result files of one-off runs (`bench/claims-db.ts --only bulk`, named
 * `claims-db-bulk.json`) are listed but not judged: they may come from another tree or another day.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BENCHES, type BenchRun, FULL_RUN, WHOLE_RUN } from './lib/benches';
import { ISSUE_BUDGETS } from './lib/budgets';
import { judgeBudget, type Row } from './lib/judge';
import { root } from './lib/profile';
import { type Metric, RESULTS_DIR, readResults, resultFile, runFile } from './lib/results';

const argv = process.argv.slice(2);
const runAll = argv.includes('--run');
/** `--no-run`: report the results there are, measuring nothing (a missing one still fails). */
const runNone = argv.includes('--no-run');
const maxAgeArg = argv.indexOf('--max-age-hours');
const maxAgeMs = (maxAgeArg === -1 ? 24 : Number(argv[maxAgeArg + 1])) * 3_600_000;

const stale = BENCHES.filter((b) => {
  if (runNone) return false;
  const file = resultFile(b.name);
  return runAll || !existsSync(file) || Date.now() - statSync(file).mtimeMs > maxAgeMs;
});
/** Runs `npm run bench` with these arguments (the benches' own output goes to the terminal). */
const bench = (args: string[]) =>
  spawnSync(join(root, 'node_modules/.bin/tsx'), ['bench/run.ts', ...args], { cwd: root, stdio: 'inherit' });
if (stale.length > 0) {
  console.log(`bench:check: measuring ${stale.map((b) => b.name).join(', ')} first`);
  // every bench of the whole run stale: one whole run, which also times the whole against its 15
  // minutes; then the full sizes, as one `--full` run when every one of them is stale
  const staleWhole = stale.filter((b) => !b.full);
  const staleFull = stale.filter((b) => b.full);
  // `--run` as on a fresh clone: the whole run seeds its cached libraries again (its 15 minutes' case)
  if (staleWhole.length === WHOLE_RUN.length) bench(runAll ? ['--fresh'] : []);
  else if (staleWhole.length > 0) bench(staleWhole.map((b) => b.name));
  if (staleFull.length === FULL_RUN.length) bench(['--full']);
  else if (staleFull.length > 0) bench(staleFull.map((b) => b.name));
}

// a result may hold no figure (a metric its run did not measure, e.g. `--drain 0`): shown as a dash, judged FAIL
const fmt = (x: number | null | undefined) =>
  typeof x !== 'number' ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(1);
/** Every run's figure; a result that kept only how many runs it made gives its median alone. */
const runsOf = (m: Metric): number[] => (Array.isArray(m.runs) ? m.runs : [m.median]);
function judge(bench: string, m: Metric): Row {
  const runs = runsOf(m);
  const spread = Array.isArray(m.runs)
    ? `${fmt(Math.min(...runs))}–${fmt(Math.max(...runs))}`
    : `(${String(m.runs)} runs)`;
  if (m.budget === null || m.budget === undefined) return { bench, m, spread, ratio: '', verdict: 'INFO' };
  if (typeof m.median !== 'number' || Number.isNaN(m.median))
    return { bench, m, spread, ratio: '', verdict: 'FAIL' };
  // ratio > 1 means over budget whichever way is better
  const better = m.better ?? 'lower';
  const ratio = better === 'lower' ? m.median / m.budget : m.budget / Math.max(m.median, 1e-9);
  const ok = better === 'lower' ? m.median <= m.budget : m.median >= m.budget;
  return { bench, m, spread, ratio: ratio.toFixed(2), verdict: ok ? 'PASS' : 'FAIL' };
}

// what the run measures (`bench-run` is written by a whole `npm run bench`: its 15 minutes); any other
// result file is a one-off run (`--only bulk`, a pair of trees), named but never judged here
const judged = new Set(['bench-run', ...BENCHES.map((b) => b.name)]);
const names = [...judged];
const oneOff = existsSync(RESULTS_DIR)
  ? readdirSync(RESULTS_DIR)
      .filter((f) => f.endsWith('.json') && !judged.has(f.slice(0, -'.json'.length)))
      .map((f) => f.slice(0, -'.json'.length))
  : [];
const rows: Row[] = [];
const missing: string[] = [];
for (const name of names) {
  if (!existsSync(resultFile(name))) {
    missing.push(name);
    continue;
  }
  try {
    for (const m of readResults(name)) rows.push(judge(name, m));
  } catch (error) {
    console.log(`bench:check: ${name}.json is not readable: ${(error as Error).message}`);
    missing.push(name);
  }
}

const table = [
  ['bench', 'metric', 'median', 'spread', 'budget', 'ratio', 'result'],
  ...rows.map((r) => [
    r.bench,
    r.m.metric,
    `${fmt(r.m.median)} ${r.m.unit}`,
    r.spread,
    r.m.budget === null || r.m.budget === undefined
      ? '—'
      : `${(r.m.better ?? 'lower') === 'lower' ? '≤' : '≥'} ${fmt(r.m.budget)}`,
    r.ratio,
    r.verdict,
  ]),
  ...missing.map((name) => [name, '(no result)', '', '', '', '', 'MISSING']),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, j) => cell.padEnd(widths[j]!)).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}

/** How `npm run bench` last ran a bench, and when its result file was written. */
const provenance = (bench: string) => {
  const file = resultFile(bench);
  const record = runFile(bench);
  return {
    writtenMs: existsSync(file) ? statSync(file).mtimeMs : null,
    run: existsSync(record) ? (JSON.parse(readFileSync(record, 'utf8')) as BenchRun) : null,
  };
};

// The issues' budgets, each with the figures that measure it: met, not met, or not measured.
console.log('\nbudgets of issues 8, 9, 10 and 13:');
const counts = { MET: 0, 'NOT MET': 0, REPORTED: 0, 'NOT MEASURED': 0 };
const claimed = new Set<Row>();
for (const b of ISSUE_BUDGETS) {
  const judged = judgeBudget(
    b,
    rows.filter((r) => r.bench === b.bench),
    provenance(b.bench),
  );
  for (const r of judged.related) claimed.add(r);
  counts[judged.state]++;
  console.log(`  [${judged.state}] issue ${b.issue}: ${b.budget}${b.note ? ` (${b.note})` : ''}`);
  for (const line of judged.lines) console.log(`      ${line}`);
}
// a budget on a metric no issue's budget names: a bench's own share of one, or a label to look at
const stray = rows.filter((r) => r.verdict !== 'INFO' && !claimed.has(r));
if (stray.length > 0) {
  console.log(
    "\nthe benches' own budgets, which no issue budget above names (a share of one, or a label to check):",
  );
  for (const r of stray) console.log(`  ${r.bench}: ${r.m.metric}: ${r.verdict}`);
}

if (oneOff.length > 0) {
  console.log('\nresult files of one-off runs, not judged (not written by `npm run bench`):');
  for (const name of oneOff)
    console.log(`  ${name}.json, written ${new Date(statSync(resultFile(name)).mtimeMs).toISOString()}`);
}

const failed = rows.filter((r) => r.verdict === 'FAIL').length;
console.log(
  `\nbench:check: ${rows.filter((r) => r.verdict === 'PASS').length} pass, ${failed} fail, ${missing.length} missing (ratio: median over budget, above 1 is over)`,
);
console.log(
  `bench:check: issue budgets: ${counts.MET} met, ${counts['NOT MET']} not met, ${counts['NOT MEASURED']} not measured, ${counts.REPORTED} reported (no figure set)`,
);
process.exit(failed > 0 || missing.length > 0 || counts['NOT MET'] > 0 || counts['NOT MEASURED'] > 0 ? 1 : 0);
