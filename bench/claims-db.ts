/**
 * npm run bench:claims-db [-- --claims 100000 --articles 1000 --runs 5 --vocab 5000 --only reads|writes|search|shapes|indexes|import]
 *   [--profile DIR] [--dev] [--filter TEXT] [--detail] [--rounds N --import-articles N --import-claims N]
 *
 * Builds bench/claims-db.html as the app is built (`vite build`: one bundled, minified chunk per
 * page and worker, as a person loads them) and serves it as `vite preview` does, then runs it in
 * Debian's Chromium (headless, persistent profile on disk so IndexedDB is stored as in real use),
 * printing the timings as JSON. `--dev` serves it through Vite's dev server instead (each module
 * fetched on its own: not what a person loads; for comparison only).
 *
 * `--profile DIR` keeps the seeded profile in DIR and reuses it on the next run with the same
 * claims, articles, vocabulary and port (seeding 100,000 claims takes minutes); a run that writes
 * (`--only writes`, or everything) changes the library, so its profile is not reused.
 *
 * `--filter TEXT` (with `--only reads`) times only the filters whose label contains TEXT or one of its
 * `|`-separated parts (first page, table, count), without the library, search and reload figures: a
 * quick before/after of a few reads.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build, createServer, preview } from 'vite';
import { type CpuProfile, cpuSummary } from './lib/cpu-profile';
import { copyOfBenchLibrary, launchBench } from './lib/profile';

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
  /**
   * `reads` (lists, counts, library, search), `writes` (edits, bulk edits, undo, import), `search`
   * (search only, and the first search after reloads) or `shapes` (each row kind and index of a bulk
   * verdict, raw: bench/write-shapes.ts) or `indexes` (the claims' index sets, history's and the
   * facet row's value, interleaved: bench/write-shapes.ts) or `import` (the import path against raw writes of the same
   * rows only: the last part of `writes`) or `bulk` (`writes` without its import rounds: the edits,
   * the bulk verdict and its undo) or `bulkreads` (the reads before a bulk write, by shape) or
   * `listshapes` (the raw reads of schema 14's slowest list pages: claims-db-list-shapes.ts); all when
   * left out.
   */
  only: (() => {
    const i = process.argv.indexOf('--only');
    return i === -1 ? 'all' : (process.argv[i + 1] ?? 'all');
  })(),
  filter: (() => {
    const i = process.argv.indexOf('--filter');
    return i === -1 ? undefined : process.argv[i + 1];
  })(),
  /** The write diagnostics that are not budget figures: the bulk edit's candidate layouts and its request trace. */
  detail: process.argv.includes('--detail'),
  /** With `--only import`: the rounds counted (a multiple of 3: each half first in a third), articles a round, claims an article. */
  rounds: process.argv.includes('--rounds') ? arg('rounds', 9) : undefined,
  importArticles: arg('import-articles', 10),
  importClaims: arg('import-claims', 100),
};
const dev = process.argv.includes('--dev');
/**
 * `--cpu-profile DIR` (with `--detail`): a CDP CPU profile of the traced bulk verdict and of its undo,
 * written to DIR (`bulk.cpuprofile`, `undo.cpuprofile`, for DevTools) and summed up in the log (the
 * main thread's busy and idle time, the functions with the most self time). `BENCH_NO_MINIFY=1`
 * builds the page unminified, so the functions have their names.
 */
const cpuProfileDir = (() => {
  const i = process.argv.indexOf('--cpu-profile');
  return i === -1 ? null : (process.argv[i + 1] ?? null);
})();
const keptProfile = (() => {
  const i = process.argv.indexOf('--profile');
  return i === -1 ? null : (process.argv[i + 1] ?? null);
})();
const port = Number(process.env.E2E_PORT ?? 4177);
const root = fileURLToPath(new URL('..', import.meta.url));

// Without --profile, the library is a copy of the bench library of these sizes (bench/lib/profile.ts),
// which the screens benches measure too (seeded the first time through a server of its own on this
// port, so before this bench's server starts; then cached).
const copiedProfile = keptProfile ? null : mkdtempSync(join(tmpdir(), 'claims-bench-'));
const library = copiedProfile
  ? await copyOfBenchLibrary(
      copiedProfile,
      { claims: options.claims, articles: options.articles, vocab: options.vocab, longArticleChars: 300_000 },
      port,
    )
  : null;

