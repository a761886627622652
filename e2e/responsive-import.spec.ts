import { expect, importStatus, MILLBROOK, openLibrary, test } from './fixtures';

test('the page keeps responding while a long article is processed', async ({ page }) => {
  await openLibrary(page);
  // ~600 KB: the Millbrook story many times over, each copy numbered so it is one long text.
  const long = Array.from({ length: 500 }, (_, i) => `Part ${i + 1}.\n\n${MILLBROOK.text}`).join('\n\n');
  expect(long.length).toBeGreaterThan(500_000);
  await page.getByLabel('Article text (or HTML)').evaluate((el, text) => {
    (el as HTMLTextAreaElement).value = text;
  }, long);
  // Measure the longest stall of the main thread from here until the import has finished.
  await page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __stop: boolean };
    w.__maxGap = 0;
    w.__stop = false;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      w.__maxGap = Math.max(w.__maxGap, now - last);
      last = now;
      if (!w.__stop) setTimeout(tick, 10);
    };
    setTimeout(tick, 10);
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Importing…' })).toBeDisabled();
  await page.getByLabel('Filter articles').pressSequentially('council');
  await expect(page.getByLabel('Filter articles')).toHaveValue('council');
  await expect(importStatus(page)).toContainText('Imported', { timeout: 25_000 });
  const maxGap = await page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __stop: boolean };
    w.__stop = true;
    return w.__maxGap;
  });
  expect(maxGap).toBeLessThan(1_000);
});
