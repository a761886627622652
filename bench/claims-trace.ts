/**
 * Where the Claims screen's first rows after navigation go: the screens bench's flow (the Library
 * loaded, its first rows shown, then a click on "Claims"), with every IndexedDB request the page made
 * from the click to two seconds after (asked and answered, ms after the click; store / index; rows),
 * the scripts fetched meanwhile, and when the first rows showed.
 *
 * `BENCH_NO_BUILD=1 BENCH_KEEP_PROFILE=1 BENCH_PROFILE=<copy of a seeded profile> BENCH_PORT=4381
 *  npx tsx bench/claims-trace.ts` (BENCH_RUNS, default 3; BENCH_SETTLE_MS waits on the Library first).
 * Requests made in workers (the search worker's) are not in the page's log. Also printed: the page's
 * long tasks (over 50 ms) from the click to the first rows, and with `BENCH_CPU=1` the functions with
 * the most self time in a CPU profile of that window (CDP Profiler; the built code is minified, so
 * read them by file and position).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CpuProfile, cpuSummary, tracedPage } from './lib/cpu-profile';
import type { IdbEntry } from './lib/idb-log';
import { baseUrl } from './lib/profile';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 0);
const CPU = process.env.BENCH_CPU === '1';
/** With BENCH_CPU=1, also writes each run's CPU profile of the window here (`run-N.cpuprofile`, for DevTools). */
const CPU_OUT = process.env.BENCH_CPU_OUT;

const ROWS = () =>
  document.querySelector('.claims-body [role="row"]') !== null &&
  document.querySelector('.claims-body .loading-row') === null;

const { server, context, page, cdp } = await tracedPage(CPU);
const library = () => page.waitForSelector('.article-list .article-link', { timeout: 120_000 });
try {
  await page.goto(`${baseUrl()}/`);
  await library();
  await page.goto(`${baseUrl()}/claims`);
  await page.waitForFunction(ROWS, null, { timeout: 120_000, polling: 'raf' });
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${baseUrl()}/`);
    await library();
    if (SETTLE_MS > 0) await page.waitForTimeout(SETTLE_MS);
    const before = await page.evaluate(() => {
      const all = (window as unknown as { __idb: IdbEntry[] }).__idb;
      const pending = all.filter((e) => e.answered === null).map((e) => `${e.op} ${e.where}`);
      all.length = 0;
      return pending;
    });
    if (cdp) await cdp.send('Profiler.start');
    const t0 = await page.evaluate(() => {
      const t = performance.now();
      document.querySelector<HTMLElement>('.main-nav a[href="/claims"]')!.click();
      return t;
    });
    await page.waitForFunction(ROWS, null, { timeout: 120_000, polling: 'raf' });
    const t1 = await page.evaluate(
      () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))),
    );
    const profile = cdp ? ((await cdp.send('Profiler.stop')).profile as CpuProfile) : null;
    await page.waitForTimeout(2000);
    const log = await page.evaluate(() => (window as unknown as { __idb: IdbEntry[] }).__idb);
    const scripts = await page.evaluate(
      (t) =>
        performance
          .getEntriesByType('resource')
          .map((e) => e as PerformanceResourceTiming)
          .filter((e) => e.startTime >= t && /\.js$/.test(e.name))
          .map(
            (e) =>
              `${e.name.split('/').pop()} ${(e.startTime - t).toFixed(0)}→${(e.responseEnd - t).toFixed(0)}`,
          ),
      t0,
    );
    const f = (n: number | null) => (n === null ? '     -' : (n - t0).toFixed(0).padStart(6));
    console.log(`== run ${i + 1}: first rows ${(t1 - t0).toFixed(0)} ms after the click`);
    if (before.length) console.log(`  still pending at the click: ${before.join(', ')}`);
    if (scripts.length) console.log(`  scripts: ${scripts.join(', ')}`);
    const long = await page.evaluate(
      ([a, b]) =>
        (window as unknown as { __long: [number, number][] }).__long.filter(
          ([s, d]) => s + d >= a! && s <= b!,
        ),
      [t0, t1],
    );
    if (long.length)
      console.log(
        `  long tasks: ${long.map(([s, d]) => `${(s - t0).toFixed(0)}+${d.toFixed(0)}`).join(', ')} (ms after the click + duration)`,
      );
    if (profile) console.log(`  CPU, click to first rows, most self time:\n${cpuSummary(profile, 20)}`);
    if (profile && CPU_OUT) {
      mkdirSync(CPU_OUT, { recursive: true });
      writeFileSync(join(CPU_OUT, `run-${i + 1}.cpuprofile`), JSON.stringify({ ...profile, t0, t1 }));
    }
    const runs: { e: IdbEntry; n: number; last: number | null }[] = [];
    for (const e of log) {
      const prev = runs.at(-1);
      if (prev && prev.e.op === e.op && prev.e.where === e.where && e.rows === null && e.cont === 0) {
        prev.n++;
        prev.last = e.answered === null || prev.last === null ? null : Math.max(prev.last, e.answered);
      } else runs.push({ e, n: 1, last: e.answered });
    }
    for (const { e, n, last } of runs) {
      const rows = e.rows ?? (e.cont > 0 ? `${e.cont} steps` : '');
      console.log(`  ${f(e.asked)} ${f(last)}  ${e.op} ${e.where}${n > 1 ? ` ×${n}` : ''} ${rows}`);
    }
  }
} finally {
  await context.close();
  await server.close();
}
