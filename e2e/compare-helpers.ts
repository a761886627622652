import type { Page } from '@playwright/test';
import { expect, openLibrary, REFERENCE_TITLE } from './fixtures';

/** Opens the compare screen on the reference article. */
export async function compareReference(page: Page) {
  await openLibrary(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare positions' })).toBeVisible();
  const picker = page.getByLabel('Add an article');
  // The picker and its options come once the library's titles are read. Reading the options at once
  // (allTextContents does not wait) found none under load, and `selectOption({ label: undefined })`
  // then chose the first option, "Choose an article…": nothing was compared (CI, session 22).
  const reference = picker.locator('option').filter({ hasText: REFERENCE_TITLE });
  await expect(reference).toHaveCount(1);
  await picker.selectOption({ label: (await reference.textContent()) ?? '' });
  await expect(page.getByRole('heading', { name: 'Suggested questions' })).toBeVisible();
}

/** The claim card to place, by its words. */
export const placeCard = (page: Page, text: string) =>
  page.getByRole('region', { name: 'Place claims' }).locator('[data-claim]', { hasText: text });

/** A stance target of a question. */
export const stanceTarget = (page: Page, question: string, stance: string) =>
  page.getByRole('button', { name: `Place under “${question}” as ${stance}` });

export const matrix = (page: Page) => page.getByRole('table', { name: /^Positions of/ });

/** The matrix row of a question. */
export const matrixRow = (page: Page, question: string) =>
  matrix(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: question }) });
