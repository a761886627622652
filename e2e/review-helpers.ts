import type { Page } from '@playwright/test';
import { expect, openLibrary, REFERENCE_TITLE } from './fixtures';

/** Opens the reference article from the library. */
export async function openReference(page: Page) {
  await openLibrary(page);
  await page.getByRole('link', { name: REFERENCE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
}

/** The claim list on the article screen. */
export const claimList = (page: Page) => page.getByRole('complementary', { name: 'Claims' });

/** The open claim panel. */
export const claimPanel = (page: Page) => page.getByRole('region', { name: /^Claim \d+ of \d+$/ });

/** Selects the claim whose list entry contains `text`. */
export async function selectClaim(page: Page, text: string | RegExp) {
  await claimList(page)
    .locator('li[data-claim-id]')
    .filter({ hasText: text })
    .first()
    .getByRole('button')
    .first()
    .click();
  await expect(claimPanel(page)).toBeVisible();
}
