import { expect, importStatus, openLibrary, test } from './fixtures';

const COPIED_PAGE = [
  'Home News Sport Subscribe',
  'We use cookies. Accept all',
  'Hospital waiting lists fall for first time in a year',
  'By Omar Siddiqui, Health Correspondent',
  '',
  'Waiting lists at hospitals in the region have fallen for the first time in twelve months, new figures show.',
  '',
  '"We have cut the longest waits by a third since the spring," said Dr Priya Nair, medical director of the Northern Hospitals Trust.',
  '',
  '© 2026 The Northern Ledger. All rights reserved. Privacy',
].join('\n');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a 5 MB paste is refused at once with the file’s sentence; Ctrl+Enter imports a page copied from the browser under its headline', async ({
  page,
}) => {
  await openLibrary(page);
  const box = page.getByLabel('Article text (or HTML)');
  await box.focus();
  await page.evaluate((n) => navigator.clipboard.writeText('Words and more words. '.repeat(n)), 240_000);
  await page.keyboard.press('ControlOrMeta+V');
  await expect(importStatus(page)).toHaveText(
    'This is 5.3 MB; the import limit is 1.0 MB. Split it into smaller articles.',
  );
  await expect(box).toHaveValue('');

  await page.evaluate((text) => navigator.clipboard.writeText(text), COPIED_PAGE);
  await page.keyboard.press('ControlOrMeta+V');
  await expect(box).toHaveValue(COPIED_PAGE);
  await expect(importStatus(page)).toHaveText('');
  await page.keyboard.press('Control+Enter');
  await expect(importStatus(page)).toContainText(
    'Imported Hospital waiting lists fall for first time in a year',
  );
});
