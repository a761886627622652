/**
 * npm run bench:claims-db [-- --claims 100000 --articles 1000 --runs 5 --vocab 5000 --only reads|writes]
 *
 * Serves bench/claims-db.html with Vite and runs it in Debian's Chromium (headless, persistent
 * profile on disk so IndexedDB is stored as in real use), printing the timings as JSON.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { launchBench } from './lib/profile';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const options = {
  claims: arg('claims', 100_000),
  articles: arg('articles', 1_000),
  runs: arg('runs', 5),
  /** Made-up rarer words mixed into the claims (0: only 25 common words, a worst case for search). */
  vocab: arg('vocab', 5_000),
  /** `reads` (lists, counts, library, search) or `writes` (edits, bulk edits, undo, import); both when left out. */
  only: (() => {
    const i = process.argv.indexOf('--only');
    return i === -1 ? 'all' : (process.argv[i + 1] ?? 'all');
  })(),
};
const port = Number(process.env.E2E_PORT ?? 4177);
const root = fileURLToPath(new URL('..', import.meta.url));

const server = await createServer({
  configFile: false,
  root,
  logLevel: 'warn',
  resolve: { alias: { '@': join(root, 'src') } },
  // no file watching or HMR: an edit elsewhere in the tree must not reload the page mid-run
  server: { port, strictPort: true, host: '127.0.0.1', hmr: false, watch: null },
});
await server.listen();
const profile = mkdtempSync(join(tmpdir(), 'claims-bench-'));
const context = await launchBench(profile);
try {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'log') process.stderr.write(`${m.text()}\n`);
  });
  await page.goto(`http://127.0.0.1:${port}/bench/claims-db.html`);
  await page.waitForFunction(() => document.getElementById('out')?.textContent === 'ready', null, {
    timeout: 120_000,
  });
  const result = await page.evaluate(
    (o) => (window as unknown as { runClaimsBench: (x: typeof o) => Promise<unknown> }).runClaimsBench(o),
    options,
  );
  const browser = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
  type Timing = {
    name: string;
    ms: number[];
    median: number;
    budget: number | null;
    unit?: string;
    better?: string;
  };
  const metrics = (result as { results: Timing[] }).results.map((t) => ({
    metric: t.name,
    unit: t.unit ?? 'ms',
    runs: t.ms,
    median: t.median,
    budget: t.budget,
    better: t.better ?? 'lower',
  }));
  const results = fileURLToPath(new URL('results/', import.meta.url));
  mkdirSync(results, { recursive: true });
  writeFileSync(
    `${results}claims-db${options.only === 'all' ? '' : `-${options.only}`}.json`,
    `${JSON.stringify(metrics, null, 2)}\n`,
  );
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
        browser: `Chromium ${browser} (headless, persistent profile)`,
        options,
        loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
        ...(result as object),
      },
      null,
      2,
    ),
  );
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
