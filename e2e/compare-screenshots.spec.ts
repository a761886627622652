import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { compareReference, matrix, placeCard, stanceTarget } from './compare-helpers';
import { expect, importStatus, openLibrary, pasteArticle, test } from './fixtures';

// The compare view, a speaker profile and their A4 print layouts:
// SCREENSHOTS=1 npx playwright test compare-screenshots
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to refresh docs/screenshots/compare*.png');

const Q1 = 'Is child sexual exploitation still organised in Rotherham?';
const Q2 = 'Has anything improved since the Jay report?';

const PLACEMENTS: readonly [string, string, string][] = [
  ['organised gangs are sexually exploiting children', Q1, 'For'],
  ['What has been alleged is untrue', Q1, 'Against'],
  ['multiple current examples', Q1, 'For'],
  ['must be thoroughly and properly investigated', Q1, 'Neutral'],
  ['continue to drive improvement', Q2, 'For'],
  ['address “blatant” failures', Q2, 'Neutral'],
  ['The teams that work on child sexual exploitation', Q2, 'For'],
];

async function settle(page: Page) {
  await page.waitForTimeout(8500); // toasts with an Undo action fade after 8 s
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test('compare view, profile and their print layouts', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openLibrary(page);
  await pasteArticle(page, readFileSync(new URL('./data/billings-funding.txt', import.meta.url), 'utf8'));
  await expect(importStatus(page)).toContainText('Imported');
  await compareReference(page);
  const questions = page.getByRole('region', { name: 'Questions', exact: true });
  for (const q of [Q1, Q2]) {
    await questions.getByLabel('Write a question').fill(q);
    await questions.getByRole('button', { name: 'Add question' }).click();
    await expect(questions.getByText(q)).toBeVisible();
  }
  for (const [text, q, stance] of PLACEMENTS) {
    await placeCard(page, text).click();
    await stanceTarget(page, q, stance).click();
  }
  await expect(matrix(page).getByRole('columnheader')).toHaveCount(6);
  await settle(page);
  await page.screenshot({ path: 'docs/screenshots/compare.png', fullPage: true });
  await page
    .getByRole('region', { name: 'Side by side' })
    .screenshot({ path: 'docs/screenshots/compare-matrix.png' });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 1123, height: 794 }); // A4 landscape at 96 dpi, as @page compare says
  await page.screenshot({ path: 'docs/screenshots/compare-print-a4.png', fullPage: true });
  await page.pdf({ path: 'test-results/compare-print-a4.pdf', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('.phone-nav').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'docs/screenshots/compare-phone.png' });

  await page.setViewportSize({ width: 1280, height: 900 });
  await matrix(page).getByRole('link', { name: 'Alan Billings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alan Billings' })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: 'docs/screenshots/speaker-profile.png', fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.screenshot({ path: 'docs/screenshots/speaker-profile-print-a4.png', fullPage: true });
  await page.pdf({ path: 'test-results/speaker-profile-print-a4.pdf', preferCSSPageSize: true });
});
