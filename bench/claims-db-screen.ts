/**
 * E2E_PORT=… npx tsx bench/claims-db-screen.ts --profile DIR [--runs 5] [--query hospital]
 *
 * The first search after a reload as a person sees it: the built app (`vite build`, served as
 * `vite preview` does) opened at `/claims?q=QUERY` on a profile `bench/claims-db.ts --profile DIR`
 * seeded (same port: IndexedDB belongs to an origin) and whose search index that bench saved. Each
 * run is a fresh navigation (a new page: the app's start, the search worker's start, the saved
 * index's load, the query, the page's rows, their rendering), timed from the navigation's start to
 * the frame where the count and the first row are on screen; the longest main-thread task
 * meanwhile. `BENCH_NO_BUILD=1` serves dist/ as it is.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launchBench, servePreview } from './lib/profile';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
};
const profile = arg('profile', '');
const runs = Number(arg('runs', '5'));
const query = arg('query', 'hospital');
if (!profile || !existsSync(profile)) {
  throw new Error('--profile DIR: a profile seeded by bench/claims-db.ts --profile DIR on this port');
}
const port = Number(process.env.E2E_PORT ?? process.env.BENCH_PORT ?? 4179);
process.env.BENCH_PORT = String(port);

const server = await servePreview();
const context = await launchBench(profile, {
  viewport: { width: 1280, height: 800 },
  serviceWorkers: 'block',
});
await context.addInitScript(() => {
  const w = window as unknown as { longest: number; paint: number };
  w.longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
  }).observe({ type: 'longtask' });
});
type Run = { rowsMs: number; firstPaintMs: number; longestTaskMs: number; count: string };
const each: Run[] = [];
try {
  // one load first: the build's chunks in the HTTP cache, as for a person who has opened the app before
  const warm = await context.newPage();
  await warm.goto(`http://127.0.0.1:${port}/claims?q=${encodeURIComponent(query)}`);
  await warm.locator('.claims-body [role="row"]').first().waitFor({ timeout: 300_000 });
  await warm.close();
  for (let r = 0; r < runs; r++) {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/claims?q=${encodeURIComponent(query)}`, {
      waitUntil: 'commit',
    });
    const handle = await page.waitForFunction(
      () => {
        const count = document.querySelector('.claims-count')?.textContent ?? '';
        const row = document.querySelector('.claims-body [role="row"]');
        return /^\d/.test(count) && row ? performance.now() : null;
      },
      null,
      { polling: 'raf', timeout: 120_000 },
    );
    const rowsMs = Math.round((await handle.jsonValue()) as number);
    await page.waitForTimeout(100); // long-task entries come a moment later
    const run = await page.evaluate(() => ({
      firstPaintMs: Math.round(
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      ),
      longestTaskMs: Math.round((window as unknown as { longest: number }).longest),
      count: document.querySelector('.claims-count')?.textContent ?? '',
    }));
    each.push({ rowsMs, ...run });
    process.stderr.write(`run ${r + 1}: ${JSON.stringify(each.at(-1))}\n`);
    await page.close();
  }
} finally {
  await context.close();
  await server.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (name: string, pick: (r: Run) => number, budget: number | null) => {
  const ms = each.map(pick);
  return { name, ms, median: median(ms), min: Math.min(...ms), max: Math.max(...ms), budget };
};
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      query,
      loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
      count: each[0]?.count,
      results: [
        summary(
          'Claims screen reloaded with a text query: count and first row on screen',
          (r) => r.rowsMs,
          300,
        ),
        summary('same, first contentful paint', (r) => r.firstPaintMs, null),
        summary('same, longest main-thread task', (r) => r.longestTaskMs, 50),
      ],
    },
    null,
    2,
  ),
);
