/**
 * Whether the long article's virtual claim list lays rows over each other (Lighthouse's `target-size`
 * failure on the article): prints overlapping neighbour rows after the open, and each row's height
 * and offset. `E2E_PORT=4246 BENCH_CLAIMS=20000 BENCH_ARTICLES=200 npx tsx bench/screens-overlap.ts`
 */
import { baseUrl, ensureSeededProfile, launchProfile, servePreview } from './lib/profile';

const profile = await ensureSeededProfile();
const server = await servePreview();
const ctx = await launchProfile();
try {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(`${baseUrl()}/articles/${encodeURIComponent(profile.longArticleId)}`);
  await page.waitForSelector('.claim-list:not([aria-busy])', { timeout: 120_000 });
  for (const wait of [0, 500, 3000]) {
    await page.waitForTimeout(wait);
    const r = await page.evaluate(() => {
      const lis = [...document.querySelectorAll('.claim-list ul > li')]
        .map((li) => {
          const b = li.getBoundingClientRect();
          return { i: Number((li as HTMLElement).dataset.index), top: b.top, bottom: b.bottom };
        })
        .sort((a, b) => a.i - b.i);
      const over = [];
      for (let k = 1; k < lis.length; k++)
        if (lis[k]!.i === lis[k - 1]!.i + 1 && lis[k]!.top < lis[k - 1]!.bottom - 0.5)
          over.push([lis[k - 1], lis[k]]);
      return { rows: lis.length, overlaps: over.length, first: over.slice(0, 2) };
    });
    console.log(`after +${wait} ms:`, JSON.stringify(r));
  }
  console.log(
    await page.evaluate(() =>
      JSON.stringify({
        maxH: getComputedStyle(document.querySelector('.claim-list')!).maxHeight,
        rows: [...document.querySelectorAll('.claim-list ul > li')].slice(0, 9).map((li) => {
          const e = li as HTMLElement;
          return [
            e.dataset.index,
            e.className,
            e.offsetHeight,
            e.style.transform,
            e.firstElementChild?.className,
            (e.firstElementChild as HTMLElement)?.offsetHeight,
          ];
        }),
      }),
    ),
  );
  await page.evaluate(() => window.scrollTo(0, 1000));
  await page.waitForTimeout(1500);
  console.log(
    'scrolled',
    await page.evaluate(() => {
      const lis = [...document.querySelectorAll('.claim-list ul > li')]
        .map((li) => {
          const b = li.getBoundingClientRect();
          return { i: Number((li as HTMLElement).dataset.index), top: b.top, bottom: b.bottom };
        })
        .sort((a, b) => a.i - b.i);
      let n = 0;
      for (let k = 1; k < lis.length; k++)
        if (lis[k]!.i === lis[k - 1]!.i + 1 && lis[k]!.top < lis[k - 1]!.bottom - 0.5) n++;
      return n;
    }),
  );
} finally {
  await ctx.close();
  await server.close();
}
