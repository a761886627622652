import { compareReference } from './compare-helpers';
import { expect, importStatus, MILLBROOK, openLibrary, pasteArticle, test } from './fixtures';

// A student choosing articles with the keyboard only: in Chromium each arrow key on a closed
// select changes it, so browsing the list must not add every article passed on the way.
test('compare: arrow keys browse the article list, Enter adds the one chosen', async ({ page }) => {
  test.setTimeout(90_000);
  await openLibrary(page);
  await pasteArticle(page, MILLBROOK.text, MILLBROOK.title);
  await expect(importStatus(page)).toContainText('Imported', { timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
  const picker = page.getByLabel('Add an article');
  await expect(picker.locator('option')).toHaveCount(3);
  const titles = await picker.locator('option').allTextContents();

  await picker.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(picker).toHaveValue(/.+/);
  await expect(page.getByText('No article chosen')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('articles')).toBeNull();

  await page.keyboard.press('Enter');
  const scope = page.getByRole('region', { name: 'Articles' });
  await expect(
    scope.getByRole('button', { name: `Remove “${titles[2]}” from the comparison` }),
  ).toBeVisible();
  await expect(scope.getByRole('button', { name: /^Remove/ })).toHaveCount(1);
  // the keyboard stays on the list, which now offers the other article
  await expect(picker).toBeFocused();
  await expect(picker.locator('option')).toHaveCount(2);
});

test('compare: a pointer choice still adds at once', async ({ page }) => {
  test.setTimeout(90_000);
  await compareReference(page);
  await expect(page.getByRole('button', { name: /^Remove .* from the comparison$/ })).toHaveCount(1);
});
