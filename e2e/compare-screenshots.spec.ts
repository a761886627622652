import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { compareReference, matrix, placeCard, stanceTarget } from './compare-helpers';
import { expect, importStatus, openLibrary, pasteArticle, REFERENCE_TITLE, test } from './fixtures';

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

// Verdicts on some of Billings' claims, so his record (and the cells' meta lines) show more than
// "Unchecked". The first is a part of a three-part quotation: its verdict is set on all its parts.
const VERDICTS: readonly [string, string][] = [
  ['The teams that work on child sexual exploitation', 'true'],
  ['What has been alleged is untrue', 'mostly false'],
  ['These would be serious allegations anywhere', 'half true'],
];

async function setVerdicts(page: Page) {
  await page.getByRole('link', { name: REFERENCE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
  for (const [text, verdict] of VERDICTS) {
    const item = page.getByRole('listitem').filter({ hasText: text }).last();
    const menu = item.getByRole('combobox', { name: /^Verdict/ });
    await menu.selectOption(verdict);
    // a rating with no source asks first
    await page.getByRole('dialog').getByRole('button', { name: 'Set without a source' }).click();
    await expect(menu).toHaveValue(verdict);
  }
}

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
  await setVerdicts(page);
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
