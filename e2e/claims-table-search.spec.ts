import { bodyRows, claimCount } from './claims-table-fixtures';
import { expect, test } from './fixtures';
import { KELSEY_PROFILE } from './seeded-profile';

test.use({ seedProfile: KELSEY_PROFILE });

test('search finds claims by their text and by their speaker, and lives in the URL', async ({ page }) => {
  await page.goto('/claims');
  await expect(claimCount(page)).not.toHaveText('Counting…');
  await page.locator('body').press('/');
  const search = page.getByRole('searchbox', { name: 'Search claims' });
  await expect(search).toBeFocused();

  await search.fill('harbour wall');
  await expect(page).toHaveURL(/q=harbour\+wall|q=harbour%20wall/);
  await expect(claimCount(page)).toHaveText('5 claims');
  for (const row of await bodyRows(page).all()) await expect(row).toContainText('harbour wall');

  await search.fill('Brandt');
  await expect(claimCount(page)).toHaveText('20 claims');
  await expect(bodyRows(page).first().getByRole('gridcell').nth(2)).toHaveText('Leila Brandt');
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search claims' })).toHaveValue('Brandt');
  await expect(claimCount(page)).toHaveText('20 claims');

  await page.getByRole('searchbox', { name: 'Search claims' }).fill('no such words anywhere');
  await expect(page.getByText('No claim matches these filters and the search')).toBeVisible();
});
