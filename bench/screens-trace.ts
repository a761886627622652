/**
 * A CPU profile of the long article's open, `j` and a verdict edit (CDP Profiler), printed as the
 * functions with the most self time and total time. For finding where the article screen's time goes:
 * `E2E_PORT=4215 npx tsx bench/screens-trace.ts [open|j|verdict]` (after bench:screens seeded the profile).
 * `BENCH_COUNTS=1` first prints exact calls per `j` / per verdict edit of each component and of the walks
 * over all claims (precise coverage), and the IndexedDB requests per verdict edit.
 * `idb` prints, for three opens after navigation, every IndexedDB request the page made: when it was
 * asked and answered (ms after the navigation), its store / index, and how many rows it returned, and
 * when the route's fallback, the screen's loading line and the screen first showed (`BENCH_SETTLE_MS`,
 * default 500, is the wait on the Library before each open).
 * `timeline` traces runs as `bench:screens` times them (open after navigation, four `j`, a verdict
 * edit) and prints the page's main-thread tasks from the push to the frame that shows the article,
 * and from the verdict's change event to the frame that shows it, with the JavaScript sampled in
 * each window (`BENCH_TRACE_DIR` keeps the traces); and each `j`, from its key event (the tasks from
 * `BENCH_BEFORE_KEY_MS`, default 40, before it: what the key waited behind) to the frame that shows it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { IDB_LOG, type IdbEntry } from './lib/idb-log';
import { baseUrl, ensureSeededProfile, launchProfile, servePreview } from './lib/profile';
import { timeline, traced } from './lib/trace-timeline';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

function summarise(p: CpuProfile, top = 25) {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: Node) => {
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    return `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    selfBy.set(name(n), (selfBy.get(name(n)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + ms);
    }
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  const components = new Map(
    [...totalBy].filter(([k]) => /^[A-Z][A-Za-z]+ /.test(k) && !k.startsWith('Virtualizer')),
  );
  return `sampled ${total.toFixed(0)} ms\nself:\n${fmt(selfBy)}\ntotal:\n${fmt(totalBy)}\ncomponents (total):\n${fmt(components)}`;
}

type Metrics = Record<string, number>;
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}
const WANTED = [
  'TaskDuration',
  'ScriptDuration',
  'LayoutDuration',
  'RecalcStyleDuration',
  'LayoutCount',
  'RecalcStyleCount',
  'Nodes',
];
const diff = (a: Metrics, b: Metrics) =>
  WANTED.map(
    (k) =>
      `${k} ${k.endsWith('Duration') ? `${((b[k]! - a[k]!) * 1000).toFixed(0)} ms` : k === 'Nodes' ? b[k] : b[k]! - a[k]!}`,
  ).join(' · ');

type Coverage = {
  result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
};

/**
 * Exact calls per named function of the app's scripts during `run` (V8 precise coverage; counts do not
 * depend on the machine's load): how many times each component rendered, for `BENCH_COUNTS=1`.
 */
/** Besides components, the article screen's walks over all of an article's claims or its text. */
const DERIVATIONS = new Set([
  'quotationsOf',
  'groupClaimsBySpeaker',
  'claimNumbers',
  'highlightRuns',
  'textBlocks',
  'shapeOf',
  'showVerdict',
  'articleClaimsInPages',
  // A verdict edit's path: the list's optimistic update, the bridge's in-place read, the views' patches,
  // the long list's rows (built in `keep` on main before article19, in `rowsOf` since).
  'showVerdictNow',
  'putInPlace',
  'replacedInPlace',
  'keep',
  'rowsOf',
]);

async function counted(cdp: CDPSession, run: () => Promise<unknown>, per: number) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  await cdp.send('Profiler.takePreciseCoverage');
  await run();
  const { result } = (await cdp.send('Profiler.takePreciseCoverage')) as Coverage;
  await cdp.send('Profiler.stopPreciseCoverage');
  const calls = new Map<string, number>();
  for (const script of result) {
    if (!script.url.includes('/assets/')) continue;
    for (const f of script.functions) {
      const n = f.ranges[0]?.count ?? 0;
      if (n > 0 && (/^[A-Z][A-Za-z0-9]+$/.test(f.functionName) || DERIVATIONS.has(f.functionName))) {
        calls.set(f.functionName, (calls.get(f.functionName) ?? 0) + n);
      }
    }
  }
  return [...calls]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 60)
    .map(([k, v]) => `  ${(v / per).toFixed(1).padStart(8)}  ${k}`)
    .join('\n');
}

