import { expect, importStatus, openLibrary, test } from './fixtures';

// QA finding: dropping two files imported the first and silently dropped the second.

test('dropping two files imports the first and names the one left out', async ({ page }) => {
  await openLibrary(page);
  const files = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(
      new File(['First of two\n\n“One is in,” said Ann Bell.'], 'first.txt', { type: 'text/plain' }),
    );
    dt.items.add(
      new File(['Second of two\n\n“Two is out,” said Cal Dunn.'], 'second.txt', { type: 'text/plain' }),
    );
    return dt;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: files });
  await page.dispatchEvent('body', 'drop', { dataTransfer: files });
  await expect(importStatus(page)).toHaveText(
    'Imported First of two: 1 claim found. One file is imported at a time, so “second.txt” was not imported: drop it again, one by one.',
  );
  await expect(page.getByRole('heading', { name: 'Articles (2)' })).toBeVisible();
});
