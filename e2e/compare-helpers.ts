import type { Page } from '@playwright/test';
import { expect, openLibrary, REFERENCE_TITLE } from './fixtures';

/** Opens the compare screen on the reference article. */
export async function compareReference(page: Page) {
  await openLibrary(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare positions' })).toBeVisible();
  const picker = page.getByLabel('Add an article');
  const label = (await picker.locator('option').allTextContents()).find((t) => REFERENCE_TITLE.test(t));
  await picker.selectOption({ label: label! });
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
