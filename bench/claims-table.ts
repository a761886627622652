/**
 * Scale check of the Claims screen: seeds 100,000 claims (500 articles × 200, 400 speakers) straight
 * into the app's IndexedDB in a real Chromium, then times what a person does on /claims.
 *
 *   node_modules/.bin/vite build && node_modules/.bin/vite preview --port 4176 --strictPort --host 127.0.0.1 &
 *   BASE_URL=http://127.0.0.1:4176 npx tsx bench/claims-table.ts [claims]
 *
 * Figures go to stdout (milliseconds, wall clock from the action to the rows being on screen).
 */
import { chromium, type Page } from '@playwright/test';
import { findBrowser } from '../scripts/browser-path.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:4176';
const TOTAL = Number(process.argv[2] ?? 100_000);
const PER_ARTICLE = 200;

async function seed(page: Page, total: number) {
  return page.evaluate(
    async ({ total, perArticle }) => {
      const open = indexedDB.open('claimdesk');
      const db: IDBDatabase = await new Promise((res, rej) => {
        open.onsuccess = () => res(open.result);
        open.onerror = () => rej(open.error);
      });
      const put = (store: string, rows: unknown[]) =>
        new Promise<void>((res, rej) => {
          const tx = db.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          for (const r of rows) os.put(r);
          tx.oncomplete = () => res();
          tx.onerror = () => rej(tx.error);
        });
      const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
      const id = (kind: number, n: number) => `0190${hex(kind, 4)}-0000-7000-8000-${hex(n, 12)}`; // time-ordered like UUID v7
      const now = Date.now();
      const speakers = Array.from({ length: 400 }, (_, i) => ({
        id: id(1, i),
        name: `Speaker ${String(i).padStart(3, '0')} ${['Ahmed', 'Baker', 'Chen', 'Dlamini', 'Evans'][i % 5]}`,
        key: `speaker ${i}`,
        type: 'person',
        role: i % 3 ? 'councillor' : null,
        aliases: [],
        updatedAt: now,
        deletedAt: null,
      }));
      await put('speakers', speakers);
      const verdicts = ['unchecked', 'unchecked', 'unchecked', 'in progress', 'true', 'false', 'misleading'];
      const topics = [
        'housing',
        'bus fares',
        'school meals',
        'flood defences',
        'hospital beds',
        'tax',
        'crime',
      ];
      const articles = total / perArticle;
      const started = performance.now();
      for (let a = 0; a < articles; a++) {
        const articleId = id(2, a);
        const text = 'x'.repeat(perArticle * 120);
        await put('articles', [
          {
            id: articleId,
            title: `Bench article ${a}: council debates ${topics[a % topics.length]}`,
            text,
            outlet: 'Bench Gazette',
            url: null,
            publishedAt: null,
            importedAt: now - (articles - a) * 1000,
            extractorVersion: 'bench',
            sha256: hex(a, 64),
            boilerplate: [],
            updatedAt: now,
            deletedAt: null,
          },
        ]);
        const claims = Array.from({ length: perArticle }, (_, j) => {
          const n = a * perArticle + j;
          const topic = topics[n % topics.length]!;
          return {
            id: id(3, n),
            articleId,
            speakerId: speakers[n % speakers.length]!.id,
            text: `Spending on ${topic} rose by ${n % 97} per cent, claim number ${n}, the speaker said.`,
            start: j * 120,
            end: j * 120 + 80,
            quote: { exact: '', prefix: '', suffix: '' },
            kind: ['direct', 'indirect', 'mixed'][n % 3],
            cue: null,
            speakerMention: null,
            confidence: 0.9,
            checkworthy: { score: (n % 100) / 100, signals: ['number'] },
            verdict: verdicts[n % verdicts.length],
            ratingNote: '',
            tags: n % 10 === 0 ? ['budget'] : [],
            notes: '',
            origin: 'extracted',
            createdAt: now,
            updatedAt: now - n,
            deletedAt: null,
          };
        });
        await put('claims', claims);
      }
      db.close();
      return performance.now() - started;
    },
    { total, perArticle: PER_ARTICLE },
  );
}

/** Milliseconds from `action` until `ready` holds in the page. */
async function time(page: Page, action: () => Promise<unknown>, ready: () => Promise<unknown>) {
  const t0 = Date.now();
  await action();
  await ready();
  return Date.now() - t0;
}

const countIs = (page: Page, re: RegExp) =>
  page.locator('.claims-count').filter({ hasText: re }).waitFor({ timeout: 120_000 });
/** Every rendered body row has its content (none still "Loading…"). */
const rowsLoaded = (page: Page) =>
  page.waitForFunction(
    () => {
      const rows = document.querySelectorAll('.claims-body [role="row"]');
      return rows.length > 0 && !document.querySelector('.claims-body .loading-row');
    },
    undefined,
    { timeout: 120_000, polling: 'raf' },
  );