async function profiled<T>(cdp: CDPSession, run: () => Promise<T>): Promise<[T, CpuProfile]> {
  await cdp.send('Performance.enable');
  const before = await metrics(cdp);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  console.log(`metrics: ${diff(before, await metrics(cdp))}`);
  return [result, profile];
}

/** When each stage of the screen first shows: the route's fallback, the screen's own loading line, the screen. */
const STAGE_MARKS = `
(() => {
  const marks = [];
  window.__marks = marks;
  const stages = { 'route fallback': '.route-loading', 'screen loading': '.loading', 'article screen': '.article-screen' };
  new MutationObserver(() => {
    for (const [stage, selector] of Object.entries(stages))
      if (!marks.some((m) => m.stage === stage) && document.querySelector(selector))
        marks.push({ stage, at: performance.now() });
  }).observe(document, { subtree: true, childList: true });
})();
`;

const what = process.argv[2] ?? 'all';
/** A `j`'s window in `timeline` starts this long before its key event: a task that held the key back shows. */
const BEFORE_KEY_US = Number(process.env.BENCH_BEFORE_KEY_MS ?? 40) * 1000;
const profile = await ensureSeededProfile();
const server = await servePreview();
const context = await launchProfile();
if (process.env.BENCH_COUNTS === '1') await context.addInitScript(IDB_LOG);
if (what === 'idb') {
  if (process.env.BENCH_COUNTS !== '1') await context.addInitScript(IDB_LOG);
  await context.addInitScript(STAGE_MARKS);
}
const page = context.pages()[0] ?? (await context.newPage());
const cdp = await context.newCDPSession(page);
const longArticle = `/articles/${encodeURIComponent(profile.longArticleId)}`;
/** Presses `j` and waits until another claim is selected. */
async function pressJ() {
  const before = await page.evaluate(() =>
    document.querySelector('.claim-list .claim-item[data-selected]')?.getAttribute('data-claim-id'),
  );
  await page.keyboard.press('j');
  await page.waitForFunction(
    (b) =>
      document.querySelector('.claim-list .claim-item[data-selected]')?.getAttribute('data-claim-id') !== b,
    before,
    { polling: 'raf' },
  );
}
const open = () =>
  page.waitForFunction(
    () =>
      document.querySelector('.claim-list .claim-item') !== null &&
      document.querySelector('.article-text .claim-mark') !== null,
    null,
    { timeout: 120_000, polling: 'raf' },
  );
