import type { Locator, Page } from '@playwright/test';
import { expect, MILLBROOK, openLibrary, REFERENCE_TITLE, test } from './fixtures';

/** Presses Tab until `target` has the focus (or gives up), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('import an article and open it with the keyboard alone', async ({ page }) => {
  await openLibrary(page);
  await tabTo(page, page.getByLabel('Article text (or HTML)'));
  await page.keyboard.insertText(MILLBROOK.text);
  await tabTo(page, page.getByRole('button', { name: 'Import', exact: true }));
  await page.keyboard.press('Enter');
  const link = page.getByRole('list').getByRole('link', { name: MILLBROOK.title });
  await expect(link).toBeVisible();
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: MILLBROOK.title })).toBeVisible();
});

test('j and k move between claims; Enter on a highlight selects it', async ({ page }) => {
  await openLibrary(page);
  await tabTo(page, page.getByRole('link', { name: REFERENCE_TITLE }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
  const list = page.getByRole('complementary', { name: 'Claims' });
  const items = list.locator('li[data-claim-id]');

  await page.keyboard.press('j');
  const first = await page.locator('.claim-mark[data-claim-id]').first().getAttribute('data-claim-id');
  await expect(list.locator(`li[data-claim-id="${first}"] button`)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(list.getByRole('button', { pressed: true })).toHaveCount(1);
  const second = await page
    .locator('.claim-mark[data-claim-id]')
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-claim-id')))].at(1));
  await expect(list.locator(`li[data-claim-id="${second}"] button`)).toBeFocused();
  expect(await items.count()).toBeGreaterThan(2);

  const mark = page.locator('.claim-mark[tabindex="0"]').nth(2);
  await mark.focus();
  await page.keyboard.press('Enter');
  await expect(mark).toHaveAttribute('aria-pressed', 'true');
});
