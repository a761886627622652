/**
 * `npm run bench:test`: bench:check's judging (node:test; the bench is not part of `npm test`). Each
 * case is a way a budget used to be reported MET from a figure that does not measure it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BenchRun } from './benches';
import { ISSUE_BUDGETS } from './budgets';
import { judgeBudget, type Provenance, type Row } from './judge';
import { type Metric, metric } from './results';

const budget = (text: string) => {
  const b = ISSUE_BUDGETS.find((x) => x.budget.startsWith(text));
  assert.ok(b, `no budget "${text}"`);
  return b;
};
const row = (bench: string, m: Metric): Row => ({ bench, m, spread: '', ratio: '', verdict: 'INFO' });
const run = (over: Partial<BenchRun> = {}): BenchRun => ({
  name: 'x',
  started: '2026-12-02T16:00:00.000Z',
  finished: '2026-12-02T16:10:00.000Z',
  exit: '0',
  timedOut: false,
  args: [],
  sizeEnv: {},
  runEnv: {},
  wallS: 600,
  cpuS: 300,
  selfCpuS: 1,
  loadStart: 1,
  loadEnd: 1,
  ...over,
});
const during: Provenance = { writtenMs: Date.parse('2026-12-02T16:05:00.000Z'), run: run() };

test('a screens figure of a 20,000-claim library does not measure the 100,000-claim budget', () => {
  const b = budget('Claims screen first rows');
  const small = judgeBudget(
    b,
    [row('screens', metric('Claims screen: first rows after navigation (21,806 claims)', 'ms', [120], 300))],
    during,
  );
  assert.equal(small.state, 'NOT MEASURED');
  const full = judgeBudget(
    b,
    [row('screens', metric('Claims screen: first rows after navigation (101,806 claims)', 'ms', [120], 300))],
    during,
  );
  assert.equal(full.state, 'MET');
});

test('a screens run with BENCH_CLAIMS set does not count, though the article figure does not name the library', () => {
  const b = budget('`j` ≤ 30 ms');
  const m = metric('Article with 1,806 claims: j to the next claim', 'ms', [20], 30);
  assert.equal(judgeBudget(b, [row('screens', m)], during).state, 'MET');
  const smaller: Provenance = { ...during, run: run({ sizeEnv: { BENCH_CLAIMS: '20000' } }) };
  assert.equal(judgeBudget(b, [row('screens', m)], smaller).state, 'NOT MEASURED');
});

test('a claims-db result not written by its last run through npm run bench does not count', () => {
  const b = budget('counts ≤ 150 ms');
  const m = metric('count: no source', 'ms', [40], 150);
  assert.equal(judgeBudget(b, [row('claims-db', m)], during).state, 'MET');
  assert.equal(judgeBudget(b, [row('claims-db', m)], { ...during, run: null }).state, 'NOT MEASURED');
  // the last run failed before writing: the file left is an older run's
  const older = { writtenMs: Date.parse('2026-12-02T15:00:00.000Z'), run: run({ exit: '1' }) };
  assert.equal(judgeBudget(b, [row('claims-db', m)], older).state, 'NOT MEASURED');
  const smaller = { ...during, run: run({ args: ['--claims', '20000'] }) };
  assert.equal(judgeBudget(b, [row('claims-db', m)], smaller).state, 'NOT MEASURED');
});

test("a figure is judged against the issue's limit, not the bench's own", () => {
  const b = budget('every single filter');
  const m = metric('first page (read model, 100 rows): no source', 'ms', [200], 300);
  assert.equal(judgeBudget(b, [row('claims-db', m)], during).state, 'NOT MET');
});

test('a first sync of 10,000 claims does not measure the 100,000-claim sync', () => {
  const time = budget('first sync of 100,000 claims ≤ 60 s');
  const rate = metric('first sync claims/s (catch-up on)', 'claims/s', [2000], 1667, 'higher');
  const small = metric('first sync 10000 claims rows in (catch-up on)', 'ms', [5000], null);
  assert.equal(
    judgeBudget(time, [row('sync-browser', rate), row('sync-browser', small)], during).state,
    'NOT MEASURED',
  );
  const full = metric('first sync 100000 claims rows in (catch-up on)', 'ms', [50_000], null);
  assert.equal(judgeBudget(time, [row('sync-browser', full)], during).state, 'MET');
  // the whole (filter rows built after) is reported beside, not judged by the 60 s
  const whole = metric('first sync 100000 claims filters ready (catch-up on)', 'ms', [150_000], null);
  assert.equal(
    judgeBudget(time, [row('sync-browser', full), row('sync-browser', whole)], during).state,
    'MET',
  );
  assert.equal(
    judgeBudget(budget('first sync of 100,000 claims: filters ready'), [row('sync-browser', whole)], during)
      .state,
    'REPORTED',
  );
  const freeze = budget('first sync of 100,000 claims: no main-thread freeze');
  const task = metric('first sync longest main-thread task (catch-up on)', 'ms', [0], 100);
  assert.equal(judgeBudget(freeze, [row('sync-browser', task)], during).state, 'NOT MEASURED');
  const fullRun = { ...during, run: run({ args: ['--claims', '100000'] }) };
  assert.equal(judgeBudget(freeze, [row('sync-browser', task)], fullRun).state, 'MET');
});

test('Lighthouse on the library alone does not measure the article', () => {
  const lib = metric(
    'Lighthouse performance (desktop): Library (1,001 articles)',
    'score',
    [97],
    95,
    'higher',
  );
  assert.equal(
    judgeBudget(budget('Lighthouse performance ≥ 95 on the library'), [row('lighthouse', lib)], during).state,
    'MET',
  );
  assert.equal(
    judgeBudget(budget('Lighthouse performance ≥ 95 on the article'), [row('lighthouse', lib)], during).state,
    'NOT MEASURED',
  );
});

test('a restore of a 20,000-claim backup is not the restore of the 100,000-claim one', () => {
  const b = budget('restore of that 100,000-claim backup');
  const small = metric('restore (replace) of 20,000 claims', 's', [30], null);
  assert.equal(judgeBudget(b, [row('export', small)], during).state, 'NOT MEASURED');
  const full = metric('restore (replace) of 100,000 claims', 's', [180], null);
  assert.equal(judgeBudget(b, [row('export', full)], during).state, 'REPORTED');
});