const alias = { '@': join(root, 'src') };
// `BENCH_CLAIMS_DB_OUT=DIR BENCH_NO_BUILD=1`: serve a build made beforehand (a before/after pair
// builds each tree outside the bench lock, and holds the lock for the timed run only)
const outDir = process.env.BENCH_CLAIMS_DB_OUT ?? join(tmpdir(), `claimdesk-claims-db-build-${port}`);
if (!dev && !(process.env.BENCH_NO_BUILD && existsSync(join(outDir, 'bench/claims-db.html')))) {
  await build({
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    resolve: { alias },
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      ...(process.env.BENCH_NO_MINIFY ? { minify: false } : {}),
      rollupOptions: { input: join(root, 'bench/claims-db.html') },
    },
  });
}
const server = dev
  ? await createServer({
      configFile: false,
      root,
      logLevel: 'warn',
      resolve: { alias },
      worker: { format: 'es' },
      // no file watching or HMR: an edit elsewhere in the tree must not reload the page mid-run
      server: { port, strictPort: true, host: '127.0.0.1', hmr: false, watch: null },
    })
  : await preview({
      configFile: false,
      root,
      logLevel: 'warn',
      build: { outDir },
      preview: { port, strictPort: true, host: '127.0.0.1' },
    });
if ('listen' in server) await server.listen();
// a library seeded at another origin's port (BENCH_ORIGIN_PORT, bench/lib/profile.ts) is opened at that
// origin, which Chromium's --host-rules sends to this server
const url = `http://127.0.0.1:${process.env.BENCH_ORIGIN_PORT ?? port}/bench/claims-db.html`;
const ready = (page: Page) =>
  page.waitForFunction(() => document.getElementById('out')?.textContent === 'ready', null, {
    timeout: 120_000,
  });

type Reloaded = {
  /** The first search's steps (ms each): see `phasesOf` in claims-db.page.ts. */
  phases: Record<string, number>;
  hits: number;
  firstMs: number;
  readyMs: number;
  nextMs: number;
  rawReadMs: number;
  longestTaskMs: number;
  saved: { bytes: number; documents: number } | null;
  worker?: { loadMs: number; refreshMs: number; buildMs: number; workerCodeMs?: number };
};

/**
 * The first search after a reload: once the worker has saved its index, the page is loaded again
 * (a new worker, the saved index on disk) `runs` times, and each load searches at once.
 */
