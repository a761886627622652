import type { Locator } from '@playwright/test';
import { claimCount, grid } from './claims-table-fixtures';
import { expect, test } from './fixtures';
import { KELSEY_PROFILE } from './seeded-profile';

test.use({ viewport: { width: 390, height: 844 }, seedProfile: KELSEY_PROFILE });

test('at phone width the bulk bar appears only once a claim is selected, over the rows', async ({ page }) => {
  await page.goto('/claims');
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await expect(grid(page).locator('[aria-rowindex="2"]')).toBeVisible();
  await expect(bar).toBeHidden();
  const firstRow = grid(page).locator('[aria-rowindex="2"]');
  // The count and the filters' options are reads of their own; the rows may paint before them, so the
  // row's place is taken once the screen above it has settled (CI measured it 3 px off once).
  await expect(claimCount(page)).toHaveText(/^[\d,]+ claims$/);
  const before = await settledTop(firstRow);
  await firstRow.getByRole('checkbox').click();
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('1 claim selected');
  expect(await settledTop(firstRow)).toBe(before);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

/** The element's top once two reads a few frames apart agree. */
async function settledTop(locator: Locator): Promise<number | undefined> {
  let last: number | undefined;
  await expect
    .poll(async () => {
      const top = (await locator.boundingBox())?.y;
      const same = top === last;
      last = top;
      return same;
    })
    .toBe(true);
  return last;
}
