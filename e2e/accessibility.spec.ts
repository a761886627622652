import { expect, openLibrary, REFERENCE_TITLE, seriousViolations, test } from './fixtures';

test('the Library screen has no serious or critical accessibility violations', async ({ page }) => {
  await openLibrary(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Article screen has no serious or critical accessibility violations', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('link', { name: REFERENCE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
  const marks = page.locator('.claim-mark');
  if (await marks.count()) await marks.first().click(); // audit the selected state too
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Article screen is readable at phone width, with the claim list under the text', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLibrary(page);
  await page.getByRole('link', { name: REFERENCE_TITLE }).click();
  const text = await page.getByRole('region', { name: 'Article text' }).boundingBox();
  const list = await page.getByRole('complementary', { name: 'Claims' }).boundingBox();
  expect(text && list && list.y >= text.y + text.height).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page)).toEqual([]);
});
