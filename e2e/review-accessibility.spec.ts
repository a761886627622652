import { expect, seriousViolations, test } from './fixtures';
import { claimPanel, openReference, selectClaim } from './review-helpers';

// axe over the full article with the panel open takes a while on two shared cores.
test.describe.configure({ timeout: 60_000 });

test('the article screen with the claim panel open has no serious or critical violations', async ({
  page,
}) => {
  await openReference(page);
  await selectClaim(page, /some 35 active/);
  const panel = claimPanel(page);
  await panel.getByRole('button', { name: /Add a source/ }).click();
  await panel.getByRole('combobox', { name: 'Reassign to' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the no-source confirmation and the shortcut list are accessible dialogs', async ({ page }) => {
  await openReference(page);
  await selectClaim(page, /some 35 active/);
  await claimPanel(page).getByRole('heading', { level: 2 }).focus();
  await page.keyboard.press('3');
  await expect(page.getByRole('dialog', { name: 'Set “True” without a source?' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /without a source/ })).toBeHidden();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the claim panel as a phone sheet has no serious or critical violations', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openReference(page);
  await page.keyboard.press('j');
  const panel = claimPanel(page);
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  const box = await panel.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(389);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('? lists every shortcut from the registry; shortcuts are ignored while typing', async ({ page }) => {
  await openReference(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const keys of ['j', 'k', 'Esc', '1–9', 's', 't', 'e', 'n', 'Ctrl+Z', 'Ctrl+Shift+Z', '?']) {
    await expect(
      help.locator('kbd', { hasText: new RegExp(`^${keys.replace(/[+?]/g, '\\$&')}$`) }).first(),
    ).toBeVisible();
  }
  // The Claims screen's keys are listed too, though that screen is not open.
  await expect(help.getByRole('region', { name: 'Claims' }).getByText('Search claims')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await selectClaim(page, /some 35 active/);
  const panel = claimPanel(page);
  const notes = panel.getByRole('textbox', { name: 'Notes' });
  await notes.click();
  await page.keyboard.type('j 7 s e');
  await expect(notes).toHaveValue('j 7 s e');
  await expect(panel.getByRole('radio', { name: '1 Unchecked' })).toBeChecked();
  await expect(panel.getByLabel('Address (URL)')).toHaveCount(0);
});

test('the claim is in the URL: a link opens it, closing it leaves the article URL', async ({ page }) => {
  await openReference(page);
  await selectClaim(page, /some 35 active/);
  const id = await claimPanel(page).getAttribute('data-claim-id');
  await expect(page).toHaveURL(new RegExp(`/articles/[^/]+/claims/${id}$`));
  const url = page.url();
  await page.keyboard.press('Escape');
  await expect(claimPanel(page)).toBeHidden();
  await expect(page).toHaveURL(/\/articles\/[^/]+$/);
  await page.goto(url);
  await expect(claimPanel(page)).toHaveAttribute('data-claim-id', id!);
});

test("two tabs editing the same claim: the other tab's change is reported, nothing is lost, history shows both", async ({
  page,
  context,
}) => {
  await openReference(page);
  await selectClaim(page, /some 35 active/);
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  const mine = claimPanel(page);
  const theirs = claimPanel(other);
  await expect(theirs).toBeVisible();

  // This tab starts a note; the other tab sets a verdict meanwhile; this tab's note is then saved.
  const notes = mine.getByRole('textbox', { name: 'Notes' });
  await theirs.getByRole('heading', { level: 2 }).focus();
  // A key press in the other tab lands well within this tab's autosave pause (800 ms).
  await notes.fill('Asked the force for the case count.');
  await other.keyboard.press('2');
  await expect(theirs.getByRole('radio', { name: '2 In progress' })).toBeChecked();
  await notes.blur();
  await expect(mine.getByRole('alert').filter({ hasText: /Another tab changed the verdict/ })).toBeVisible();
  await expect(mine.getByRole('radio', { name: '2 In progress' })).toBeChecked();

  // Both edits are in both tabs' history.
  await expect(theirs.getByText('Verdict: Unchecked → In progress')).toBeVisible();
  await expect(mine.getByText(/^Notes: empty → “Asked the force/)).toBeVisible();
  await expect(theirs.getByText(/^Notes: empty → “Asked the force/)).toBeVisible();
  await other.close();
});
