import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openLibrary } from './fixtures';
import { KELSEY_ARTICLE_ID } from './seeded-profile';

/** Sixty quoted claims, twenty each from Joan Pike, Owen Tate and Leila Brandt, on twelve topics. */
export const KELSEY = {
  text: readFileSync(new URL('./data/kelsey-harbour.txt', import.meta.url), 'utf8'),
  title: 'Harbour board publishes sixty answers on Kelsey port plan',
  claims: 60,
};

/**
 * Opens the library of the Kelsey profile (KELSEY_PROFILE: the seeded profile with the Kelsey article
 * imported; a spec asks for it with `test.use({ seedProfile: KELSEY_PROFILE })`) and returns the
 * article's id.
 */
/**
 * The Kelsey article's id in KELSEY_PROFILE, for a story that opens the Claims screen by URL: loading the
 * Library first only to read it cost each of those stories a page load.
 */
export const kelseyArticleId = () => readFileSync(KELSEY_ARTICLE_ID, 'utf8').trim();

export async function openKelsey(page: Page): Promise<{ articleId: string }> {
  await openLibrary(page);
  const link = page.getByRole('link', { name: KELSEY.title }).first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  const articleId = decodeURIComponent(href!.split('/').at(-1)!);
  return { articleId };
}

export const grid = (page: Page) => page.getByRole('grid', { name: 'Claims' });
/** The header count, e.g. "60 claims · 12 selected". */
export const claimCount = (page: Page) => page.locator('.claims-count');
/** The shared toaster (a polite status region) that announces what a bulk action did, with its Undo. */
export const toast = (page: Page) => page.locator('.toaster');
/** Body rows (the header row has aria-rowindex 1). */
export const bodyRows = (page: Page) => grid(page).locator('.claims-body [role="row"]');

/** Confirms a rating verdict on claims with no source ("Set “False” anyway"). */
export async function confirmWithoutSource(page: Page, label: string) {
  const dialog = page.getByRole('dialog', { name: `Set “${label}” without a source?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: `Set “${label}” anyway` }).click();
  await expect(dialog).toBeHidden();
}

export { seriousViolations } from './fixtures';
