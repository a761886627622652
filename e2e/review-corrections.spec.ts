import { expect, test } from './fixtures';
import { claimList, claimPanel, openReference, selectArticleText, selectClaim } from './review-helpers';

test.beforeEach(async ({ page }) => {
  await openReference(page);
});

const speakerGroup = (page: import('@playwright/test').Page, name: string) =>
  claimList(page).getByRole('region', { name: new RegExp(name) });

test("reassign Stafford's request claim to another speaker in two clicks, then undo it", async ({ page }) => {
  await selectClaim(page, /the Ministry of Justice to take action/);
  const panel = claimPanel(page);
  const id = await panel.getAttribute('data-claim-id');
  await expect(panel.locator('.speaker-line')).toContainText('Alexander Stafford');
  await expect(speakerGroup(page, 'Alexander Stafford').locator(`li[data-claim-id="${id}"]`)).toBeVisible();

  // Two clicks: open the picker, choose the speaker.
  await panel.getByRole('combobox', { name: 'Reassign to' }).click();
  await panel.getByRole('option', { name: /James Cartlidge/ }).click();
  await expect(panel.locator('.speaker-line')).toContainText('James Cartlidge');
  await expect(speakerGroup(page, 'James Cartlidge').locator(`li[data-claim-id="${id}"]`)).toBeVisible();
  await expect(panel.getByText('Speaker: Alexander Stafford → James Cartlidge')).toBeVisible();

  // Ctrl+Z (outside a text field) undoes it, and says so.
  await panel.getByRole('heading', { level: 2 }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.toast').filter({ hasText: 'Undid: Reassign 1 claim' })).toBeVisible();
  await expect(panel.locator('.speaker-line')).toContainText('Alexander Stafford');
  await expect(speakerGroup(page, 'Alexander Stafford').locator(`li[data-claim-id="${id}"]`)).toBeVisible();
  await expect(panel.getByText('Undo: Speaker: James Cartlidge → Alexander Stafford')).toBeVisible();

  // …and Ctrl+Shift+Z redoes it.
  await page.keyboard.press('Control+Shift+z');
  await expect(panel.locator('.speaker-line')).toContainText('James Cartlidge');

  // The history offers to undo that one change again.
  await panel
    .locator('.history-list li')
    .filter({ hasText: /^[^U]*Speaker: Alexander Stafford → James Cartlidge/ })
    .getByRole('button', { name: 'Undo this change' })
    .click();
  await expect(panel.locator('.speaker-line')).toContainText('Alexander Stafford');
});

test('reassign to a new speaker typed into the picker', async ({ page }) => {
  await selectClaim(page, /the Ministry of Justice to take action/);
  const panel = claimPanel(page);
  await page.keyboard.press('r');
  await expect(panel.getByRole('combobox', { name: 'Reassign to' })).toBeFocused();
  await page.keyboard.type('Rother Valley Conservatives');
  await panel.getByRole('option', { name: /New speaker “Rother Valley Conservatives”/ }).click();
  await expect(panel.locator('.speaker-line')).toContainText('Rother Valley Conservatives');
  await expect(speakerGroup(page, 'Rother Valley Conservatives')).toBeVisible();
});

test('add a claim by hand: pick its kind and speaker, change the kind later', async ({ page }) => {
  const phrase = 'an independent inquiry, led by Professor Alexis Jay in 2014';
  const before = await claimList(page).locator('li[data-claim-id]').count();
  await selectArticleText(page, phrase);
  const add = page.getByRole('button', { name: /Add claim/ });
  await expect(add).toBeVisible();
  await add.click();
  const dialog = page.getByRole('dialog', { name: 'Add a claim' });
  await dialog.getByLabel('Kind', { exact: true }).selectOption({ label: 'Reported speech' });
  await dialog.getByLabel('Speaker', { exact: true }).selectOption({ label: 'Alan Billings' });
  await dialog.getByRole('button', { name: 'Add claim' }).click();
  const panel = claimPanel(page);
  await expect(panel.locator('.claim-badges')).toContainText('Added by hand');
  await expect(panel.locator('.claim-badges')).toContainText('Reported speech');
  await expect(panel.locator('.speaker-line')).toContainText('Alan Billings');
  await panel.getByLabel('Kind', { exact: true }).selectOption({ label: 'Partly quoted' });
  await expect(panel.locator('.claim-badges')).toContainText('Partly quoted');
  await expect(panel.locator('.claim-context mark')).toHaveText(phrase);
  await expect(claimList(page).locator('li[data-claim-id]')).toHaveCount(before + 1);
  await expect(panel.getByRole('combobox', { name: 'Reassign to' })).toBeFocused();
  await page.keyboard.type('Alexis Jay');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(panel.locator('.speaker-line')).toContainText('Alexis Jay');
  await expect(
    page.locator(`.claim-mark[data-claim-id="${await panel.getAttribute('data-claim-id')}"]`),
  ).toHaveText(phrase);

  // The keyboard way: leave the field (Esc), select, then n.
  await page.keyboard.press('Escape');
  await selectArticleText(page, 'Dr Alan Billings has spoken out');
  await page.keyboard.press('n');
  await page.getByRole('dialog', { name: 'Add a claim' }).getByRole('button', { name: 'Add claim' }).click();
  await expect(claimList(page).locator('li[data-claim-id]')).toHaveCount(before + 2);
});

test('edit a span by selecting text (e, select, Enter), split and merge, delete and restore', async ({
  page,
}) => {
  await selectClaim(page, /some 35 active/);
  const panel = claimPanel(page);
  const id = await panel.getAttribute('data-claim-id');
  await page.keyboard.press('e');
  await expect(panel.getByText(/Select the claim’s new words/)).toBeVisible();
  await selectArticleText(page, 'there are currently some 35 active cases in the borough');
  await page.getByRole('button', { name: /Use as claim text/ }).click();
  await expect(panel.locator('.claim-context mark')).toHaveText(
    'there are currently some 35 active cases in the borough',
  );
  await expect(panel.getByText(/^Text: “The teams that work/)).toBeVisible();

  // Split at the suggested point, then merge the halves back.
  await panel.getByRole('button', { name: 'Split…' }).click();
  const count = await claimList(page).locator('li[data-claim-id]').count();
  await panel.getByRole('button', { name: 'Split here' }).click();
  await expect(claimList(page).locator('li[data-claim-id]')).toHaveCount(count + 1);
  await selectClaim(page, /there are currently some/);
  await claimPanel(page).getByRole('button', { name: 'Merge with next' }).click();
  await expect(claimList(page).locator('li[data-claim-id]')).toHaveCount(count);
  // The merge's toast undoes it (the halves come back); merge them again.
  await page
    .locator('.toast')
    .filter({ hasText: 'Claims merged' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(claimList(page).locator('li[data-claim-id]')).toHaveCount(count + 1);
  await claimPanel(page).getByRole('button', { name: 'Merge with next' }).click();
  await expect(claimList(page).locator('li[data-claim-id]')).toHaveCount(count);
  await expect(claimPanel(page).locator('.claim-context mark')).toHaveText(
    'there are currently some 35 active cases in the borough',
  );

  // Delete, then Undo from the toast.
  await claimPanel(page).getByRole('button', { name: 'Delete claim' }).click();
  // The claim may be a part of a quotation's entry: its words carry its id.
  await expect(claimList(page).locator(`.claim-part-text[data-part-id="${id}"]`)).toHaveCount(0);
  await page
    .locator('.toast')
    .filter({ hasText: 'Claim deleted' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(claimList(page).locator(`.claim-part-text[data-part-id="${id}"]`)).toHaveCount(1);
  await expect(claimPanel(page)).toHaveAttribute('data-claim-id', id!);
});

test('merge two speakers (names become aliases, claims follow) and rename one', async ({ page }) => {
  await selectClaim(page, /the Ministry of Justice to take action/);
  const panel = claimPanel(page);
  await panel.getByRole('button', { name: 'Merge another speaker into this one…' }).click();
  await panel.getByRole('combobox', { name: 'Merge into Alexander Stafford' }).click();
  await panel.getByRole('option', { name: /James Cartlidge/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge James Cartlidge into Alexander Stafford?' });
  await expect(dialog).toContainText('3 claims move to Alexander Stafford');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(speakerGroup(page, 'James Cartlidge')).toHaveCount(0);
  // Five claims: Cartlidge's quotation in three parts stays one entry beside Stafford's own.
  await expect(speakerGroup(page, 'Alexander Stafford').locator('.claim-part-text')).toHaveCount(5);
  const more = panel.getByRole('button', { name: /^and \d+ more$/ });
  if (await more.count()) await more.click();
  await expect(panel.getByText(/Also called: .*James Cartlidge/)).toBeVisible();

  await panel.getByRole('button', { name: 'Rename speaker…' }).click();
  await panel.getByRole('textbox', { name: 'Name' }).fill('Alexander Stafford MP');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(speakerGroup(page, 'Alexander Stafford MP')).toBeVisible();
});
