import {
  expect,
  importStatus,
  MILLBROOK,
  openLibrary,
  pasteArticle,
  REFERENCE_TITLE,
  test,
  waitForServiceWorker,
} from './fixtures';

// The real service worker: the offline story is about it (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

test('after the first visit the app opens and shows its data with the network off', async ({
  page,
  context,
  baseURL,
}) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(baseURL!).origin) foreign.push(r.url());
  });
  await openLibrary(page);
  await waitForServiceWorker(page);
  await expect(page.getByText('Available offline')).toBeVisible();
  // at 200 % zoom of a 1280 px window (640 px) the header's status goes under the links, not off the page
  await page.setViewportSize({ width: 640, height: 450 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
  await page.setViewportSize({ width: 1280, height: 720 });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toBeVisible();
  await page.getByRole('link', { name: REFERENCE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
  // A deep link works offline too: the service worker answers navigations with the app shell.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Article text' })).toContainText('Writing in his blog');
  await expect(
    page.getByRole('complementary', { name: 'Claims' }).getByRole('heading', { name: /Alan Billings/ }),
  ).toBeVisible();
  // Importing works offline too: the extractor's worker script comes from the cache.
  await page.getByRole('link', { name: '← Library' }).click();
  await pasteArticle(page, MILLBROOK.text);
  await expect(importStatus(page)).toContainText(/^Imported .+: [1-9]\d* claims? found\.$/);
  await context.setOffline(false);
  expect(foreign, 'nothing is fetched from another origin (fonts, CDNs, APIs)').toEqual([]);
});
