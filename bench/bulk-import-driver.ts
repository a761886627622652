/**
 * Runs one benchmark page (bench/<name>.html, served by Vite from the source tree) in Debian's
 * Chromium, headless on a persistent profile on disk (IndexedDB stored as in real use), and prints
 * what the page's `window.runBench(options)` returns, with the machine, the date and the load.
 * Used by bench/bulk-import.ts and bench/export-library.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type CDPSession, chromium, type Page } from '@playwright/test';
import { createServer } from 'vite';
import { findBrowser } from '../scripts/browser-path.mjs';
import { BENCH_OPTIMIZE_DEPS } from './lib/profile';

export const numberArg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};

export const load = () => loadavg().map((n) => Math.round(n * 10) / 10);

export type BenchRun = Readonly<{ date: string; loadAverage: { before: number[]; after: number[] } }> &
  Record<string, unknown>;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

/** Starts a Chromium trace of the page (tasks, JavaScript samples, structured clones, GC) for `stopTrace`. */
export async function startTrace(context: BrowserContext, page: Page): Promise<CDPSession> {
  const tracer = await context.newCDPSession(page);
  await tracer.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'v8.execute',
        'disabled-by-default-v8.cpu_profiler',
        'blink',
        'blink.user_timing',
      ],
    },
  });
  return tracer;
}

/** Ends the trace and writes it to `path` (open it in chrome://tracing or DevTools' Performance panel). */
export async function stopTrace(tracer: CDPSession, path: string): Promise<void> {
  const complete = new Promise<string>((resolve) =>
    tracer.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')),
  );
  await tracer.send('Tracing.end');
  const handle = await complete;
  const parts: string[] = [];
  for (;;) {
    const chunk = await tracer.send('IO.read', { handle, size: 1 << 20 });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data);
    if (chunk.eof) break;
  }
  await tracer.send('IO.close', { handle });
  writeFileSync(path, parts.join(''));
}

/** Headless Chromium on an on-disk profile, with the benchmarks' flags. */
export function launchBenchBrowser(profile: string): Promise<BrowserContext> {
  const executablePath = findBrowser() ?? undefined;
  return chromium.launchPersistentContext(profile, {
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
}

/** Runs the page's benchmark once and returns (and prints) what it measured, with the date and load. */
export async function runBenchPage(
  name: string,
  options: Record<string, number>,
  /** A profile to run in (a copy the caller made and this run may change and removes), and its origin's port. */
  where: { profile: string; port: number } | null = null,
): Promise<BenchRun> {
  const port = where?.port ?? Number(process.env.E2E_PORT ?? 4177);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'warn',
    resolve: { alias: { '@': join(root, 'src') } },
    worker: { format: 'es' },
    optimizeDeps: BENCH_OPTIMIZE_DEPS,
    server: { port, strictPort: true, host: '127.0.0.1', hmr: false, watch: null },
  });
  await server.listen();
  const profile = where?.profile ?? mkdtempSync(join(tmpdir(), `${name}-bench-`));
  const context = await launchBenchBrowser(profile);
  const loadBefore = load();
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'log' || m.type() === 'error') process.stderr.write(`${m.text()}\n`);
    });
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    await page.goto(`http://127.0.0.1:${port}/bench/${name}.html${process.env.BENCH_QUERY ?? ''}`);
    await page.waitForFunction(() => document.getElementById('out')?.textContent === 'ready', null, {
      timeout: 120_000,
    });
    const profilePath = process.env.BENCH_CPU_PROFILE;
    const cdp = profilePath ? await context.newCDPSession(page) : null;
    const tracePath = process.env.BENCH_TRACE;
    const tracer = tracePath ? await startTrace(context, page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    const result = await page.evaluate(
      (o) => (window as unknown as { runBench: (x: typeof o) => Promise<unknown> }).runBench(o),
      options,
    );
    if (cdp && profilePath) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profilePath, JSON.stringify(profile));
    }
    if (tracer && tracePath) await stopTrace(tracer, tracePath);
    const run: BenchRun = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      browser: `Chromium ${context.browser()?.version() ?? ''} (headless, persistent profile)`,
      options,
      loadAverage: { before: loadBefore, after: load() },
      ...(result as object),
    };
    console.log(JSON.stringify(run, null, 2));
    return run;
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
