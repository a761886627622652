/**
 * Where a bulk verdict's time goes in the app, from the click to the screen showing it: the Claims
 * screen on the bench library, filtered to articles holding about 1,000 claims, all of them selected
 * ("Select all"), a verdict set from the bulk bar ("In progress": no source asked for), then the
 * toast's Undo. For each, printed: when (ms after the click) the write's last request was answered,
 * the toast said so, and the first row showed the new verdict; every IndexedDB request the page made
 * from the click until then (grouped: op, store or index, ×count, asked → answered); the page's long
 * tasks; and with `BENCH_CPU=1` the functions with the most self time in a CPU profile of that window.
 *
 * `BENCH_NO_BUILD=1 BENCH_KEEP_PROFILE=1 BENCH_PROFILE=<copy of a seeded profile> BENCH_PORT=4311
 *  BENCH_ORIGIN_PORT=4301 npx tsx bench/bulk-trace.ts` (build first with `npx vite build --minify
 * false` for function names; `BENCH_RUNS`, default 2: a verdict and its undo each run).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { type CpuProfile, cpuSummary, tracedPage } from './lib/cpu-profile';
import type { IdbEntry } from './lib/idb-log';
import { baseUrl } from './lib/profile';

const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const CPU = process.env.BENCH_CPU === '1';
const WANTED = Number(process.env.BENCH_BULK ?? 1_000);
/** With BENCH_CPU=1, each window's profile is also written here (`<n>.cpuprofile`, with the click's offset in it). */
const CPU_OUT = process.env.BENCH_CPU_OUT;
let written = 0;

/** Articles (in key order) until their claims add up to at least WANTED. */
async function articlesOfAbout(page: Page): Promise<{ ids: string[]; claims: number }> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('claimdesk');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction(['articles', 'claims'], 'readonly');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const r = tx.objectStore('articles').getAllKeys(null, 200);
      r.onsuccess = () => resolve(r.result);
    });
    const ids: string[] = [];
    let claims = 0;
    for (const k of keys) {
      const n = await new Promise<number>((resolve) => {
        const r = tx
          .objectStore('claims')
          .index('[articleId+start]')
          .count(IDBKeyRange.bound([k], [k, []]));
        r.onsuccess = () => resolve(r.result);
      });
      if (n === 0 || n > wanted) continue;
      ids.push(String(k));
      claims += n;
      if (claims >= wanted) break;
    }
    db.close();
    return { ids, claims };
  }, WANTED);
}

const firstVerdict = (page: Page) =>
  page.evaluate(() => document.querySelector('.claims-body .verdict-badge')?.textContent ?? null);

