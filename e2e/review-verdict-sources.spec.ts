import { expect, test } from './fixtures';
import { claimPanel, openReference, selectClaim } from './review-helpers';

test('set a verdict with two sources by keyboard, reload and find it all', async ({ page }) => {
  await openReference(page);
  await page.keyboard.press('j');
  const panel = claimPanel(page);
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/^Claim 1 of \d+$/);

  // First source: s opens the form with the address focused; Enter submits.
  await page.keyboard.press('s');
  await expect(panel.getByLabel('Address (URL)')).toBeFocused();
  await page.keyboard.insertText('https://www.gov.uk/government/publications/jay-report');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('Independent Inquiry into Child Sexual Exploitation in Rotherham');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('Rotherham MBC');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Sources (1)' })).toBeVisible();
  await expect(panel.getByRole('button', { name: /Add a source/ })).toBeFocused();

  // Second source, refuting, with a quoted passage.
  await page.keyboard.press('s');
  await expect(panel.getByLabel('Address (URL)')).toBeFocused();
  await page.keyboard.insertText('https://www.bbc.co.uk/news/uk-england-south-yorkshire');
  await page.keyboard.press('Tab');
  await page.keyboard.type('BBC report');
  await panel.getByRole('radio', { name: 'Refutes' }).focus();
  await page.keyboard.press('Space');
  await panel.getByLabel('Quoted passage').focus();
  await page.keyboard.insertText('Police said reports were investigated.');
  await panel.getByLabel('Note on this source').focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Sources (2)' })).toBeVisible();

  // 7 = False: with sources, no confirmation is needed.
  await page.keyboard.press('7');
  await expect(panel.getByRole('radio', { name: /False/, exact: false }).first()).toBeChecked();
  await expect(page.getByTestId('announcer')).toContainText('Verdict set to False');

  await page.reload();
  const again = claimPanel(page);
  await expect(again).toBeVisible();
  await expect(again.getByRole('heading', { level: 2 })).toHaveText(/^Claim 1 of \d+$/);
  await expect(again.getByRole('radio', { name: '7 False' })).toBeChecked();
  await expect(again.getByRole('heading', { name: 'Sources (2)' })).toBeVisible();
  await expect(
    again.getByRole('link', { name: 'Independent Inquiry into Child Sexual Exploitation in Rotherham' }),
  ).toHaveAttribute('href', 'https://www.gov.uk/government/publications/jay-report');
  await expect(again.getByText('Police said reports were investigated.')).toBeVisible();
  await expect(again.getByRole('combobox', { name: /How BBC report relates/ })).toHaveValue('refutes');
  await expect(again.getByText('Verdict: Unchecked → False')).toBeVisible();
});

test('a source already in the library is found as you type and shared by a second claim', async ({
  page,
}) => {
  await openReference(page);
  await selectClaim(page, /some 35 active/);
  const panel = claimPanel(page);
  await panel.getByRole('button', { name: /Add a source/ }).click();
  await panel.getByLabel('Address (URL)').fill('https://www.gov.uk/government/publications/jay-report');
  await panel.getByLabel('Title').fill('Jay report 2014');
  await panel.getByLabel('Publisher').fill('Rotherham MBC');
  await panel.getByRole('button', { name: 'Attach source' }).click();
  await expect(panel.getByRole('heading', { name: 'Sources (1)' })).toBeVisible();

  await selectClaim(page, /the Ministry of Justice to take action/);
  await page.keyboard.press('s');
  await panel.getByRole('radio', { name: 'From the library' }).check();
  const search = panel.getByRole('combobox', { name: 'Search the library' });
  await search.fill('rotherham mb');
  await panel.getByRole('option', { name: /Jay report 2014/ }).click();
  await panel.getByRole('radio', { name: 'Gives context' }).check();
  await panel.getByRole('button', { name: 'Attach source' }).click();
  await expect(panel.getByRole('link', { name: 'Jay report 2014' })).toBeVisible();
  await expect(panel.getByRole('combobox', { name: /How Jay report 2014 relates/ })).toHaveValue('context');
});
