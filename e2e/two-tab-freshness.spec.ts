import { expect, MILLBROOK, openLibrary, pasteArticle, REFERENCE_TITLE, test } from './fixtures';

test('an article imported in one tab appears in the other without a reload', async ({ page, context }) => {
  await openLibrary(page);
  const other = await context.newPage();
  await openLibrary(other);
  await pasteArticle(page, MILLBROOK.text);
  await expect(other.getByRole('list').getByRole('link', { name: MILLBROOK.title })).toBeVisible();
});

test('a verdict changed in one tab shows in the other without a reload', async ({ page, context }) => {
  await openLibrary(page);
  await page.getByRole('link', { name: REFERENCE_TITLE }).click();
  const other = await context.newPage();
  await other.goto(page.url());
  const theirs = other.getByRole('combobox', { name: 'Verdict' }).first();
  await expect(theirs).toHaveValue('unchecked');

  await page.getByRole('combobox', { name: 'Verdict' }).first().selectOption('false');
  // A rating with no source asks first (the claim review's confirmation).
  await page.getByRole('dialog').getByRole('button', { name: 'Set without a source' }).click();
  await expect(theirs).toHaveValue('false');
  await expect(other.getByText(/· 1 checked$/)).toBeVisible();
});
