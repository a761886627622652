/**
 * npm run bench [-- name …] — runs every benchmark (or the named ones) one after another, each in its
 * own process; each writes bench/results/<name>.json. Exits non-zero when one of them fails to run
 * (a broken budget is for `npm run bench:check` to report).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BENCHES, WHOLE_RUN_BUDGET_S } from './lib/benches';
import { root } from './lib/profile';
import { metric, writeResults } from './lib/results';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = only.length > 0 ? BENCHES.filter((b) => only.includes(b.name)) : BENCHES;
const unknown = only.filter((n) => !BENCHES.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})`);
  process.exit(2);
}

const started = Date.now();
let built = false;
const failed: string[] = [];
const took: [string, number][] = [];
// One origin for every bench: the bench library is seeded for an origin (its port included) and
// each bench that needs it measures on a copy (bench/lib/profile.ts), so a run seeds it once.
const port = process.env.BENCH_PORT ?? process.env.E2E_PORT ?? '4179';
for (const bench of chosen) {
  const t0 = Date.now();
  console.log(`\n=== ${bench.name} (${bench.script})`);
  const env = {
    ...bench.env,
    ...process.env,
    BENCH_PORT: port,
    E2E_PORT: port,
    ...(bench.reusesBuild && built ? { BENCH_NO_BUILD: '1' } : {}),
  };
  const run = spawnSync(join(root, 'node_modules/.bin/tsx'), [bench.script, ...(bench.args ?? [])], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  const seconds = Math.round((Date.now() - t0) / 1000);
  took.push([bench.name, seconds]);
  if (run.status === 0) {
    console.log(`=== ${bench.name}: done in ${seconds} s`);
    // bundle and the screen benches build dist/ the same way: later ones reuse it.
    if (bench.name === 'bundle' || bench.reusesBuild) built = true;
  } else {
    console.log(`=== ${bench.name}: FAILED (exit ${run.status ?? run.signal}) after ${seconds} s`);
    failed.push(bench.name);
  }
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\nbench: ${chosen.length - failed.length} of ${chosen.length} ran in ${seconds} s`);
console.log(`bench: ${took.map(([name, s]) => `${name} ${s} s`).join(', ')}`);
// The whole run's time is a budget of its own, checked by bench:check; only a run of every bench says it.
if (chosen.length === BENCHES.length && failed.length === 0) {
  writeResults('bench-run', [
    metric('npm run bench: every benchmark', 's', [seconds], WHOLE_RUN_BUDGET_S),
    ...took.map(([name, s]) => metric(`npm run bench: ${name}`, 's', [s], null)),
  ]);
}
if (failed.length > 0) {
  console.log(`bench: failed to run: ${failed.join(', ')}`);
  process.exit(1);
}
