/**
 * A Chromium profile on disk holding a seeded Claimdesk library, for the screen benchmarks (each gets
 * its own copy of one cached seed). IndexedDB belongs to an origin, port included: the profile is
 * seeded through the Vite dev server on `port`, then the benchmarks serve the production build
 * (vite preview) on the same port.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from '@playwright/test';
import { createServer, type PreviewServer, preview } from 'vite';
import { findBrowser } from '../../scripts/browser-path.mjs';
import type { Seeded, SeedOptions } from '../screens-seed.page';
import { copyOfCachedLibrary, libraryKey, MARKER_FILE } from './library-cache';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH_PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4179);
/**
 * `BENCH_ORIGIN_PORT`: the port of the origin the pages are opened at, when it is not the port served.
 * A library seeded for another port (IndexedDB belongs to an origin, port included) is then used as it
 * is: Chromium's `--host-rules` sends that origin's requests to BENCH_PORT, and nothing listens on it.
 */
const ORIGIN_PORT = Number(process.env.BENCH_ORIGIN_PORT ?? BENCH_PORT);
export const PROFILE_DIR =
  process.env.BENCH_PROFILE ?? join(tmpdir(), `claimdesk-bench-profile-${BENCH_PORT}`);
const MARKER = join(PROFILE_DIR, MARKER_FILE);

export const SEED_OPTIONS: SeedOptions = {
  claims: Number(process.env.BENCH_CLAIMS ?? 100_000),
  articles: Number(process.env.BENCH_ARTICLES ?? 1_000),
  vocab: Number(process.env.BENCH_VOCAB ?? 5_000),
  longArticleChars: 300_000,
};

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type Profile = Seeded & { port: number; key: string };

/**
 * What a bench's Vite dev server pre-bundles (`optimizeDeps`). Left to itself Vite scans index.html,
 * whose `virtual:pwa-register` (the PWA plugin's: not loaded with `configFile: false`) fails the whole
 * scan, so nothing is pre-bundled and each dependency is found when a page first asks for it; on a
 * fresh clone (no node_modules/.vite yet) that re-bundles mid-load, the page's older imports get
 * "504 Outdated Optimize Dep", and with no HMR to reload it the page never gets ready (compare's seed
 * and bulk import failed so). The bench pages and the workers name every dependency the benches load.
 */
export const BENCH_OPTIMIZE_DEPS = {
  entries: ['bench/*.html', 'src/workers/*.worker.ts', 'bench/*.worker.ts'],
};

/** CHROMIUM_ARGS, with the `--host-rules` that send BENCH_ORIGIN_PORT's requests to BENCH_PORT when they differ. */
export const benchChromiumArgs = () =>
  ORIGIN_PORT === BENCH_PORT
    ? CHROMIUM_ARGS
    : [...CHROMIUM_ARGS, `--host-rules=MAP 127.0.0.1:${ORIGIN_PORT} 127.0.0.1:${BENCH_PORT}`];

/** Headless Chromium (Playwright's or Debian's) on a persistent profile in `dir`. */
export function launchBench(
  dir: string,
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
) {
  const executablePath = findBrowser() ?? undefined;
  return chromium.launchPersistentContext(dir, {
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: benchChromiumArgs(),
    ...options,
  });
}

export function launchProfile(options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  return launchBench(PROFILE_DIR, {
    viewport: { width: 1280, height: 800 },
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
}

/**
 * Seeds a profile in `dir` through a Vite dev server of its own on `port` (bench/screens-seed.page.ts;
 * a bench's own server would see the seed page's modules and re-optimise its dependencies meanwhile).
 */
async function seedLibraryProfile(dir: string, options: SeedOptions, port: number): Promise<Seeded> {
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
  const context = await launchBench(dir, { viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'log') console.log(`  ${m.text()}`);
    });
    await page.goto(`http://127.0.0.1:${port}/bench/screens-seed.html`);
    await page.waitForFunction(() => document.getElementById('out')?.textContent === 'ready', null, {
      timeout: 180_000,
    });
    const seeded = await page.evaluate(
      (o) =>
        (window as unknown as { seedScreensBench: (x: SeedOptions) => Promise<Seeded> }).seedScreensBench(o),
      options,
    );
    console.log(`bench library: ${seeded.claims} claims, ${seeded.articles} articles in ${seeded.seedMs} ms`);
    // The saved search index, as in a library the app has been open on once (its search worker builds
    // and saves it at the first start). Without it, every page a bench loads starts that build, a read
    // of every claim, beside what it measures: at 100,000 claims the Claims screen's first rows took
    // 0.7-7.2 s so, against 0.5-0.7 s with the index saved (lists12, PERFORMANCE.md).
    const indexMs = await page.evaluate(async () => {
      const t = performance.now();
      const path = '/src/db/search.ts'; // the seed page's dev server serves the app's source
      const search = (await import(/* @vite-ignore */ path)) as typeof import('../../src/db/search');
      await search.warmClaimSearchHere();
      await search.saveClaimSearch();
      return Math.round(performance.now() - t);
    });
    console.log(`bench library: search index built and saved in ${indexMs} ms`);
    return seeded;
  } finally {
    await context.close();
    await server.close();
  }
}

/**
 * A fresh copy in `target` of the bench library of `options` for the origin on `port`, seeded into
 * the cache the first time (bench/lib/library-cache.ts). The screens, Lighthouse and claims-db
 * benches each measure on their own copy of this one library, so none sees another's writes, and a
 * run seeds it once (call it before the bench's own server listens on `port`).
 */
export async function copyOfBenchLibrary(
  target: string,
  options: SeedOptions = SEED_OPTIONS,
  port: number = BENCH_PORT,
): Promise<Profile> {
  // `searchIndex`: seeds made before the saved index was part of the seed are made again
  const key = libraryKey({ options, port, searchIndex: 'saved' }, [
    'bench/screens-seed.page.ts',
    'src/core/extract',
    'src/core/attribution',
    'src/features/import',
    'src/workers',
  ]);
  const { info } = await copyOfCachedLibrary('bench-library', key, target, (dir) =>
    seedLibraryProfile(dir, options, port),
  );
  return { ...info, port, key };
}

/**
 * Puts a fresh copy of the bench library in PROFILE_DIR for the screens and Lighthouse benches.
 * `BENCH_KEEP_PROFILE=1` uses PROFILE_DIR as it is when it holds a seed of the same size (a
 * before/after of a change that only reads).
 */
export async function ensureSeededProfile(): Promise<Profile> {
  if (process.env.BENCH_KEEP_PROFILE === '1' && existsSync(MARKER)) {
    const profile = JSON.parse(readFileSync(MARKER, 'utf8')) as Profile;
    if (profile.claims - profile.longArticleClaims === SEED_OPTIONS.claims) {
      console.log(`bench profile: keeping ${PROFILE_DIR} (${profile.claims} claims)`);
      return profile;
    }
  }
  return copyOfBenchLibrary(PROFILE_DIR);
}

/** Builds the app (unless BENCH_NO_BUILD is set) and serves dist/ as `vite preview` does. */
export async function servePreview(): Promise<PreviewServer> {
  // Its own process: the dev server that seeded the profile set NODE_ENV=development in this one.
  if (!process.env.BENCH_NO_BUILD) {
    execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  return preview({
    root,
    logLevel: 'warn',
    preview: { port: BENCH_PORT, strictPort: true, host: '127.0.0.1' },
  });
}

export const baseUrl = () => `http://127.0.0.1:${ORIGIN_PORT}`;