async function main() {
  const browser = await chromium.launch({
    executablePath: findBrowser() ?? undefined,
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx (esbuild) wraps named functions in __name(); evaluated code needs it in the page too.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto(`${BASE}/`);
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
  await page.waitForTimeout(1500); // the first-run reference import
  const seedMs = await seed(page, TOTAL);
  // Printed as they come, so a slow step still leaves the earlier figures.
  const out = {
    push: ([k, v]: [string, number | string]) => console.log(`${k.padEnd(62)} ${v}`),
  };
  out.push(['seed (raw IndexedDB puts)', Math.round(seedMs)]);
  const fmt = new Intl.NumberFormat('en-GB').format(TOTAL);

  out.push([
    `open /claims cold (count + first rows) with ${fmt} claims`,
    await time(
      page,
      () => page.goto(`${BASE}/claims`),
      async () => {
        await countIs(page, /\d[\d,]* claims/);
        await rowsLoaded(page);
      },
    ),
  ]);
  const grid = page.getByRole('grid', { name: 'Claims' });
  const t0 = Date.now();
  await page.waitForFunction(
    (n) => ((document.querySelector('#filter-article') as HTMLSelectElement | null)?.options.length ?? 0) > n,
    TOTAL / PER_ARTICLE,
    { timeout: 120_000 },
  );
  out.push(['  … then the article list (titles, filter options) ready after', Date.now() - t0]);
  for (const at of [0.1, 0.5, 0.9, 1]) {
    out.push([
      `scroll jump to ${at * 100}% (rows filled)`,
      await time(
        page,
        () => grid.evaluate((el, f) => (el.scrollTop = (el.scrollHeight - el.clientHeight) * f), at),
        () => rowsLoaded(page),
      ),
    ]);
  }
  // Smooth scrolling: 40 wheel steps of 600 px, counting frames over 250 ms after each.
  const frames = await grid.evaluate(async (el) => {
    el.scrollTop = 0;
    const gaps: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 40; i++) {
      el.scrollTop += 600;
      await new Promise((r) => requestAnimationFrame(r));
      const t = performance.now();
      gaps.push(t - last);
      last = t;
    }
    gaps.sort((a, b) => a - b);
    return { median: gaps[20]!, p95: gaps[38]!, max: gaps[39]! };
  });
  out.push(['scroll by 600 px per frame × 40: median frame (ms)', Math.round(frames.median)]);
  out.push(['  … 95th percentile frame (ms)', Math.round(frames.p95)]);
  out.push(['  … worst frame (ms)', Math.round(frames.max)]);

  const speaker = '0190' + '0001'.padStart(4, '0') + '-0000-7000-8000-' + (7).toString(16).padStart(12, '0');
  const filters: [string, string][] = [
    ['filter speaker (URL)', `?speaker=${speaker}`],
    ['filter speaker + verdict=false (URL)', `?speaker=${speaker}&verdict=false`],
    ['filter verdict=unchecked (URL)', '?verdict=unchecked'],
    ['filter tag=budget (URL)', '?tag=budget'],
    ['filter kind=direct + no source (URL)', '?kind=direct&source=without'],
    ['sort by check-worthiness, highest first', '?sort=checkworthy&desc=1'],
    ['sort by speaker', '?sort=speaker'],
    ['search "flood defences" (first search builds the index)', '?q=flood+defences'],
    ['search "hospital" (index warm)', '?q=hospital'],
  ];
  // In-app navigation (as the filter controls do): push the URL, let the router follow it.
  const go = (qs: string) =>
    page.evaluate((url) => {
      history.pushState(null, '', url);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `/claims${qs}`);
  for (const [label, qs] of filters) {
    out.push([
      label,
      await time(
        page,
        () => go(qs),
        async () => {
          await countIs(page, /\d[\d,]* (claims|best matches)|No claim matches/);
          if (!(await page.getByText('No claim matches').count())) await rowsLoaded(page);
        },
      ),
    ]);
    out.push([`  … count shown`, (await page.locator('.claims-count').innerText()).trim()]);
  }
  out.push([
    'bookmarked URL opened cold: speaker + verdict=false',
    await time(
      page,
      () => page.goto(`${BASE}/claims?speaker=${speaker}&verdict=false`),
      () => rowsLoaded(page),
    ),
  ]);
  // Deep scroll on a filtered view.
  await go('?verdict=unchecked');
  await countIs(page, /\d[\d,]* claims/);
  await rowsLoaded(page);
  out.push([
    'verdict=unchecked: scroll jump to the end',
    await time(
      page,
      () => grid.evaluate((el) => (el.scrollTop = el.scrollHeight)),
      () => rowsLoaded(page),
    ),
  ]);
  await browser.close();
}

await main();
