import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openLibrary, REFERENCE_TITLE, test } from './fixtures';

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
}

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
