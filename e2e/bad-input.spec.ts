import { expect, importStatus, openLibrary, pasteArticle, test } from './fixtures';

// Each refusal: a clear message, nothing stored (the library still holds only the reference article).
test.beforeEach(async ({ page }) => {
  await openLibrary(page);
});

test.afterEach(async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Articles (1)' })).toBeVisible();
});

test('an empty or blank paste is refused', async ({ page }) => {
  await pasteArticle(page, '');
  await expect(importStatus(page)).toHaveText('Nothing to import: the text is empty.');
  await pasteArticle(page, '   \n\n \t ');
  await expect(importStatus(page)).toHaveText('Nothing to import: the text is empty.');
});

test('a paste over the size limit is refused with its size and the limit, and the page stays usable', async ({
  page,
}) => {
  // Just over the limit is enough: the refusal is by size, the same at 1.2 MB as at 50.
  const big = 'The minister said the figures were wrong. '.repeat(30_000).slice(0, 1_200_000);
  await page.getByLabel('Article text (or HTML)').evaluate((el, text) => {
    (el as HTMLTextAreaElement).value = text; // what a paste puts there, without typing 1.2 MB
  }, big);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importStatus(page)).toHaveText(
    'This is 1.2 MB; the import limit is 1.0 MB. Split it into smaller articles.',
  );
  await page.getByLabel('Filter articles').fill('police');
  await expect(page.getByLabel('Filter articles')).toHaveValue('police');
});

test('a 5 MB file is refused before it is read', async ({ page }) => {
  await page.getByLabel('Import a file').setInputFiles({
    name: 'huge.txt',
    mimeType: 'text/plain',
    buffer: Buffer.alloc(5_000_000, 'a'),
  });
  await expect(importStatus(page)).toHaveText(
    'This is 5.0 MB; the import limit is 1.0 MB. Split it into smaller articles.',
  );
});

test('an image file is refused, by its type and by its content', async ({ page }) => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  await page
    .getByLabel('Import a file')
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await expect(importStatus(page)).toHaveText(
    '“photo.png” is an image, not an article. Import a .txt, .md or .html file, or paste the text.',
  );
  await page
    .getByLabel('Import a file')
    .setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: png });
  await expect(importStatus(page)).toHaveText('“photo.txt” is an image, not text.');
});

test('a binary file named .txt is refused', async ({ page }) => {
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
  await page
    .getByLabel('Import a file')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: binary });
  await expect(importStatus(page)).toHaveText(
    '“notes.txt” is not a text file (it contains binary data or is not UTF-8).',
  );
});
