/**
 * npm run bench [-- name … | --full] [-- --fresh] — runs every benchmark of the whole run (or the named
 * ones, or with `--full` those that measure the issues' full sizes where the whole run measures
 * smaller ones to fit its 15 minutes) one after another, each in its own process; each writes
 * bench/results/<name>.json. Exits non-zero when one of them fails to run or overruns its time (a
 * broken budget is for `npm run bench:check` to report).
 *
 * Beside the results it writes what each bench cost and how it was run (bench/results/runs/
 * <name>.run.json: wall and CPU time, load, arguments), which bench:check reads to know which
 * results a run through here measured at the budgets' sizes; a whole run also writes
 * bench/results/bench-run.json (its 15 minutes, and each bench's and seed's time).
 * `--fresh` removes the cached seeded libraries first, as a fresh clone has none: the whole run then
 * seeds each, and its time is a fresh clone's (`bench:check -- --run` runs it so).
 * BENCH_TIMEOUT_MIN (default 45) bounds each bench: one that hangs is stopped, and the run goes on. A
 * fresh clone's first bench on the library seeds 100,000 claims first: about 17 min at load 35–45.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BENCHES,
  type BenchRun,
  CACHED_LIBRARIES,
  FULL_RUN,
  SIZE_ENV,
  WHOLE_RUN,
  WHOLE_RUN_BUDGET_S,
} from './lib/benches';
import { startCost } from './lib/cost';
import { CACHE_DIR } from './lib/library-cache';
import { root } from './lib/profile';
import { machine, metric, RESULTS_DIR, runFile, type SeedCost, writeResults } from './lib/results';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const full = process.argv.includes('--full');
const chosen = only.length > 0 ? BENCHES.filter((b) => only.includes(b.name)) : full ? FULL_RUN : WHOLE_RUN;
const unknown = only.filter((n) => !BENCHES.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})`);
  process.exit(2);
}
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MIN ?? 45) * 60_000;
if (process.argv.includes('--fresh')) {
  console.log(`bench: as a fresh clone: the cached libraries (${CACHE_DIR}) removed`);
  rmSync(CACHE_DIR, { recursive: true, force: true });
}

/** Runs one bench in a process group of its own, so that a bench that overruns is stopped whole. */
function runOne(args: string[], env: NodeJS.ProcessEnv): Promise<{ exit: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), args, {
      cwd: root,
      stdio: 'inherit',
      env,
      detached: true,
    });
    let timedOut = false;
    const stop = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`=== stopping: over BENCH_TIMEOUT_MIN (${timeoutMs / 60_000} min)`);
      stop('SIGTERM');
      setTimeout(() => stop('SIGKILL'), 10_000).unref();
    }, timeoutMs);
    // ^C reaches only this process (the bench has a group of its own): stop the bench too, and the run
    const interrupt = () => {
      stop('SIGTERM');
      process.exit(130);
    };
    process.once('SIGINT', interrupt);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', interrupt);
      resolve({ exit: code === null ? String(signal) : String(code), timedOut });
    });
  });
}

