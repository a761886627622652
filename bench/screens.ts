/**
 * npm run bench:screens — times the screens a person waits on, in Debian's headless Chromium on a
 * persistent on-disk profile seeded with 100,000 claims over 1,000 articles and one 300 KB article
 * (bench/lib/profile.ts), against the production build served by `vite preview`.
 *
 * Every figure is measured inside the page: from the click, key press or change event (or the
 * navigation start, for cold loads) to the first animation frame after the DOM shows the result.
 * BENCH_RUNS (default 5) sets the runs per metric.
 */
import type { Page } from '@playwright/test';
import { baseUrl, ensureSeededProfile, launchProfile, servePreview } from './lib/profile';
import { type Metric, metric, writeResults } from './lib/results';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** `BENCH_SCREENS=article` times only the long article (open, `j`, verdict edit), for quick before/after runs. */
const ONLY_ARTICLE = process.env.BENCH_SCREENS === 'article';
const TIMEOUT = 120_000;
/**
 * `BENCH_SETTLE_MS` waits that long on the Library before the long article is opened after
 * navigation (default 0: opened as soon as the Library's rows show, as a quick click does). The
 * app's start-up work (the search worker loading its saved index from IndexedDB, the idle prefetch
 * of the screens' chunks) runs in those first seconds; a wait shows the open without it.
 */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 0);

/** Installed in every page: waits for a named state of the screen, then for the next frame. */
const PROBE = `
window.__bench = {
  states: {
    libraryRows: () => document.querySelector('.article-list .article-row .article-link') !== null,
    claimsRows: () =>
      document.querySelector('.claims-body [role="row"]') !== null &&
      document.querySelector('.claims-body .loading-row') === null,
    articleOpen: () =>
      document.querySelector('.claim-list .claim-item') !== null &&
      document.querySelector('.article-text .claim-mark') !== null,
  },
  when(test, timeout) {
    return new Promise((resolve, reject) => {
      let done = false;
      const observer = new MutationObserver(() => check());
      const timer = setTimeout(() => {
        observer.disconnect();
        if (!done) reject(new Error('timed out waiting for the screen'));
      }, timeout);
      function check() {
        if (done || !test()) return;
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now()));
      }
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
    });
  },
};
`;

type Probe = {
  states: Record<string, () => boolean>;
  when: (test: () => boolean, timeout: number) => Promise<number>;
};

/** Milliseconds from the navigation start of the page to the named state. */
const sinceNavigation = (page: Page, state: string) =>
  page.evaluate(
    ([s, t]) => {
      const b = (window as unknown as { __bench: Probe }).__bench;
      return b.when(b.states[s as string]!, t as number);
    },
    [state, TIMEOUT] as const,
  );

/** Milliseconds from clicking the element to the named state. */
const afterClick = (page: Page, selector: string, state: string) =>
  page.evaluate(
    ([sel, s, t]) => {
      const b = (window as unknown as { __bench: Probe }).__bench;
      const target = document.querySelector<HTMLElement>(sel as string);
      if (!target) throw new Error(`no ${sel}`);
      const t0 = performance.now();
      target.click();
      return b.when(b.states[s as string]!, t as number).then((t1) => t1 - t0);
    },
    [selector, state, TIMEOUT] as const,
  );

/** Milliseconds from an in-app navigation (as a link does) to the named state. */
const afterPush = (page: Page, url: string, state: string) =>
  page.evaluate(
    ([u, s, t]) => {
      const b = (window as unknown as { __bench: Probe }).__bench;
      const t0 = performance.now();
      history.pushState(null, '', u as string);
      dispatchEvent(new PopStateEvent('popstate'));
      return b.when(b.states[s as string]!, t as number).then((t1) => t1 - t0);
    },
    [url, state, TIMEOUT] as const,
  );

async function goto(page: Page, path: string, state: string) {
  await page.goto(`${baseUrl()}${path}`);
  return sinceNavigation(page, state);
}

const selectedId = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('.claim-list .claim-item[data-selected]')?.getAttribute('data-claim-id') ?? null,
  );

/** Presses j and times from the key event to the frame after another claim is selected. */
async function pressJ(page: Page): Promise<number> {
  const before = await selectedId(page);
  await page.evaluate(
    ([prev, t]) => {
      const w = window as unknown as { __bench: Probe; __j?: Promise<number> };
      w.__j = new Promise<number>((resolve, reject) => {
        window.addEventListener(
          'keydown',
          (e) => {
            const t0 = e.timeStamp;
            w.__bench
              .when(() => {
                const now = document.querySelector('.claim-list .claim-item[data-selected]');
                return now !== null && now.getAttribute('data-claim-id') !== prev;
              }, t as number)
              .then((t1) => resolve(t1 - t0), reject);
          },
          { capture: true, once: true },
        );
      });
    },
    [before, TIMEOUT] as const,
  );
  await page.keyboard.press('j');
  return page.evaluate(() => (window as unknown as { __j: Promise<number> }).__j);
}

