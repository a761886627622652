import { expect, openLibrary, REFERENCE_TITLE, test } from './fixtures';

// QA finding: after following a link inside the app the focus stayed on <body>, so a screen reader
// announced nothing and the next Tab started from the skip link again.

test('following a link moves the focus to the new screen’s heading, and back again', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('link', { name: REFERENCE_TITLE }).focus();
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { level: 1, name: REFERENCE_TITLE });
  await expect(title).toBeFocused();
  await page.keyboard.press('j'); // the claim keys still work from the heading
  await expect(page.locator('.claim-mark[data-selected]').first()).toBeVisible();
  await page.getByRole('link', { name: '← Library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeFocused();
});
