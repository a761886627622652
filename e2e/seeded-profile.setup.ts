import { readFileSync, writeFileSync } from 'node:fs';
import { type Page, test as setup } from '@playwright/test';
import { KELSEY } from './claims-table-fixtures';
import { expect, importStatus, pasteArticle, REFERENCE_TITLE } from './fixtures';
import { KELSEY_ARTICLE_ID, KELSEY_PROFILE, SEEDED_PROFILE } from './seeded-profile';

// Every story starts on a profile where the first run is over (the reference article extracted and
// stored). Extracting it again in each test's fresh profile cost a second or more a test, several on a
// loaded machine; the first run itself is told by the first-run specs, which start from nothing.
// A bound, not a duration: a failed setup skips every story of the run, and at load 50 (session 10) both
// setups ran out of 60 and 90 s on both attempts, waiting for a page that came a little later.
setup.describe.configure({ timeout: 180_000 });

/** The first run itself: it extracts the reference article, which at load 80 outlasted openLibrary's 20 s. */
async function firstRun(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toBeVisible({ timeout: 120_000 });
}

/**
 * The profile as Playwright stores it, less the saved search index: Playwright's storage state keeps no
 * Blob (the index's format 4 holds its arrays in one, stored as `{}`), so the story's restore would write
 * a record that is not what the app saved. The index is derived: the app builds it on its first search.
 */
async function storeProfile(page: Page, path: string) {
  await page.context().storageState({ path, indexedDB: true });
  const state = JSON.parse(readFileSync(path, 'utf8'));
  for (const origin of state.origins)
    for (const db of origin.indexedDB ?? [])
      for (const store of db.stores) if (store.name === 'searchIndex') store.records = [];
  writeFileSync(path, JSON.stringify(state));
}

setup('a profile after the first run', async ({ page }) => {
  await firstRun(page);
  await storeProfile(page, SEEDED_PROFILE);
});

// The Claims-screen stories start with the Kelsey article stored; its import through the paste form
// is told once here (and by the import specs), not again in each of them.
setup('a profile with the Kelsey article imported', async ({ page }) => {
  await firstRun(page);
  await pasteArticle(page, KELSEY.text);
  await expect(importStatus(page)).toContainText(`Imported ${KELSEY.title}`, { timeout: 60_000 });
  await storeProfile(page, KELSEY_PROFILE);
  // The stories open the Claims screen on this article by its URL, without loading the Library first.
  const href = await page.getByRole('link', { name: KELSEY.title }).first().getAttribute('href');
  writeFileSync(KELSEY_ARTICLE_ID, decodeURIComponent(href!.split('/').at(-1)!));
});
