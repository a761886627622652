import { bodyRows, claimCount, confirmWithoutSource, grid, kelseyArticleId } from './claims-table-fixtures';
import { expect, test } from './fixtures';
import { KELSEY_PROFILE } from './seeded-profile';

test.use({ seedProfile: KELSEY_PROFILE });

test('a bookmarked URL with a speaker and a verdict opens on only the matching claims', async ({
  page,
  context,
}) => {
  const articleId = kelseyArticleId();
  await page.goto(`/claims?article=${encodeURIComponent(articleId)}`);
  // Answers 1–6 alternate Pike, Tate, Brandt: mark all six False with the keyboard (7 = False).
  await grid(page).locator('[aria-rowindex="2"]').getByRole('checkbox').click();
  await grid(page)
    .locator('[aria-rowindex="7"]')
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(claimCount(page)).toContainText('6 selected');
  await page.locator('body').press('7');
  await confirmWithoutSource(page, 'False');
  await expect(page.locator('.toaster')).toContainText('Set 6 claims to False.');

  const pike = await page
    .getByLabel('Speaker')
    .locator('option', { hasText: 'Joan Pike' })
    .getAttribute('value');
  const bookmark = `/claims?speaker=${encodeURIComponent(pike!)}&verdict=false`;

  // A new tab, opened straight on the bookmark.
  const tab = await context.newPage();
  await tab.goto(bookmark);
  await expect(claimCount(tab)).toHaveText('2 claims');
  await expect(bodyRows(tab)).toHaveCount(2);
  for (const row of await bodyRows(tab).all()) {
    await expect(row.getByRole('gridcell').nth(2)).toHaveText('Joan Pike');
    await expect(row.locator('.verdict-badge')).toHaveText('False');
    await expect(row.locator('.flag-badge')).toHaveText('No source');
  }
  await expect(bodyRows(tab).nth(0)).toContainText('answer 1,');
  await expect(bodyRows(tab).nth(1)).toContainText('answer 4,');
  // The controls show the restored view.
  await expect(tab.getByLabel('Speaker')).toHaveValue(pike!);
  await expect(tab.getByLabel('Verdict', { exact: true })).toHaveValue('false');

  // Changing a filter changes the URL; clearing them brings every claim back.
  await tab.getByLabel('Verdict', { exact: true }).selectOption('unchecked');
  await expect(tab).toHaveURL(/verdict=unchecked/);
  await expect(claimCount(tab)).toHaveText('18 claims');
  await tab.getByRole('button', { name: 'Clear filters' }).click();
  await expect(tab).toHaveURL(/\/claims$/);
});
