import type { Page } from '@playwright/test';
import { expect, importStatus, MILLBROOK, openLibrary, pasteArticle, test } from './fixtures';

/** Deletes an article from the library (with its confirmation). */
async function deleteFromLibrary(page: Page, title: string) {
  await page.getByRole('button', { name: `Delete “${title}”` }).click();
  await page.locator('button.danger', { hasText: /^Delete “/ }).click();
  await expect(page.locator('.article-row').getByRole('link', { name: title })).toHaveCount(0);
}

test('a deleted article comes back from the import form and from its own screen (one shared restore)', async ({
  page,
}) => {
  test.setTimeout(90_000); // two deletes, two restores and the first run's extraction, on a loaded machine
  await openLibrary(page);
  await pasteArticle(page, MILLBROOK.text);
  await expect(importStatus(page)).toContainText(`Imported ${MILLBROOK.title}`);
  const href = await page
    .locator('.article-row')
    .getByRole('link', { name: MILLBROOK.title })
    .getAttribute('href');
  await deleteFromLibrary(page, MILLBROOK.title);

  // the same text again: the import form offers the deleted article back instead of a copy
  await pasteArticle(page, MILLBROOK.text);
  await expect(importStatus(page)).toContainText(`You deleted this article earlier: “${MILLBROOK.title}”`);
  await importStatus(page).getByRole('button', { name: 'Restore it' }).click();
  await expect(importStatus(page)).toContainText(`Restored: ${MILLBROOK.title}`);
  await expect(page.locator('.article-row').getByRole('link', { name: MILLBROOK.title })).toBeVisible();

  // deleted again, and restored from the article's own screen
  await deleteFromLibrary(page, MILLBROOK.title);
  await page.goto(href!);
  const notice = page.getByText('This article was moved to the trash, with its claims.');
  await expect(notice).toBeVisible();
  await page.getByRole('button', { name: 'Restore it' }).click();
  await expect(notice).toHaveCount(0);
  await page.goto('/');
  await expect(page.locator('.article-row').getByRole('link', { name: MILLBROOK.title })).toBeVisible();
});
