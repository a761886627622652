import { bodyRows, claimCount, confirmWithoutSource, grid, kelseyArticleId } from './claims-table-fixtures';
import { expect, test } from './fixtures';
import { KELSEY_PROFILE } from './seeded-profile';

test.use({ seedProfile: KELSEY_PROFILE });

test('j/k move the row focus, x and Space select, Esc clears, a digit sets a verdict, Enter opens', async ({
  page,
}) => {
  const articleId = kelseyArticleId();
  await page.goto(`/claims?article=${encodeURIComponent(articleId)}`);
  await expect(claimCount(page)).toHaveText('60 claims');
  const row = (n: number) => grid(page).locator(`[aria-rowindex="${n + 1}"]`);
  const body = page.locator('body');
  // the count and the rows are two reads: j moves among rows, so wait for them
  await expect(bodyRows(page).first()).toBeVisible();

  await body.press('j');
  await expect(row(1)).toBeFocused();
  await page.keyboard.press('j');
  await expect(row(2)).toBeFocused();
  await page.keyboard.press('x');
  await expect(row(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await page.keyboard.press('Space');
  await expect(claimCount(page)).toHaveText('60 claims · 2 selected');
  await page.keyboard.press('Escape');
  await expect(claimCount(page)).toHaveText('60 claims');

  // A digit with nothing selected rates the focused claim; a rating with no source is flagged.
  await page.keyboard.press('k');
  await expect(row(2)).toBeFocused();
  await page.keyboard.press('3');
  // It asks first (Cancel has the focus, and keys do not reach the table meanwhile).
  const ask = page.getByRole('dialog', { name: 'Set “True” without a source?' });
  await expect(ask).toContainText('This claim has no source.');
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(row(2).locator('.verdict-badge')).toHaveText('Unchecked');
  await page.keyboard.press('3');
  await confirmWithoutSource(page, 'True');
  await expect(row(2).locator('.verdict-badge')).toHaveText('True');
  await expect(row(2).locator('.flag-badge')).toHaveText('No source');

  // Far down the list: the virtualiser brings the row in and it takes the focus.
  for (let i = 0; i < 30; i++) await page.keyboard.press('j');
  await expect(row(32)).toBeFocused();

  // ? lists the table's keys in the shared help.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('region', { name: 'Claims' })).toContainText(
    'Select or unselect the focused claim',
  );
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await row(32).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}/claims/`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kelsey');
});
