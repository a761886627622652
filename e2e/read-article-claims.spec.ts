import { expect, openLibrary, REFERENCE_TITLE, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('link', { name: REFERENCE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
});

test('the article screen shows the verbatim text', async ({ page }) => {
  const text = page.getByRole('region', { name: 'Article text' });
  await expect(text).toContainText('Writing in his blog, Dr Billings said');
  await expect(page.getByRole('complementary', { name: 'Claims' })).toBeVisible();
});

test('claims are highlighted and listed under their speakers', async ({ page }) => {
  const list = page.getByRole('complementary', { name: 'Claims' });
  await expect(list.getByRole('heading', { name: /Alan Billings/ })).toBeVisible();
  await expect(list.getByRole('heading', { name: /James Cartlidge/ })).toBeVisible();
  const marks = page.getByRole('region', { name: 'Article text' }).locator('.claim-mark[data-claim-id]');
  expect(await marks.count()).toBeGreaterThan(10);
  await expect(page.getByRole('button', { name: /^Alan Billings, / }).first()).toBeVisible();
  // Boilerplate (ad labels) is dimmed, not highlighted.
  await expect(page.locator('.boilerplate', { hasText: 'Hide Ad' }).first()).toBeVisible();
});

test('clicking a highlight selects its claim in the list, and the other way round', async ({ page }) => {
  const mark = page.getByRole('button', { name: /^Alan Billings, / }).first();
  await mark.click();
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
  const selectedItem = page
    .getByRole('complementary', { name: 'Claims' })
    .getByRole('button', { pressed: true });
  await expect(selectedItem).toBeFocused();

  const list = page.getByRole('complementary', { name: 'Claims' });
  const lastItem = list.locator('li[data-claim-id]').last();
  const id = await lastItem.getAttribute('data-claim-id');
  // the entry's own button (a quotation of several parts also has a button per part)
  await lastItem.locator('.claim-item-text').click();
  await expect(list.locator(`li[data-claim-id="${id}"] .claim-item-text`)).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator(`.claim-mark[data-claim-id="${id}"]`).first()).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(mark).toHaveAttribute('aria-pressed', 'false');
});
