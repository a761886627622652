import type { Page } from '@playwright/test';
import { expect, openLibrary, test } from './fixtures';
import { claimList, claimPanel, openReference, selectClaim } from './review-helpers';

// A fact-checker's morning from the keyboard: after each step the focus is where the work goes on,
// never dropped to the page's start (a screen reader then reads from the top; Tab starts over).

const focusedTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? 'none');

test('the Kind picker keeps the focus while its choice is saved', async ({ page }) => {
  await openReference(page);
  await selectClaim(page, /some 35 active/);
  const kind = claimPanel(page).getByLabel('Kind');
  await kind.focus();
  const before = await kind.inputValue();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Kind set to / })).toBeAttached();
  await expect(kind).not.toHaveValue(before);
  await expect(kind).toBeFocused();
});

test('Escape closes the claim and the focus goes back to its entry in the list', async ({ page }) => {
  await openReference(page);
  await selectClaim(page, /some 35 active/);
  await claimPanel(page).getByRole('heading', { level: 2 }).focus();
  await page.keyboard.press('Escape');
  await expect(claimPanel(page)).toBeHidden();
  const entry = claimList(page)
    .locator('li[data-claim-id]')
    .filter({ hasText: /some 35 active/ });
  await expect(entry.locator('.claim-item-text')).toBeFocused();
  expect(await focusedTag(page)).toBe('BUTTON');
});

test('Ctrl+Z of a reassignment moves the claim’s entry to its old speaker with the focus on it', async ({
  page,
}) => {
  const panel = claimPanel(page);
  await openReference(page);
  await selectClaim(page, /the Ministry of Justice to take action/);
  const id = await panel.getAttribute('data-claim-id');
  await panel.getByRole('combobox', { name: 'Reassign to' }).click();
  await panel.getByRole('option', { name: /James Cartlidge/ }).click();
  await expect(panel.locator('.speaker-line')).toContainText('James Cartlidge');
  const entry = claimList(page).locator(`li[data-claim-id="${id}"] .claim-item-text`);
  await entry.focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.toast').filter({ hasText: 'Undid: Reassign 1 claim' })).toBeVisible();
  await expect(
    claimList(page)
      .getByRole('region', { name: /Alexander Stafford/ })
      .locator(`li[data-claim-id="${id}"]`),
  ).toBeVisible();
  await expect(entry).toBeFocused();
});

test('Claims filters: arrow keys only show a choice, Enter applies it (one read, not one per key)', async ({
  page,
}) => {
  await openLibrary(page);
  await page.getByRole('link', { name: 'Claims', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Claims' })).toBeVisible();
  const verdict = page.getByLabel('Verdict', { exact: true });
  await verdict.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(verdict).toHaveValue('in progress');
  await expect(verdict).toBeFocused();
  expect(new URL(page.url()).search).not.toContain('verdict');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/verdict=in(\+|%20)progress/);
  await expect(verdict).toBeFocused();
});
