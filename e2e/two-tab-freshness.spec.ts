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

test('an article moved to the trash in one tab: the other tab’s open article says so and offers it back', async ({
  page,
  context,
}) => {
  await openLibrary(page);
  await page.getByRole('link', { name: REFERENCE_TITLE }).click();
  await expect(page.getByRole('combobox', { name: 'Verdict' }).first()).toBeVisible();
  const other = await context.newPage();
  await openLibrary(other);
  await other.getByRole('button', { name: /^Delete “Police chief/ }).click();
  await other.getByRole('button', { name: /^Delete “Police chief/ }).click();
  await expect(other.getByRole('link', { name: REFERENCE_TITLE })).toHaveCount(0);

  const notice = page.getByText('This article was moved to the trash, with its claims.');
  await expect(notice).toBeVisible();
  await expect(page.getByText('No claims were found in this article.')).toHaveCount(0);
  await expect(page.getByText(/Its claims are in the trash with it/)).toBeVisible();
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Verdict' }).first()).toBeVisible();
  await expect(other.getByRole('link', { name: REFERENCE_TITLE })).toBeVisible();
});
