import { claimCount, grid, KELSEY, notice, seedKelsey, seriousViolations } from './claims-table-fixtures';
import { expect, test } from './fixtures';

test('bulk-tag 50 claims with a shift-click range, then undo the whole batch once', async ({ page }) => {
  const { articleId } = await seedKelsey(page);
  await page.goto(`/claims?article=${encodeURIComponent(articleId)}`);
  await expect(claimCount(page)).toHaveText(`${KELSEY.claims} claims`);

  // First row, then shift-click the 50th (scrolled into view: the grid renders only what is visible).
  await grid(page).locator('[aria-rowindex="2"]').getByRole('checkbox').click();
  const fiftieth = grid(page).locator('[aria-rowindex="51"]');
  await grid(page).evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await fiftieth.getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(claimCount(page)).toHaveText(`${KELSEY.claims} claims · 50 selected`);

  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await bulk.getByLabel('Tag', { exact: true }).fill('port-plan');
  await bulk.getByRole('button', { name: 'Add tag' }).click();
  await expect(notice(page)).toContainText('Tagged 50 claims “port-plan”.');

  // The tag filter, from the URL, sees exactly those 50.
  await page.goto(`/claims?tag=port-plan`);
  await expect(claimCount(page)).toHaveText('50 claims');

  // Back to the tagging view: one Undo reverses all 50 (Ctrl+Z is covered in the keyboard spec).
  await page.goBack();
  await page.goto(`/claims?article=${encodeURIComponent(articleId)}&tag=port-plan`);
  await expect(claimCount(page)).toHaveText('50 claims');
  await page.getByRole('checkbox', { name: /Select all 50 matching claims/ }).check();
  await page
    .getByRole('region', { name: 'Bulk actions' })
    .getByLabel('Tag', { exact: true })
    .fill('second-pass');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(notice(page)).toContainText('Tagged 50 claims “second-pass”.');
  await notice(page).getByRole('button', { name: 'Undo' }).click();
  await expect(notice(page)).toContainText('Undone');
  await page.goto('/claims?tag=second-pass');
  await expect(page.getByText('No claim matches these filters')).toBeVisible();
  await page.goto('/claims?tag=port-plan');
  await expect(claimCount(page)).toHaveText('50 claims');
  expect(await seriousViolations(page)).toEqual([]);
});