/** Changes the selected claim's verdict in the claim list; times from the change event to the new look. */
async function editVerdict(page: Page): Promise<number> {
  const select = page.locator('.claim-list .claim-item[data-selected] select.verdict-select');
  const current = await select.inputValue();
  const next = current === 'in progress' ? 'unchecked' : 'in progress';
  await page.evaluate(
    ([v, t]) => {
      const w = window as unknown as { __bench: Probe; __verdict?: Promise<number> };
      const cls = `verdict-${(v as string).replace(' ', '-')}`;
      w.__verdict = new Promise<number>((resolve, reject) => {
        document.addEventListener(
          'change',
          (e) => {
            const t0 = e.timeStamp;
            w.__bench
              .when(
                () =>
                  document
                    .querySelector('.claim-list .claim-item[data-selected] select.verdict-select')
                    ?.classList.contains(cls) ?? false,
                t as number,
              )
              .then((t1) => resolve(t1 - t0), reject);
          },
          { capture: true, once: true },
        );
      });
    },
    [next, TIMEOUT] as const,
  );
  await select.selectOption(next);
  return page.evaluate(() => (window as unknown as { __verdict: Promise<number> }).__verdict);
}

const profile = await ensureSeededProfile();
const server = await servePreview();
const context = await launchProfile();
await context.addInitScript(PROBE);
const page = context.pages()[0] ?? (await context.newPage());
page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
const longArticle = `/articles/${encodeURIComponent(profile.longArticleId)}`;
const runs: Record<string, number[]> = {};
const add = (name: string, ms: number) => {
  runs[name] = [...(runs[name] ?? []), ms];
  console.log(`${name}: ${Math.round(ms)} ms`);
};

try {
  // Warm-up: the first visit compiles the scripts and opens the database.
  await goto(page, '/', 'libraryRows');
  await goto(page, longArticle, 'articleOpen');
  for (let i = 0; i < RUNS; i++) {
    if (ONLY_ARTICLE) {
      await goto(page, '/', 'libraryRows');
      if (SETTLE_MS > 0) await page.waitForTimeout(SETTLE_MS);
      add('long article after navigation', await afterPush(page, longArticle, 'articleOpen'));
      for (let k = 0; k < 4; k++) add('j', await pressJ(page));
      add('verdict edit', await editVerdict(page));
      continue;
    }
    add('library cold load', await goto(page, '/', 'libraryRows'));
    add(
      'library after navigation',
      await (async () => {
        await goto(page, '/claims', 'claimsRows');
        return afterClick(page, '.main-nav a[href="/"]', 'libraryRows');
      })(),
    );
    add('claims cold load', await goto(page, '/claims', 'claimsRows'));
    add(
      'claims after navigation',
      await (async () => {
        await goto(page, '/', 'libraryRows');
        return afterClick(page, '.main-nav a[href="/claims"]', 'claimsRows');
      })(),
    );
    add('long article cold load', await goto(page, longArticle, 'articleOpen'));
    await goto(page, '/', 'libraryRows');
    add('long article after navigation', await afterPush(page, longArticle, 'articleOpen'));
    for (let k = 0; k < 4; k++) add('j', await pressJ(page));
    add('verdict edit', await editVerdict(page));
  }
} finally {
  await context.close();
  await server.close();
}

if (ONLY_ARTICLE) {
  for (const [name, list] of Object.entries(runs)) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `${name}: median ${Math.round(sorted[sorted.length >> 1]!)} ms (${list.map(Math.round).join(', ')})`,
    );
  }
  process.exit(0);
}
const n = profile.longArticleClaims.toLocaleString('en-GB');
// The seeded sizes, not the default ones (BENCH_CLAIMS / BENCH_ARTICLES change them).
const articles = profile.articles.toLocaleString('en-GB');
const claims = profile.claims.toLocaleString('en-GB');
const results: Metric[] = [
  metric(
    `Library: first rows after navigation (${articles} articles)`,
    'ms',
    runs['library after navigation']!,
    200,
  ),
  metric('Library: first rows on a cold page load', 'ms', runs['library cold load']!, null),
  metric(
    `Claims screen: first rows after navigation (${claims} claims)`,
    'ms',
    runs['claims after navigation']!,
    300,
  ),
  metric('Claims screen: first rows on a cold page load', 'ms', runs['claims cold load']!, null),
  metric(
    `Article with ${n} claims: open after navigation`,
    'ms',
    runs['long article after navigation']!,
    300,
  ),
  metric(`Article with ${n} claims: open on a cold page load`, 'ms', runs['long article cold load']!, null),
  metric(`Article with ${n} claims: j to the next claim`, 'ms', runs.j!, 30),
  metric('Verdict edit visible on the open article', 'ms', runs['verdict edit']!, 50),
];
writeResults('screens', results);