async function traceOne(
  page: Page,
  cdp: CDPSession | null,
  label: string,
  click: () => Promise<number>,
  toastText: RegExp,
  verdict: string,
) {
  await page.evaluate(() => {
    (window as unknown as { __idb: IdbEntry[] }).__idb.length = 0;
  });
  if (cdp) await cdp.send('Profiler.start');
  const t0 = await click();
  const toastAt = page
    .waitForFunction(
      (re) => new RegExp(re).test(document.querySelector('.toaster')?.textContent ?? ''),
      toastText.source,
      { timeout: 60_000, polling: 'raf' },
    )
    .then(() => page.evaluate(() => performance.now()));
  const rowsAt = page
    .waitForFunction(
      (v) => document.querySelector('.claims-body .verdict-badge')?.textContent === v,
      verdict,
      { timeout: 60_000, polling: 'raf' },
    )
    .then(() => page.evaluate(() => performance.now()));
  const [toast, rows] = await Promise.all([toastAt, rowsAt]);
  // what the app reads after the screen shows it (the undo state, the search refresh) comes in too
  await page.waitForTimeout(1_500);
  const profile = cdp ? ((await cdp.send('Profiler.stop')).profile as CpuProfile) : null;
  const log = await page.evaluate(() => (window as unknown as { __idb: IdbEntry[] }).__idb.slice());
  const lastWrite = Math.max(
    ...log.filter((e) => ['put', 'add', 'delete'].includes(e.op)).map((e) => e.answered ?? 0),
  );
  const f = (n: number | null) => (n === null ? '     -' : (n - t0).toFixed(0).padStart(6));
  console.log(
    `== ${label}: last write answered ${f(lastWrite)}, toast ${f(toast)}, first row shows it ${f(rows)} ms after the click`,
  );
  const groups: { e: IdbEntry; n: number; lastAsked: number; last: number | null; rows: number }[] = [];
  for (const e of log) {
    const g = groups.at(-1);
    if (g && g.e.op === e.op && g.e.where === e.where) {
      g.n++;
      g.lastAsked = e.asked;
      g.last = e.answered === null || g.last === null ? null : Math.max(g.last, e.answered);
      g.rows += e.rows ?? 0;
    } else groups.push({ e, n: 1, lastAsked: e.asked, last: e.answered, rows: e.rows ?? 0 });
  }
  for (const g of groups)
    console.log(
      `  ${f(g.e.asked)}–${f(g.lastAsked).trim().padStart(5)} → ${f(g.last)}  ${g.e.op} ${g.e.where}${g.n > 1 ? ` ×${g.n}` : ''}${g.rows ? ` (${g.rows} rows)` : ''}`,
    );
  const long = await page.evaluate(
    ([a, b]) =>
      (window as unknown as { __long: [number, number][] }).__long.filter(([s, d]) => s + d >= a! && s <= b!),
    [t0, rows + 1_500],
  );
  if (long.length)
    console.log(
      `  long tasks (start after the click + duration): ${long.map(([s, d]) => `${(s - t0).toFixed(0)}+${d.toFixed(0)}`).join(', ')}`,
    );
  if (profile && CPU_OUT) {
    mkdirSync(CPU_OUT, { recursive: true });
    const marks = {
      lastWrite: lastWrite - t0,
      toast: toast - t0,
      rows: rows - t0,
      log: log.map((e) => ({
        ...e,
        asked: e.asked - t0,
        answered: e.answered === null ? null : e.answered - t0,
      })),
    };
    writeFileSync(join(CPU_OUT, `${++written}.cpuprofile`), JSON.stringify({ ...profile, label, marks }));
  }
  if (profile)
    console.log(`  CPU, the click to 1.5 s after the rows, most self time:\n${cpuSummary(profile, 30)}`);
}

const { server, context, page, cdp } = await tracedPage(CPU);
try {
  await page.goto(`${baseUrl()}/claims`);
  await page.waitForSelector('.claims-body [role="row"]', { timeout: 120_000 });
  const { ids, claims } = await articlesOfAbout(page);
  console.log(`${ids.length} articles, ${claims} claims`);
  const query = ids.map((id) => `article=${encodeURIComponent(id)}`).join('&');
  for (let r = 0; r < RUNS; r++) {
    await page.goto(`${baseUrl()}/claims?${query}`);
    await page.waitForSelector('.claims-body [role="row"]', { timeout: 120_000 });
    await page.getByRole('checkbox', { name: /^Select all/ }).click();
    await page.waitForFunction(
      (n) =>
        (document.querySelector('.claims-count')?.textContent ?? '').includes(
          `${n.toLocaleString('en')} selected`,
        ),
      claims,
      { timeout: 60_000 },
    );
    const before = await firstVerdict(page);
    const target = before === 'In progress' ? 'Unchecked' : 'In progress';
    const option = await page.locator('#bulk-verdict option', { hasText: target }).getAttribute('value');
    await page.locator('#bulk-verdict').selectOption(option!);
    await page.waitForTimeout(2_000); // the screen settled (menus read, quiet moment)
    await traceOne(
      page,
      cdp,
      `run ${r + 1}: bulk verdict “${target}” on ${claims}`,
      () =>
        page.evaluate(() => {
          const t = performance.now();
          document.querySelector<HTMLButtonElement>('button[aria-label="Set verdict"]')!.click();
          return t;
        }),
      /Set [\d,]+ claims to/,
      target,
    );
    await page.waitForTimeout(1_000);
    await traceOne(
      page,
      cdp,
      `run ${r + 1}: its undo`,
      () =>
        page.evaluate(() => {
          const t = performance.now();
          // the toast lives 8 s: under load it can be gone by now, and the footer's Undo does the same
          const undo =
            [...document.querySelectorAll<HTMLButtonElement>('.toaster button')].find(
              (b) => b.textContent === 'Undo',
            ) ?? document.querySelector<HTMLButtonElement>('.undo-controls button');
          if (!undo) throw new Error('no Undo button: neither the toast nor the footer shows one');
          undo.click();
          return t;
        }),
      /Undid|Undone/,
      before ?? 'Unchecked',
    );
  }
} finally {
  await context.close();
  await server.close();
}
