import { expect, importStatus, MILLBROOK, openLibrary, pasteArticle, test } from './fixtures';

test('a pasted article appears in the library and opens with its claims', async ({ page, seededArticle }) => {
  await expect(page.getByRole('list').getByRole('link', { name: seededArticle.title })).toBeVisible();
  await importStatus(page).getByRole('link', { name: seededArticle.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: seededArticle.title })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Article text' })).toContainText(
    'This bridge has been neglected',
  );
  const list = page.getByRole('complementary', { name: 'Claims' });
  await expect(list.getByRole('heading', { name: /Priya Shah/ })).toBeVisible();
  await expect(list.getByRole('heading', { name: /Martin Hale/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Priya Shah, / }).first()).toBeVisible();
});

test('the same text imported twice is not duplicated', async ({ page, seededArticle }) => {
  await pasteArticle(page, `\n${MILLBROOK.text}\n\n`); // blank lines around it do not make it new
  await expect(importStatus(page)).toHaveText(`Already in your library: ${seededArticle.title}`);
  await expect(page.getByRole('link', { name: seededArticle.title })).toHaveCount(2); // list + message
  await expect(page.getByRole('heading', { name: 'Articles (2)' })).toBeVisible();
  await importStatus(page).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: seededArticle.title })).toBeVisible();
});

test('a title and a link can be given with a paste; only http(s) links are accepted', async ({ page }) => {
  await openLibrary(page);
  await page.getByLabel('Article text (or HTML)').fill(MILLBROOK.text);
  await page.getByLabel('Title (optional)').fill('Millbrook bridge vote');
  await page.getByLabel('Link to the original (optional)').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importStatus(page)).toHaveText('The URL must start with http:// or https://.');
  await page.getByLabel('Link to the original (optional)').fill('https://example.org/millbrook');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await importStatus(page).getByRole('link', { name: 'Millbrook bridge vote' }).click();
  await expect(page.getByRole('link', { name: 'Original' })).toHaveAttribute(
    'href',
    'https://example.org/millbrook',
  );
});

test('a Markdown file can be picked', async ({ page }) => {
  await openLibrary(page);
  await page.getByLabel('Import a file').setInputFiles({
    name: 'millbrook.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(MILLBROOK.text),
  });
  await expect(importStatus(page)).toContainText(`Imported ${MILLBROOK.title}`);
});

test('a text file dropped on the page is imported', async ({ page }) => {
  await openLibrary(page);
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'millbrook.txt', { type: 'text/plain' }));
    return dt;
  }, MILLBROOK.text);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop the file to import it')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(importStatus(page)).toContainText(`Imported ${MILLBROOK.title}`);
  await expect(page.getByText('Drop the file to import it')).toHaveCount(0);
});

test('an HTML page is reduced to its article text', async ({ page }) => {
  await openLibrary(page);
  const paragraphs = MILLBROOK.text
    .split('\n\n')
    .slice(1)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  const html = `<!doctype html><html><head><title>Millbrook | Calder Gazette</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>${MILLBROOK.title}</h1>${paragraphs}</article>
    <footer>© Calder Gazette</footer></body></html>`;
  await page.getByLabel('Import a file').setInputFiles({
    name: 'millbrook.html',
    mimeType: 'text/html',
    buffer: Buffer.from(html),
  });
  await expect(importStatus(page)).toContainText('Imported');
  await importStatus(page).getByRole('link').click();
  const text = page.getByRole('region', { name: 'Article text' });
  await expect(text).toContainText('Council leader Priya Shah said');
  await expect(text).not.toContainText('<p>');
  await expect(text).not.toContainText('Calder Gazette');
});
