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

// At 640 px (a 1280 px window at 200 % zoom) the links fit beside the name on the Team screen, and the
// offline status, still empty, wrapped under them on its own: an empty band of ~20 px in the header.
test('at 640 px the header keeps no empty row for an offline status with nothing to say', async ({
  page,
}) => {
  await page.setViewportSize({ width: 640, height: 600 });
  await page.goto('/team');
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await expect(page.locator('.app-header [role="status"]')).toHaveText('');
  const below = await page.evaluate(() => {
    const header = document.querySelector('.app-header')!.getBoundingClientRect();
    const nav = document.querySelector('.main-nav')!.getBoundingClientRect();
    return header.bottom - nav.bottom;
  });
  // the header's own bottom padding (0.6rem) and nothing else
  expect(below).toBeLessThan(12);
});
