import { grid } from './claims-table-fixtures';
import { expect, test } from './fixtures';
import { KELSEY_PROFILE } from './seeded-profile';

test.use({ viewport: { width: 390, height: 844 }, storageState: KELSEY_PROFILE });

test('at phone width the bulk bar appears only once a claim is selected, over the rows', async ({ page }) => {
  await page.goto('/claims');
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(grid(page).locator('[aria-rowindex="2"]')).toBeVisible();
  await expect(bar).toBeHidden();
  const firstRow = grid(page).locator('[aria-rowindex="2"]');
  const before = await firstRow.boundingBox();
  await firstRow.getByRole('checkbox').click();
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('1 claim selected');
  expect((await firstRow.boundingBox())?.y).toBe(before?.y);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
