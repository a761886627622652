import { expect, importStatus, openLibrary, pasteArticle, test } from './fixtures';

// QA finding: at phone width a title that is one long word (or a pasted URL) widened the page
// to ~2,800 px, so the library and the article scrolled sideways.

test.use({ viewport: { width: 390, height: 844 } });

const pageWidth = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth);

test('a title with no spaces wraps at 390 px on the library and the article screen', async ({ page }) => {
  await openLibrary(page);
  const title = `Pneumonoultramicroscopicsilicovolcanoconiosis${'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3)}`;
  await pasteArticle(page, `${title}\n\n“The bridge will reopen in May,” said Ann Bell.`);
  await expect(importStatus(page)).toContainText('1 claim found.');
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
});
