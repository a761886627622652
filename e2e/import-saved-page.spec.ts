import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, importStatus, openLibrary, test } from './fixtures';

// Saved news pages from the import corpus (src/features/import/fixtures, html-corpus.test.ts), imported
// as files in the browser: its own TextDecoder and DOMParser, not Node's and jsdom's.
async function importSavedPage(page: Page, fixture: string, title: string, claims: number) {
  await openLibrary(page);
  await page.getByLabel('Import a file').setInputFiles({
    name: fixture,
    mimeType: 'text/html',
    buffer: readFileSync(new URL(`../src/features/import/fixtures/${fixture}`, import.meta.url)),
  });
  await expect(importStatus(page)).toContainText(`Imported ${title}: ${claims} claims found.`);
  await importStatus(page).getByRole('link', { name: title }).click();
  return page.getByRole('region', { name: 'Article text' });
}

test('a page saved in windows-1252 imports with its quotes and accents, not refused as not UTF-8', async ({
  page,
}) => {
  const text = await importSavedPage(
    page,
    '11-windows-1252.html',
    'Café chain to close 14 sites as costs bite',
    7,
  );
  await expect(text).toContainText(
    '“This is the hardest decision we have ever made,” said the founder, Anaïs Lefèvre.',
  );
  await expect(text).toContainText('risen by £4.3m in two years');
  await expect(text).not.toContainText('Bristol Evening Herald');
});

test('a saved page keeps its story and loses its embedded tweet, Instagram box, video caption and comments', async ({
  page,
}) => {
  const title = 'Singer apologises after festival set cut short amid safety fears';
  const text = await importSavedPage(page, '06-social-embeds.html', title, 6);
  await expect(text).toContainText('Police said they had received no reports of injuries.');
  for (const furniture of [
    'Eastside I am so sorry',
    'A post shared by',
    'Watch: Fans filmed',
    'The stewards were brilliant',
  ]) {
    await expect(text).not.toContainText(furniture);
  }
});
