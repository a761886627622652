/**
 * npm run bench:lighthouse — Lighthouse 12.2.3 (pinned: newer versions want Node 22) on the Library and
 * on the long article (bench/lib/profile.ts), against the production build served by `vite preview`,
 * in Debian's headless Chromium on the seeded on-disk profile. Storage is kept (the seeded library is
 * the point), and the service worker of this build is installed first, as for a returning user.
 * Desktop settings (Lighthouse's desktop preset: no CPU slowdown, fast network); BENCH_LH_RUNS
 * (default 3) runs per page. BENCH_LH_AUDIT_MIN (default 6) bounds one audit: a page whose audit
 * overruns is left unmeasured (no figure, so bench:check says so) and the other page still is.
 * BENCH_LH_LOG=info prints Lighthouse's own steps (where an audit spends its time).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { findBrowser } from '../scripts/browser-path.mjs';
import {
  BENCH_PORT,
  baseUrl,
  benchChromiumArgs,
  ensureSeededProfile,
  launchProfile,
  PROFILE_DIR,
  servePreview,
} from './lib/profile';
import { type Metric, metric, RESULTS_DIR, writeResults } from './lib/results';

const RUNS = Number(process.env.BENCH_LH_RUNS ?? 3);
const AUDIT_MS = Number(process.env.BENCH_LH_AUDIT_MIN ?? 6) * 60_000;
const LOG_LEVEL = process.env.BENCH_LH_LOG === 'info' ? 'info' : 'error';
const DEBUG_PORT = BENCH_PORT + 1000;

/** Replaces any service worker of an earlier build with this build's, and waits until it is active. */
async function installServiceWorker() {
  const context = await launchProfile({ serviceWorkers: 'allow' });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseUrl());
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      for (const k of await caches.keys()) await caches.delete(k);
    });
    await page.goto(baseUrl());
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  } finally {
    await context.close();
  }
}

async function startChromium(): Promise<ChildProcess> {
  const executable = findBrowser() ?? '/usr/bin/chromium';
  const chrome = spawn(
    executable,
    [
      ...benchChromiumArgs(),
      '--headless=new',
      `--remote-debugging-port=${DEBUG_PORT}`,
      `--user-data-dir=${PROFILE_DIR}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${DEBUG_PORT}/json/version`);
      if (res.ok) return chrome;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  chrome.kill();
  throw new Error('Chromium did not open its debugging port');
}

type Scores = { performance: number; accessibility: number; failed: string[] };

/** The page's scores, or why the audit gave none. */
async function audit(url: string, save: string): Promise<Scores | string> {
  const result = await lighthouse(
    url,
    {
      port: DEBUG_PORT,
      output: 'json',
      logLevel: LOG_LEVEL,
      disableStorageReset: true,
      // not scored: a screenshot of the whole page, which for the long article is a very tall one
      disableFullPageScreenshot: true,
      onlyCategories: ['performance', 'accessibility'],
    },
    desktopConfig,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  // a fresh clone has no runs/ yet (writeResults makes it, after the audits)
  mkdirSync(`${RESULTS_DIR}runs`, { recursive: true });
  writeFileSync(`${RESULTS_DIR}runs/${save}.lighthouse.json`, JSON.stringify(lhr));
  // A run that failed (NO_FCP at load 70 here) scores 0 in every category: not a figure of the page.
  const error = lhr.runtimeError?.code;
  if (error || lhr.categories.performance?.score == null || lhr.categories.accessibility?.score == null)
    return `the audit failed (${error ?? 'no score'}: ${lhr.runtimeError?.message ?? ''})`;
  const failed = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
    .map((a) => a.id);
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    failed,
  };
}

const profile = await ensureSeededProfile();
const server = await servePreview();
const pages = {
  library: `${baseUrl()}/`,
  'long article': `${baseUrl()}/articles/${encodeURIComponent(profile.longArticleId)}`,
};
const scores: Record<string, Scores[]> = {};
/** Pages whose audit overran AUDIT_MS: not audited again, and left without a figure. */
const overran = new Set<string>();
/** Audits that gave no score (a Lighthouse runtime error): left out of the figures, and reported. */
const failedAudits: string[] = [];
try {
  await installServiceWorker();
  let chrome = await startChromium();
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [name, url] of Object.entries(pages)) {
        if (overran.has(name)) continue;
        const t0 = Date.now();
        let timer: NodeJS.Timeout | undefined;
        const over = new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), AUDIT_MS);
        });
        const s = await Promise.race([audit(url, `${name.replace(' ', '-')}-${i + 1}`), over]);
        clearTimeout(timer);
        const seconds = Math.round((Date.now() - t0) / 1000);
        if (s === null) {
          // a Chromium that a stuck audit still holds is not reused: the next audit gets a new one
          console.log(`${name}: audit ${i + 1} not finished after ${seconds} s: ${name} is not measured`);
          overran.add(name);
          chrome.kill('SIGKILL');
          chrome = await startChromium();
          continue;
        }
        if (typeof s === 'string') {
          console.log(`${name}: audit ${i + 1}: ${s} (${seconds} s)`);
          failedAudits.push(`${name} ${i + 1}`);
          continue;
        }
        scores[name] = [...(scores[name] ?? []), s];
        console.log(`${name}: performance ${s.performance}, accessibility ${s.accessibility} (${seconds} s)`);
        if (s.failed.length > 0) console.log(`  audits not passed: ${s.failed.join(', ')}`);
      }
    }
  } finally {
    chrome.kill();
  }
} finally {
  await server.close();
}

const n = profile.longArticleClaims.toLocaleString('en-GB');
const label = (name: string) =>
  name === 'library'
    ? `Library (${profile.articles.toLocaleString('en-GB')} articles)`
    : `article with ${n} claims`;
const results: Metric[] = Object.entries(scores).flatMap(([name, s]) => [
  metric(
    `Lighthouse performance (desktop): ${label(name)}`,
    'score',
    s.map((x) => x.performance),
    95,
    'higher',
  ),
  metric(
    `Lighthouse accessibility: ${label(name)}`,
    'score',
    s.map((x) => x.accessibility),
    100,
    'higher',
  ),
]);
writeResults('lighthouse', results);
if (failedAudits.length > 0)
  console.error(`lighthouse: audits that failed, left out: ${failedAudits.join(', ')}`);
if (overran.size > 0) {
  console.error(`lighthouse: not measured (audit over ${AUDIT_MS / 60_000} min): ${[...overran].join(', ')}`);
  process.exit(1);
}
