import { expect, importStatus, openLibrary, pasteArticle, test } from './fixtures';

test('HTML with scripts and event handlers is imported as text, and nothing in it runs', async ({ page }) => {
  await openLibrary(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const html = `<html><body><article>
    <h1>Harbour plan approved</h1>
    <p>The harbour master said: "The new wall will protect two hundred homes from flooding."</p>
    <script>window.__pwned = 'script'; alert('script')</script>
    <img src="x" onerror="window.__pwned = 'onerror'; alert('onerror')">
    <p onclick="window.__pwned = 'click'">Councillor Ann Berry said the cost had doubled since 2021.</p>
    <a href="javascript:window.__pwned='link'">Read more</a>
    <iframe src="javascript:parent.__pwned='iframe'"></iframe>
  </article></body></html>`;
  await pasteArticle(page, html);
  await expect(importStatus(page)).toContainText('Imported Harbour plan approved');
  await importStatus(page).getByRole('link').click();
  const text = page.getByRole('region', { name: 'Article text' });
  await expect(text).toContainText('The new wall will protect two hundred homes');
  await expect(text).not.toContainText('__pwned');
  await text.getByText('Councillor Ann Berry').click();
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('main img, main iframe')).toHaveCount(0);
});
