import { expect, importStatus, MILLBROOK, openLibrary, test } from './fixtures';

test('the page keeps responding while a long article is processed', async ({ page }) => {
  // Saving its 4,000 claims took 10-20 s at a load of 20-28 (main and the virtualised Library alike),
  // on top of the extraction: the default 60 s ran out there. Bounded, not expected.
  test.setTimeout(150_000);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url())); // the first-run import already starts it
  await openLibrary(page);
  // ~600 KB: the Millbrook story many times over, each copy numbered so it is one long text.
  const long = Array.from({ length: 500 }, (_, i) => `Part ${i + 1}.\n\n${MILLBROOK.text}`).join('\n\n');
  expect(long.length).toBeGreaterThan(500_000);
  await page.getByLabel('Article text (or HTML)').evaluate((el, text) => {
    (el as HTMLTextAreaElement).value = text;
  }, long);
  // Count how often the main thread gets to run a 10 ms timer while the claims are being found.
  await page.evaluate(() => {
    const w = window as unknown as { __ticks: number; __stop: boolean };
    w.__ticks = 0;
    w.__stop = false;
    const tick = () => {
      if (document.querySelector('.import-busy')?.textContent?.includes('Finding the claims')) w.__ticks++;
      if (!w.__stop) setTimeout(tick, 10);
    };
    setTimeout(tick, 10);
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Importing…' })).toBeDisabled();
  await expect(importStatus(page)).toHaveText('Finding the claims…');
  await page.getByLabel('Filter articles').pressSequentially('council');
  await expect(page.getByLabel('Filter articles')).toHaveValue('council');
  await expect(importStatus(page)).toContainText('Imported', { timeout: 90_000 });
  const ticks = await page.evaluate(() => {
    const w = window as unknown as { __ticks: number; __stop: boolean };
    w.__stop = true;
    return w.__ticks;
  });
  // Extraction ran in the worker, and the page kept running meanwhile (on the main thread it would
  // block every timer until it finished: one tick at most).
  expect(workers.some((url) => url.includes('pipeline.worker'))).toBe(true);
  expect(ticks).toBeGreaterThanOrEqual(5);
  // Its 4,000 claims were saved by the import worker, not on the main thread (2-4 s tasks under
  // load): nothing else on this page starts that worker (the first-run article is seeded in the page).
  expect(workers.some((url) => url.includes('import.worker'))).toBe(true);
  await page.getByLabel('Filter articles').fill('');
  await expect(page.getByRole('heading', { name: 'Articles (2)' })).toBeVisible();
});