const started = new Date();
mkdirSync(join(RESULTS_DIR, 'runs'), { recursive: true });
const endWhole = startCost();
const failed: string[] = [];
const runs: BenchRun[] = [];
let built = false;
// One origin for every bench: the bench library is seeded for an origin (its port included) and
// each bench that needs it measures on a copy (bench/lib/profile.ts), so a run seeds it once.
const port = process.env.BENCH_PORT ?? process.env.E2E_PORT ?? '4179';
for (const bench of chosen) {
  const args = bench.args ?? [];
  console.log(`\n=== ${bench.name} (${bench.script} ${args.join(' ')})`);
  const env: NodeJS.ProcessEnv = {
    ...bench.env,
    ...process.env,
    BENCH_PORT: port,
    E2E_PORT: port,
    ...(bench.reusesBuild && built ? { BENCH_NO_BUILD: '1' } : {}),
  };
  const benchStarted = new Date().toISOString();
  const end = startCost();
  const { exit, timedOut } = await runOne([...(bench.node ?? []), bench.script, ...args], env);
  const cost = end();
  const run: BenchRun = {
    name: bench.name,
    started: benchStarted,
    finished: new Date().toISOString(),
    exit,
    timedOut,
    args,
    // what changes the library's size or what is measured: bench:check counts no result of a run with these set
    sizeEnv: Object.fromEntries(SIZE_ENV.filter((k) => env[k] !== undefined).map((k) => [k, env[k]!])),
    runEnv: Object.fromEntries(Object.keys(bench.env ?? {}).map((k) => [k, env[k] ?? ''])),
    ...cost,
  };
  runs.push(run);
  writeFileSync(runFile(bench.name), `${JSON.stringify(run, null, 2)}\n`);
  const costs = `${cost.wallS} s wall, ${cost.cpuS} s CPU, load ${cost.loadStart}→${cost.loadEnd}`;
  if (exit === '0') {
    console.log(`=== ${bench.name}: done (${costs})`);
    // bundle and the screen benches build dist/ the same way: later ones reuse it.
    if (bench.name === 'bundle' || bench.reusesBuild) built = true;
  } else {
    console.log(`=== ${bench.name}: FAILED (${timedOut ? 'stopped, over time' : `exit ${exit}`}; ${costs})`);
    failed.push(bench.name);
  }
}
const whole = endWhole();

/** The seeds this run made (bench/lib/library-cache.ts writes each one's cost). */
const seeds: SeedCost[] = existsSync(join(RESULTS_DIR, 'runs'))
  ? readdirSync(join(RESULTS_DIR, 'runs'))
      .filter((f) => f.startsWith('seed-') && f.endsWith('.cost.json'))
      .map((f) => JSON.parse(readFileSync(join(RESULTS_DIR, 'runs', f), 'utf8')) as SeedCost)
      .filter((s) => s.finished >= started.toISOString())
  : [];

console.log(`\nbench: ${chosen.length - failed.length} of ${chosen.length} ran in ${whole.wallS} s`);
console.log('bench: name, wall s, CPU s of its processes, load at start → end');
for (const r of runs)
  console.log(
    `  ${r.name.padEnd(13)} ${String(r.wallS).padStart(7)} ${String(r.cpuS).padStart(7)}  ${r.loadStart}→${r.loadEnd}`,
  );
for (const s of seeds)
  console.log(`  (seed of ${s.name}, inside the bench above: ${s.wallS} s wall, ${s.cpuS} s CPU)`);
// The whole run's time is a budget of its own, checked by bench:check; only a run of every bench says it.
if (chosen === WHOLE_RUN) {
  writeResults('bench-run', [
    metric('npm run bench: every benchmark, wall clock', 's', [whole.wallS], WHOLE_RUN_BUDGET_S),
    metric('npm run bench: benchmarks that failed or overran', 'count', [failed.length], 0),
    metric(
      `npm run bench: cached libraries seeded by the run (${CACHED_LIBRARIES.join(', ')}: a fresh clone seeds each)`,
      'count',
      [CACHED_LIBRARIES.filter((name) => seeds.some((s) => s.name === name)).length],
      CACHED_LIBRARIES.length,
      'higher',
    ),
    metric(
      "npm run bench: CPU time of every benchmark (a quiet run's time is near it)",
      's',
      [whole.cpuS],
      null,
    ),
    ...runs.flatMap((r) => [
      metric(`npm run bench: ${r.name}, wall clock`, 's', [r.wallS], null),
      metric(`npm run bench: ${r.name}, CPU time`, 's', [r.cpuS], null),
    ]),
    ...seeds.flatMap((s) => [
      metric(`seed of the ${s.name} library, wall clock`, 's', [s.wallS], null),
      metric(`seed of the ${s.name} library, CPU time`, 's', [s.cpuS], null),
    ]),
  ]);
  writeFileSync(
    runFile('bench-run'),
    `${JSON.stringify({ ...machine(), started: started.toISOString(), finished: new Date().toISOString(), ...whole, benches: runs, seeds }, null, 2)}\n`,
  );
}
if (failed.length > 0) {
  console.log(`bench: failed to run: ${failed.join(', ')}`);
  process.exit(1);
}
