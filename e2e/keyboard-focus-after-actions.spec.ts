import { readFileSync } from 'node:fs';
import { expect, importStatus, MILLBROOK, openLibrary, REFERENCE_TITLE, test } from './fixtures';
import { claimPanel, openReference, selectClaim } from './review-helpers';

// explore21, a fact-checker's first session with the keyboard alone: after each of these actions the
// control that had the focus went away (or was disabled while busy), the focus fell to the page, and
// the next Tab started again from the skip link.

test('importing a pasted article keeps the focus on Import', async ({ page }) => {
  await openLibrary(page);
  await page.getByLabel('Article text (or HTML)').fill(MILLBROOK.text);
  await page.getByRole('button', { name: 'Import', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(importStatus(page)).toContainText('Imported');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeFocused();
});

test('deleting an article from the library: Escape keeps it, and after the delete the focus is on the next article', async ({
  page,
}) => {
  await openLibrary(page);
  await page.getByLabel('Article text (or HTML)').fill(MILLBROOK.text);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importStatus(page)).toContainText('Imported');
  const remove = page.getByRole('button', { name: `Delete “${MILLBROOK.title}”` });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Keep' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Keep' })).toHaveCount(0);
  await expect(remove).toBeFocused();

  await page.keyboard.press('Enter');
  await page.locator('.article-row-actions button.danger').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.article-link').filter({ hasText: MILLBROOK.title })).toHaveCount(0);
  await expect(page.getByRole('link', { name: REFERENCE_TITLE })).toBeFocused();
});

test('merging a speaker from the claim panel: the form takes the focus, and gives it back with an Undo', async ({
  page,
}) => {
  await openReference(page);
  await selectClaim(page, /the Ministry of Justice to take action/);
  const panel = claimPanel(page);
  const open = panel.getByRole('button', { name: 'Merge another speaker into this one…' });
  await open.focus();
  await page.keyboard.press('Enter');
  const picker = panel.getByRole('combobox', { name: 'Merge into Alexander Stafford' });
  await expect(picker).toBeFocused();
  await page.keyboard.type('Cartlidge');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page
    .getByRole('dialog', { name: /^Merge James Cartlidge/ })
    .getByRole('button', { name: 'Merge' })
    .click();
  await expect(open).toBeFocused();
  await expect(
    page.locator('.toast').filter({ hasText: 'Merged James Cartlidge into Alexander Stafford' }),
  ).toContainText('Undo');
});

test('a merge restore gives the focus back to the file field, and counts in the singular', async ({
  page,
}) => {
  await openLibrary(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  const backup = readFileSync(await download.path(), 'utf8');
  const file = page.getByLabel('Restore from a backup file');
  await file.setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backup),
  });
  await expect(page.getByText(/: 1 article, 21 claims\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Merge into my library' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Restored backup\.json:/)).toBeVisible();
  await expect(file).toBeFocused();
});

test('the shortcut list opens at its title, its Close button focused and in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLibrary(page);
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  // the list's code loads after the first paint: a `?` pressed before it is in does nothing, so press again
  await expect(async () => {
    await page.locator('body').press('?');
    await expect(help).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(help.getByRole('button', { name: 'Close' })).toBeInViewport();
  // focusing Close scrolled the list to its end, past its title and first shortcuts
  await expect(help.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport();
});

test('exporting from the dialog with the keyboard keeps the focus on Export', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('link', { name: 'Claims' }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByText(/claims will go out\.$/)).toBeVisible();
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  await exportButton.focus();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await download;
  await expect(dialog.getByText(/^Exported \d+ claims as /)).toBeVisible();
  await expect(exportButton).toBeFocused();
});