async function afterReloads(page: Page) {
  const saved = await page.evaluate(() =>
    (window as unknown as { waitForSavedIndex: () => Promise<unknown> }).waitForSavedIndex(),
  );
  process.stderr.write(`saved index: ${JSON.stringify(saved)}\n`);
  const each: Reloaded[] = [];
  const screen: Reloaded[] = [];
  const reloaded = async (as: 'ids' | 'screen') => {
    await page.goto(url);
    await ready(page);
    return page.evaluate(
      (as) =>
        (
          window as unknown as {
            firstSearchAfterReload: (q: string, as: 'ids' | 'screen') => Promise<Reloaded>;
          }
        ).firstSearchAfterReload('hospital', as),
      as,
    );
  };
  for (let r = 0; r < options.runs; r++) {
    const one = await reloaded('ids');
    process.stderr.write(`after reload ${r + 1}: ${JSON.stringify(one)}\n`);
    each.push(one);
    const rows = await reloaded('screen');
    process.stderr.write(`after reload ${r + 1}, as the Claims screen reads: ${JSON.stringify(rows)}\n`);
    screen.push(rows);
  }
  const metric = (
    name: string,
    pick: (x: Reloaded) => number,
    budget: number | null,
    unit = 'ms',
    from = each,
  ) => {
    const ms = from.map(pick);
    return { name, ms, median: [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!, budget, unit };
  };
  return [
    metric(
      'search: first search after a reload (worker start, saved index load, refresh, query)',
      (x) => x.firstMs,
      300,
    ),
    metric(
      'search: first text query after a reload as the Claims screen reads it (count + first 100 rows)',
      (x) => x.firstMs,
      300,
      'ms',
      screen,
    ),
    metric(
      'search: longest main-thread task during that first text query of the Claims screen',
      (x) => x.longestTaskMs,
      50,
      'ms',
      screen,
    ),
    metric('search: index ready after a reload (warmClaimSearch at start)', (x) => x.readyMs, null),
    metric('search: second search after a reload', (x) => x.nextMs, 50),
    metric(
      'search: longest main-thread task during the first search after a reload',
      (x) => x.longestTaskMs,
      50,
    ),
    metric(
      `search after a reload: the worker's code loaded (ms after its creation; ${dev ? "the dev server's modules" : 'the built chunk'})`,
      (x) => x.worker?.workerCodeMs ?? 0,
      null,
    ),
    metric("search after a reload: the worker's load of the saved index", (x) => x.worker?.loadMs ?? 0, null),
    metric(
      "search after a reload: the worker's refresh after the load",
      (x) => x.worker?.refreshMs ?? 0,
      null,
    ),
    ...(
      [
        ['code', "the worker's creation and its code's load"],
        ['open', "the database's open in the worker"],
        ['read', 'the read of the saved index row'],
        ['arrays', 'its arrays read from their Blob (format 4)'],
        ['unpack', 'its unpacking'],
        ['refresh', 'the refresh after the load'],
        ['waitForAsk', "the wait for the page's question"],
        ['query', 'the query'],
        ['reply', 'the answer back to the page'],
      ] as const
    ).map(([key, label]) =>
      metric(`first search after a reload, step: ${label}`, (x) => x.phases[key] ?? 0, null),
    ),
    metric(
      "first text query as the Claims screen reads it, step: the search (count and page's ids)",
      (x) => x.firstMs - (x.phases.rows ?? 0),
      null,
      'ms',
      screen,
    ),
    metric(
      "first text query as the Claims screen reads it, step: the page's 100 rows",
      (x) => x.phases.rows ?? 0,
      null,
      'ms',
      screen,
    ),
    metric('search: raw read of the saved index row (platform share)', (x) => x.rawReadMs, null),
    metric(
      'search: saved index size',
      (x) => Math.round(((x.saved?.bytes ?? 0) / 1e6) * 100) / 100,
      null,
      'MB',
    ),
  ];
}

/** `window.benchCpuProfile('start' | 'stop', name)`: the page starts and stops a CDP CPU profile. */
async function exposeCpuProfile(page: Page, dir: string) {
  mkdirSync(dir, { recursive: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.exposeFunction('benchCpuProfile', async (action: 'start' | 'stop', name: string) => {
    if (action === 'start') {
      await cdp.send('Profiler.start');
      return;
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    process.stderr.write(`CPU profile of ${name}:\n${cpuSummary(profile)}\n`);
  });
}

/** What a kept profile holds: reused only for the same library at the same origin. */
const seedKey = JSON.stringify({
  claims: options.claims,
  articles: options.articles,
  vocab: options.vocab,
  port,
});
const marker = keptProfile ? join(keptProfile, 'claims-db-seed.json') : null;
const reuse = marker !== null && existsSync(marker) && readFileSync(marker, 'utf8') === seedKey;
if (keptProfile && !reuse) {
  rmSync(keptProfile, { recursive: true, force: true });
  mkdirSync(keptProfile, { recursive: true });
}
if (reuse) process.stderr.write(`reusing the seeded profile in ${keptProfile}\n`);
const profile = keptProfile ?? (copiedProfile as string);
const context = await launchBench(profile);
try {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'log') process.stderr.write(`${m.text()}\n`);
  });
  if (cpuProfileDir) await exposeCpuProfile(page, cpuProfileDir);
  await page.goto(url);
  await ready(page);
  const opened = await page.evaluate(() => (window as unknown as { dbOpen: unknown }).dbOpen);
  process.stderr.write(
    `database open on the first load (with any schema upgrade): ${JSON.stringify(opened)}\n`,
  );
  const result = await page.evaluate(
    (o) => (window as unknown as { runClaimsBench: (x: typeof o) => Promise<unknown> }).runClaimsBench(o),
    { ...options, seeded: reuse || library !== null, cpuProfile: cpuProfileDir !== null },
  );
  // a run that wrote to the library leaves a profile that is not the seed any more
  if (marker) {
    if (['search', 'reads', 'bulkreads', 'listshapes'].includes(options.only)) writeFileSync(marker, seedKey);
    else rmSync(marker, { force: true });
  }
  if (
    !['writes', 'bulk', 'shapes', 'indexes', 'import', 'bulkreads', 'listshapes'].includes(options.only) &&
    !options.filter
  )
    (result as { results: unknown[] }).results.push(...(await afterReloads(page)));
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
  // a run of some filters only is not the bench's figure: printed below, not written for bench:check
  if (!options.filter) {
    const results = fileURLToPath(new URL('results/', import.meta.url));
    mkdirSync(results, { recursive: true });
    writeFileSync(
      `${results}claims-db${options.only === 'all' ? '' : `-${options.only}`}.json`,
      `${JSON.stringify(metrics, null, 2)}\n`,
    );
  }
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
        browser: `Chromium ${browser} (headless, persistent profile)`,
        served: dev ? 'Vite dev server (--dev)' : 'production build (vite build + preview)',
        options,
        loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
        ...(result as object),
        library,
      },
      null,
      2,
    ),
  );
} finally {
  await context.close();
  await server.close();
  if (!keptProfile) rmSync(profile, { recursive: true, force: true });
}
