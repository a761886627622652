/**
 * The bulk import as a person runs it: the production build (vite build + vite preview) in headless
 * Chromium on a fresh on-disk profile, the Library screen open, the corpus chosen in its
 * "Import many articles" form and "Import all" pressed. Every main-thread long task from the press
 * to the finished report is counted, so React's renders of the progress, the queries the Dexie →
 * TanStack Query bridge refetches after each batch, and the import's own work all count.
 * Used by bench/bulk-import.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { corpusJsonl } from './bulk-import-corpus';
import { launchBenchBrowser, load, startTrace, stopTrace } from './bulk-import-driver';

type LongTasks = { count: number; over100ms: number; longestMs: number; top5Ms: number[] };

export async function runScreenImport(options: { articles: number; claims: number }) {
  const port = Number(process.env.E2E_PORT ?? 4177);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'bulk-import-screen-dist-'));
  const profile = mkdtempSync(join(tmpdir(), 'bulk-import-screen-'));
  await build({
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: process.env.BENCH_MINIFY !== '0' },
  });
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
  });
  const context = await launchBenchBrowser(profile);
  const loadBefore = load();
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor({ timeout: 60_000 });
    // the first run's reference article is in: the screen is settled
    await page.getByRole('link', { name: /Police chief says/ }).waitFor({ timeout: 60_000 });
    await page.getByLabel('Files (.txt, .md, .html) or JSONL corpora').setInputFiles({
      name: 'corpus.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(corpusJsonl(options.articles, options.claims)),
    });
    await page.getByRole('button', { name: 'Import all' }).waitFor();
    const tracePath = process.env.BENCH_TRACE_SCREEN;
    // the trace's start is itself a long task (the profiler's): start it before watching
    const tracer = tracePath ? await startTrace(context, page) : null;
    await page.evaluate(() => {
      const w = window as unknown as { benchTasks: number[]; benchStop: () => void };
      w.benchTasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.benchTasks.push(e.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      w.benchStop = () => observer.disconnect();
    });
    // pressed and awaited with plain DOM calls: Playwright's role queries and text polling would
    // run on the page's main thread among the tasks measured
    const t0 = Date.now();
    await page.evaluate(() =>
      document.querySelector<HTMLButtonElement>('.bulk-import button.primary')!.click(),
    );
    await page.waitForFunction(
      () => document.querySelector('.bulk-status')?.textContent?.includes('finished'),
      null,
      {
        polling: 1000,
        timeout: 30 * 60_000,
      },
    );
    const ms = Date.now() - t0;
    if (tracer && tracePath) await stopTrace(tracer, tracePath);
    const tasks = await page.evaluate(() => {
      const w = window as unknown as { benchTasks: number[]; benchStop: () => void };
      w.benchStop();
      return w.benchTasks;
    });
    const status = (await page.locator('.bulk-status').textContent()) ?? '';
    tasks.sort((a, b) => b - a);
    const longTasks: LongTasks = {
      count: tasks.length,
      over100ms: tasks.filter((t) => t > 100).length,
      longestMs: Math.round(tasks[0] ?? 0),
      top5Ms: tasks.slice(0, 5).map(Math.round),
    };
    return { ms, status, longTasks, loadAverage: { before: loadBefore, after: load() } };
  } finally {
    await context.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(profile, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}
