import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, importStatus, openLibrary, pasteArticle, REFERENCE_TITLE } from './fixtures';

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

/**
 * Selects the claim whose words contain `text`: the list entry, or, in a quotation of several parts, the part
 * button of the part that holds them.
 */
export async function selectClaim(page: Page, text: string | RegExp) {
  const item = claimList(page).locator('li[data-claim-id]').filter({ hasText: text }).first();
  const partId = await item
    .locator('.claim-part-text')
    .filter({ hasText: text })
    .first()
    .getAttribute('data-part-id');
  const part = item.locator(`.claim-part[data-part-id="${partId}"]`);
  if (await part.count()) await part.click();
  else await item.getByRole('button').first().click();
  await expect(claimPanel(page)).toHaveAttribute('data-claim-id', partId!);
}

/** How many claims the list holds (a quotation of several parts is one entry holding several claims). */
export const claimCount = (page: Page) => claimList(page).locator('.claim-part-text').count();

/** Selects `phrase` in the article text (as a drag would), within one text node. */
export async function selectArticleText(page: Page, phrase: string) {
  await page.evaluate((p) => {
    const root = document.querySelector('.article-text');
    if (!root) throw new Error('no article text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(p) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + p.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
    }
    throw new Error(`phrase not found in one text node: ${p}`);
  }, phrase);
}

/** Two quotations split around their cues ("…,” said X. “…”), each one quotation in two parts. */
const DOCK = {
  text: readFileSync(new URL('./data/kelsey-dock.txt', import.meta.url), 'utf8'),
  title: 'Kelsey dock to open in May, engineer says',
};

/** Imports the Kelsey dock article through the paste form and opens it. */
export async function openDock(page: Page) {
  await openLibrary(page);
  await pasteArticle(page, DOCK.text);
  await expect(importStatus(page)).toContainText(`Imported ${DOCK.title}`);
  await page.getByRole('link', { name: DOCK.title }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: DOCK.title })).toBeVisible();
}