try {
  await page.goto(`${baseUrl()}/`);
  await page.waitForSelector('.article-list .article-link', { timeout: 120_000 });
  await page.goto(`${baseUrl()}${longArticle}`);
  await open();
  await page.goto(`${baseUrl()}/`);
  await page.waitForSelector('.article-list .article-link', { timeout: 120_000 });
  if (what === 'idb') {
    for (let i = 0; i < Number(process.env.BENCH_RUNS ?? 3); i++) {
      await page.goto(`${baseUrl()}/`);
      await page.waitForSelector('.article-list .article-link', { timeout: 120_000 });
      await page.waitForTimeout(Number(process.env.BENCH_SETTLE_MS ?? 500));
      const t0 = await page.evaluate((u) => {
        (window as unknown as { __idb: IdbEntry[] }).__idb.length = 0;
        (window as unknown as { __marks: unknown[] }).__marks.length = 0;
        const t = performance.now();
        history.pushState(null, '', u);
        dispatchEvent(new PopStateEvent('popstate'));
        return t;
      }, longArticle);
      await open();
      const t1 = await page.evaluate(() => performance.now());
      await page.waitForTimeout(3000);
      const log = await page.evaluate(() => (window as unknown as { __idb: IdbEntry[] }).__idb);
      const f = (n: number | null) => (n === null ? '   -  ' : (n - t0).toFixed(0).padStart(6));
      console.log(
        `== open ${i + 1}: ${(t1 - t0).toFixed(0)} ms; requests (asked, answered, ms after the push):`,
      );
      // A run of the same request (a get per key) is one line: its count, first asked, last answered.
      const runs: { e: IdbEntry; n: number; last: number | null }[] = [];
      for (const e of log) {
        const prev = runs.at(-1);
        if (prev && prev.e.op === e.op && prev.e.where === e.where && e.rows === null) {
          prev.n++;
          prev.last = e.answered === null || prev.last === null ? null : Math.max(prev.last, e.answered);
        } else runs.push({ e, n: 1, last: e.answered });
      }
      for (const { e, n, last } of runs) {
        console.log(`  ${f(e.asked)} ${f(last)}  ${e.op} ${e.where}${n > 1 ? ` ×${n}` : ''} ${e.rows ?? ''}`);
      }
      const marks = await page.evaluate(
        () => (window as unknown as { __marks: { stage: string; at: number }[] }).__marks,
      );
      console.log(`  shown: ${marks.map((m) => `${m.stage} ${f(m.at)}`).join(' · ') || 'nothing tracked'}`);
    }
  }
  if (what === 'timeline') {
    // As bench/screens.ts times them: the open after navigation, four `j`, one verdict edit; each run traced.
    // Strings, not functions: tsx names a function's inner arrows with a helper the page does not have.
    // Marks `<mark>:shown` once `test` holds, and `<mark>:frame` in the frame after it; calls `resolve`.
    const markWhen = (test: string, mark: string) => `
        const check = () => {
          if (!(${test})) return;
          observer.disconnect();
          performance.mark('${mark}:shown');
          requestAnimationFrame(() => {
            performance.mark('${mark}:frame');
            resolve();
          });
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { subtree: true, childList: true, attributes: true });`;
    const shown = (test: string, mark: string, then = '') =>
      page.evaluate(`new Promise((resolve) => {
        ${markWhen(test, mark)}
        ${then}
        check();
      })`);
    const OPEN = `document.querySelector('.claim-list .claim-item') !== null && document.querySelector('.article-text .claim-mark') !== null`;
    for (let i = 0; i < Number(process.env.BENCH_RUNS ?? 3); i++) {
      await page.goto(`${baseUrl()}/`);
      await page.waitForSelector('.article-list .article-link', { timeout: 120_000 });
      const events = await traced(cdp, async () => {
        await shown(
          OPEN,
          'open',
          `performance.mark('open:push');
          history.pushState(null, '', ${JSON.stringify(longArticle)});
          dispatchEvent(new PopStateEvent('popstate'));`,
        );
        // `BENCH_J_AFTER_MS`: the `j`s that long after the open (default 0, as bench/screens.ts presses them).
        await page.waitForTimeout(Number(process.env.BENCH_J_AFTER_MS ?? 0));
        for (let k = 1; k <= 4; k++) {
          // As bench/screens.ts times a `j`: from the key event's time stamp to the frame after the move.
          await page.evaluate(`(() => {
            const sel = () => document.querySelector('.claim-list .claim-item[data-selected]')?.getAttribute('data-claim-id') ?? null;
            const before = sel();
            window.__moved = new Promise((resolve) => {
              window.addEventListener('keydown', (e) => {
                performance.mark('j${k}:key', { startTime: e.timeStamp });
                ${markWhen('sel() !== before', `j${k}`)}
                check();
              }, { capture: true, once: true });
            });
          })()`);
          await page.keyboard.press('j');
          await page.evaluate('window.__moved');
        }
        const select = page.locator('.claim-list .claim-item[data-selected] select.verdict-select');
        const next = (await select.inputValue()) === 'in progress' ? 'unchecked' : 'in progress';
        await page.evaluate(() =>
          document.addEventListener('change', () => performance.mark('edit:change'), {
            capture: true,
            once: true,
          }),
        );
        const edited = shown(
          `document.querySelector('.claim-list .claim-item[data-selected] select.verdict-select')?.classList.contains('verdict-${next.replace(' ', '-')}') ?? false`,
          'edit',
        );
        await select.selectOption(next);
        await edited;
        await page.waitForTimeout(1500);
      });
      // BENCH_TRACE_DIR keeps each run's trace (Chrome's trace format: chrome://tracing, Perfetto)
      const dir = process.env.BENCH_TRACE_DIR;
      if (dir) writeFileSync(join(dir, `article-${i + 1}.json`), JSON.stringify({ traceEvents: events }));
      console.log(`== run ${i + 1}\n${timeline(events, 'open:push', 'open:frame')}`);
      for (let k = 1; k <= 4; k++) console.log(timeline(events, `j${k}:key`, `j${k}:frame`, BEFORE_KEY_US));
      console.log(timeline(events, 'edit:change', 'edit:frame'));
    }
  } else if (what === 'all' || what === 'open') {
    const [ms, p] = await profiled(cdp, async () => {
      const t0 = Date.now();
      await page.evaluate((u) => {
        history.pushState(null, '', u);
        dispatchEvent(new PopStateEvent('popstate'));
      }, longArticle);
      await open();
      return Date.now() - t0;
    });
    console.log(`== open after navigation: ${ms} ms\n${summarise(p)}`);
  } else {
    await page.goto(`${baseUrl()}${longArticle}`);
    await open();
  }
  if (what === 'all' || what === 'j') {
    await page.keyboard.press('j');
    await page.waitForSelector('.claim-list .claim-item[data-selected]');
    // Eight `j` presses, each waited for until the selection has moved (`pauseMs` after each).
    const presses = async (pauseMs = 0) => {
      for (let i = 0; i < 8; i++) {
        await pressJ();
        if (pauseMs) await page.waitForTimeout(pauseMs);
      }
    };
    if (process.env.BENCH_COUNTS === '1') {
      // Every claim read first (the rest arrive in pages after the open), then calls per `j`.
      await page.waitForSelector('.claim-list:not([aria-busy])', { timeout: 120_000 });
      console.log(`== calls per j (8 presses, 400 ms apart):\n${await counted(cdp, () => presses(400), 8)}`);
    }
    const [ms, p] = await profiled(cdp, async () => {
      const t0 = Date.now();
      await presses();
      return Date.now() - t0;
    });
    console.log(`== 8 × j: ${ms} ms\n${summarise(p)}`);
  }
  if (what === 'all' || what === 'verdict') {
    const select = page.locator('.claim-list .claim-item[data-selected] select.verdict-select');
    if (what === 'verdict') {
      await page.keyboard.press('j');
      await page.waitForSelector('.claim-list .claim-item[data-selected]');
    }
    if (process.env.BENCH_COUNTS === '1') {
      await page.waitForSelector('.claim-list:not([aria-busy])', { timeout: 120_000 });
      const edits = async () => {
        for (let i = 0; i < 4; i++) {
          const next = (await select.inputValue()) === 'in progress' ? 'unchecked' : 'in progress';
          await select.selectOption(next);
          await page.waitForFunction(
            (cls) =>
              document
                .querySelector('.claim-list .claim-item[data-selected] select.verdict-select')
                ?.classList.contains(cls) ?? false,
            `verdict-${next.replace(' ', '-')}`,
            { polling: 'raf' },
          );
          await page.waitForTimeout(1000);
        }
      };
      await page.evaluate(() => {
        (window as unknown as { __idb: IdbEntry[] }).__idb.length = 0;
      });
      console.log(`== calls per verdict edit (4 edits, 1 s apart):\n${await counted(cdp, edits, 4)}`);
      // What the edits asked IndexedDB for, per edit: the write and every read after it.
      const log = await page.evaluate(() => (window as unknown as { __idb: IdbEntry[] }).__idb);
      const asks = new Map<string, { n: number; rows: number }>();
      for (const e of log) {
        const k = `${e.op} ${e.where}`;
        const a = asks.get(k) ?? { n: 0, rows: 0 };
        asks.set(k, { n: a.n + 1, rows: a.rows + (e.rows ?? 0) });
      }
      console.log(
        `== IndexedDB requests per verdict edit (rows returned by batch reads):\n${[...asks]
          .sort((a, b) => b[1].n - a[1].n)
          .map(
            ([k, a]) => `  ${(a.n / 4).toFixed(1).padStart(8)}  ${k}${a.rows ? ` (${a.rows / 4} rows)` : ''}`,
          )
          .join('\n')}`,
      );
    }
    const [ms, p] = await profiled(cdp, async () => {
      const t0 = Date.now();
      for (let i = 0; i < 4; i++) {
        const next = (await select.inputValue()) === 'in progress' ? 'unchecked' : 'in progress';
        await select.selectOption(next);
        await page.waitForFunction(
          (cls) =>
            document
              .querySelector('.claim-list .claim-item[data-selected] select.verdict-select')
              ?.classList.contains(cls) ?? false,
          `verdict-${next.replace(' ', '-')}`,
          { polling: 'raf' },
        );
        await page.waitForTimeout(300);
      }
      return Date.now() - t0;
    });
    console.log(`== 4 × verdict edit (+300 ms wait each): ${ms} ms\n${summarise(p)}`);
  }
} finally {
  await context.close();
  await server.close();
}
