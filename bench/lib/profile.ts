/**
 * A Chromium profile on disk holding a seeded Claimdesk library, shared by the screen benchmarks.
 * IndexedDB belongs to an origin, port included: the profile is seeded through the Vite dev server
 * on `port`, then the benchmarks serve the production build (vite preview) on the same port.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from '@playwright/test';
import { createServer, type PreviewServer, preview } from 'vite';
import { findBrowser } from '../../scripts/browser-path.mjs';
import type { Seeded, SeedOptions } from '../screens-seed.page';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH_PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4179);
export const PROFILE_DIR =
  process.env.BENCH_PROFILE ?? join(tmpdir(), `claimdesk-bench-profile-${BENCH_PORT}`);
const MARKER = join(PROFILE_DIR, 'claimdesk-bench.json');

export const SEED_OPTIONS: SeedOptions = {
  claims: Number(process.env.BENCH_CLAIMS ?? 100_000),
  articles: Number(process.env.BENCH_ARTICLES ?? 1_000),
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

/** What the seeded data depends on: the seeder, the data layer and the import path. */
function seedKey(): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ SEED_OPTIONS, BENCH_PORT }));
  const files = [
    join(root, 'bench/screens-seed.page.ts'),
    ...['src/db', 'src/core/extract', 'src/core/attribution'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .sort()
        .map((f) => join(root, dir, f)),
    ),
  ];
  for (const f of files) hash.update(readFileSync(f));
  return hash.digest('hex').slice(0, 16);
}

/** Headless Chromium (Playwright's or Debian's) on a persistent profile in `dir`. */
export function launchBench(
  dir: string,
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
) {
  const executablePath = findBrowser() ?? undefined;
  return chromium.launchPersistentContext(dir, {
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
    ...options,
  });
}

export function launchProfile(options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  return launchBench(PROFILE_DIR, {
    viewport: { width: 1280, height: 800 },
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
}

/** Seeds the profile unless it already holds this seed (same seeder, data layer and options). */
export async function ensureSeededProfile(): Promise<Profile> {
  const key = seedKey();
  if (existsSync(MARKER) && !process.env.BENCH_RESEED) {
    const profile = JSON.parse(readFileSync(MARKER, 'utf8')) as Profile;
    // BENCH_KEEP_PROFILE=1: the same seed for a before/after of a change that only reads (queries,
    // screens) although it touches src/db; the seeded options must still match.
    const keep =
      process.env.BENCH_KEEP_PROFILE === '1' &&
      profile.claims - profile.longArticleClaims === SEED_OPTIONS.claims;
    if (profile.key === key || keep) {
      console.log(`bench profile: reusing ${PROFILE_DIR} (${profile.claims} claims)`);
      return profile;
    }
  }
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  mkdirSync(PROFILE_DIR, { recursive: true });
  console.log(`bench profile: seeding ${PROFILE_DIR} …`);
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'warn',
    resolve: { alias: { '@': join(root, 'src') } },
    worker: { format: 'es' },
    server: { port: BENCH_PORT, strictPort: true, host: '127.0.0.1', hmr: false, watch: null },
  });
  await server.listen();
  const context = await launchProfile();
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'log') console.log(`  ${m.text()}`);
    });
    await page.goto(`http://127.0.0.1:${BENCH_PORT}/bench/screens-seed.html`);
    await page.waitForFunction(() => document.getElementById('out')?.textContent === 'ready', null, {
      timeout: 180_000,
    });
    const seeded = await page.evaluate(
      (o) =>
        (window as unknown as { seedScreensBench: (x: SeedOptions) => Promise<Seeded> }).seedScreensBench(o),
      SEED_OPTIONS,
    );
    const profile: Profile = { ...seeded, port: BENCH_PORT, key };
    writeFileSync(MARKER, `${JSON.stringify(profile, null, 2)}\n`);
    console.log(`bench profile: ${seeded.claims} claims, ${seeded.articles} articles in ${seeded.seedMs} ms`);
    return profile;
  } finally {
    await context.close();
    await server.close();
  }
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

export const baseUrl = () => `http://127.0.0.1:${BENCH_PORT}`;
