import { expect, test } from './fixtures';
import { claimList, claimPanel, openReference, selectClaim } from './review-helpers';

test.beforeEach(async ({ page }) => {
  await openReference(page);
  await selectClaim(page, /some 35 active/);
});

test('a javascript: or data: source address is refused with a clear message', async ({ page }) => {
  const panel = claimPanel(page);
  await panel.getByRole('button', { name: /Add a source/ }).click();
  const url = panel.getByLabel('Address (URL)');
  await url.fill('javascript:alert(document.cookie)');
  await panel.getByLabel('Title').fill('Looks harmless');
  await panel.getByRole('button', { name: 'Attach source' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'Only http and https links are allowed, not “javascript:”.',
  );
  await expect(url).toBeFocused();
  await expect(url).toHaveAttribute('aria-invalid', 'true');

  await url.fill('data:text/html,<script>alert(1)</script>');
  await panel.getByRole('button', { name: 'Attach source' }).click();
  await expect(panel.getByRole('alert')).toContainText('not “data:”');
  await expect(panel.getByRole('heading', { name: 'Sources (0)' })).toBeVisible();
  await expect(panel.locator('a[href^="javascript:"], a[href^="data:"]')).toHaveCount(0);

  // The same form takes a real address.
  await url.fill('www.gov.uk/jay-report');
  await panel.getByRole('button', { name: 'Attach source' }).click();
  await expect(panel.getByRole('link', { name: 'Looks harmless' })).toHaveAttribute(
    'href',
    'https://www.gov.uk/jay-report',
  );
});

test('a rating verdict with no source asks first, and the claim is flagged in the list', async ({ page }) => {
  // Two dialogs, a verdict, a source form and four list updates: at load 30-46 it ran out of 60 s twice.
  test.setTimeout(120_000);
  const panel = claimPanel(page);
  const id = await panel.getAttribute('data-claim-id');
  await page.keyboard.press('Escape');
  await selectClaim(page, /some 35 active/);
  await panel.getByRole('heading', { level: 2 }).focus();
  await page.keyboard.press('7');
  const dialog = page.getByRole('dialog', { name: 'Set “False” without a source?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Add a source first' })).toBeFocused();

  // Cancel leaves the verdict alone.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('radio', { name: '1 Unchecked' })).toBeChecked();

  await page.keyboard.press('7');
  await dialog.getByRole('button', { name: 'Set without a source' }).click();
  await expect(panel.getByRole('radio', { name: '7 False' })).toBeChecked();
  // the claim's entry: its own, or its quotation's when it is one part of several
  const item = claimList(page).locator(`li[data-claim-id="${id}"], li:has([data-part-id="${id}"])`);
  await expect(item.getByTitle('This verdict has no source yet')).toBeVisible();
  await expect(panel.getByTitle('This verdict has no source yet')).toBeVisible();

  // "Add a source first" opens the form and sets the verdict once the source is attached.
  await page.keyboard.press('5');
  await dialog.or(page.getByRole('dialog')).getByRole('button', { name: 'Add a source first' }).click();
  await expect(panel.getByLabel('Address (URL)')).toBeFocused();
  await page.keyboard.type('https://www.rotherham.gov.uk/');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('radio', { name: '5 Half true' })).toBeChecked();
  await expect(item.getByTitle('This verdict has no source yet')).toHaveCount(0);
});

test('tags complete from tags in use; a tag of only spaces is refused', async ({ page }) => {
  const panel = claimPanel(page);
  await page.keyboard.press('t');
  const input = panel.getByRole('combobox', { name: 'Add a tag' });
  await expect(input).toBeFocused();
  await page.keyboard.type('   ');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('alert')).toHaveText(
    'A tag needs at least one letter or digit; spaces alone are not a tag.',
  );
  await input.fill('police numbers');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('list', { name: 'Tags on this claim' })).toContainText('police numbers');

  // Another claim: typing "pol" offers the tag already used.
  await page.keyboard.press('Escape');
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await page.keyboard.press('j');
  await expect(panel.getByRole('list', { name: 'Tags on this claim' })).toHaveCount(0);
  // `j` moves the focus to the claim's entry in the list over the next frames: let it land first
  await expect(claimList(page).locator('.claim-item-text[aria-pressed="true"]')).toBeFocused();
  await page.keyboard.press('t');
  await expect(input).toBeFocused();
  await page.keyboard.type('pol');
  await expect(panel.getByRole('option', { name: /police numbers/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('list', { name: 'Tags on this claim' })).toContainText('police numbers');
});

test('a 100 KB note is kept on screen, not saved, with the reason; nothing freezes', async ({ page }) => {
  const panel = claimPanel(page);
  const notes = panel.getByRole('textbox', { name: 'Notes' });
  const big = 'x'.repeat(102_400);
  await notes.fill(big);
  await expect(
    panel.getByText(/Not saved\. Notes can be at most 20,000 characters; this one has 102,400/),
  ).toBeVisible();
  await expect(notes).toHaveValue(big);
  await notes.fill('Checked with the force press office.');
  await notes.blur();
  await expect(panel.getByText('Saved', { exact: true })).toHaveCount(2);
  await page.reload();
  await expect(claimPanel(page).getByRole('textbox', { name: 'Notes' })).toHaveValue(
    'Checked with the force press office.',
  );
});

test("the claim list's verdict menu asks too, opening the claim, before a rating with no source", async ({
  page,
}) => {
  const item = claimList(page)
    .locator('li[data-claim-id]')
    .filter({ hasText: /the Ministry of Justice to take action/ });
  const id = await item.getAttribute('data-claim-id');
  await item.getByRole('combobox', { name: 'Verdict' }).selectOption('misleading');
  const dialog = page.getByRole('dialog', { name: 'Set “Misleading” without a source?' });
  await expect(dialog).toBeVisible();
  await expect(claimPanel(page)).toHaveAttribute('data-claim-id', id!);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(item.getByRole('combobox', { name: 'Verdict' })).toHaveValue('unchecked');

  // An open verdict needs no source: set at once from the list.
  await item.getByRole('combobox', { name: 'Verdict' }).selectOption('in progress');
  await expect(claimPanel(page).getByRole('radio', { name: '2 In progress' })).toBeChecked();
  await expect(dialog).toBeHidden();
});
