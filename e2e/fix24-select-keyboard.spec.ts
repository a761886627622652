import { expect, storedVerdicts, test } from './fixtures';
import { claimList, claimPanel, openReference } from './review-helpers';

// Chromium changes a closed select on each arrow key: browsing the verdict list with the keyboard must
// not store every verdict passed (each one a history entry), nor ask about a rating without a source
// before the choice is made.
test('claim list: arrow keys browse the verdict list, Enter sets the verdict shown once', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openReference(page);
  const item = claimList(page).locator('li[data-claim-id]').first();
  await item.getByRole('button').first().click();
  const panel = claimPanel(page);
  await expect(panel).toHaveAttribute('data-claim-id', (await item.getAttribute('data-claim-id'))!);
  await expect(panel.getByText('No changes yet')).toBeVisible();
  const before = await storedVerdicts(page);
  const parts = Number((await item.getAttribute('data-parts')) ?? 1);

  const verdict = item.getByRole('combobox', { name: /^Verdict/ });
  await expect(verdict).toHaveValue('unchecked');
  await verdict.focus();
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp']) await page.keyboard.press(key);
  await expect(verdict).toHaveValue('true');
  await expect(verdict).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await storedVerdicts(page)).toEqual(before);

  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: 'Set “True” without a source?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Set without a source' }).click();
  await expect(ask).toBeHidden();

  await expect(verdict).toHaveValue('true');
  const history = panel.locator('.history-list li');
  await expect(history).toHaveCount(1);
  await expect(history).toContainText('Verdict: Unchecked → True');
  expect((await storedVerdicts(page)).filter((v) => v !== 'unchecked')).toHaveLength(
    before.filter((v) => v !== 'unchecked').length + parts,
  );

  // Escape puts the stored verdict back and keeps the keyboard on the list; leaving then changes nothing.
  await verdict.focus();
  await page.keyboard.press('ArrowUp');
  await expect(verdict).toHaveValue('in progress');
  await page.keyboard.press('Escape');
  await expect(verdict).toHaveValue('true');
  await expect(verdict).toBeFocused();
  await expect(panel).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(verdict).not.toBeFocused();
  await expect(verdict).toHaveValue('true');
  await expect(history).toHaveCount(1);

  // A choice in the list opened with Alt+ArrowDown is as deliberate as a click: stored at once.
  await verdict.focus();
  for (const key of ['Alt+ArrowDown', 'ArrowUp', 'Enter']) await page.keyboard.press(key);
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('Verdict: True → In progress');
  await expect(verdict).toHaveValue('in progress');
});
