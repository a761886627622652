import { expect, openLibrary, REFERENCE_TITLE, test } from './fixtures';

// The first run itself: these stories start from a profile with nothing stored.
test.use({ seedProfile: null });

test('on first start the library lists the reference article with its progress', async ({ page }) => {
  await openLibrary(page);
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: REFERENCE_TITLE }) });
  await expect(row.getByRole('progressbar', { name: /Claims checked in/ })).toBeVisible();
  await expect(row.getByText(/0\/\d+ checked/)).toBeVisible();
  await expect(page.getByText(/^Stored: .+ · (persistent|not persistent)$/)).toBeVisible();
});

test('a deleted reference article does not come back on the next start', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: /^Delete “Police chief/ }).click();
  await page.getByRole('button', { name: /^Delete “Police chief/ }).click();
  await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('No articles yet.', { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toHaveCount(0);
});

test('deleting an article offers Undo in a toast, like every other delete', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: /^Delete “Police chief/ }).click();
  await page.getByRole('button', { name: /^Delete “Police chief/ }).click();
  await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toHaveCount(0);
  const toast = page.locator('.toast').filter({ hasText: /^Deleted “Police chief/ });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toBeVisible();
});

test('Ctrl+Z right after the first open leaves the reference article: the app’s own import is not an undoable change', async ({
  page,
}) => {
  await openLibrary(page);
  const undoButton = page.locator('.undo-controls button').first();
  await expect(undoButton).toHaveAttribute('title', 'Nothing to undo');
  await expect(undoButton).toBeDisabled();
  await page.locator('body').press('Control+z');
  await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toBeVisible({ timeout: 20_000 });
  await expect(undoButton).toBeDisabled();
});
