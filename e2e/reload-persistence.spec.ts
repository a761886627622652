import { expect, storedVerdicts, test } from './fixtures';

// An import (the seededArticle fixture, inside the bound), two reloads and a wait for the stored
// verdict: at load 35 it ran out of 60 s, once on its last click and once in the import.
test.describe.configure({ timeout: 120_000 });

test('an imported article and a verdict set on it survive a reload', async ({ page, seededArticle }) => {
  await page.reload();
  await page.getByRole('list').getByRole('link', { name: seededArticle.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: seededArticle.title })).toBeVisible();
  const verdict = page.getByRole('combobox', { name: 'Verdict' }).first();
  await verdict.selectOption('mostly false');
  // A rating with no source asks first (the claim review's confirmation).
  await page.getByRole('dialog').getByRole('button', { name: 'Set without a source' }).click();
  await expect(page.getByText('1 checked')).toBeVisible();
  // The screen shows a verdict before it is written (use-claim-mutations' showVerdict): a reload
  // before the write commits tells nothing about persistence (at load 30 it came back "unchecked").
  await expect.poll(() => storedVerdicts(page)).toContain('mostly false');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Verdict' }).first()).toHaveValue('mostly false');
  await page.getByRole('link', { name: '← Library' }).click();
  const row = page.getByRole('listitem').filter({ hasText: seededArticle.title });
  await expect(row.getByText(/^1\/\d+ checked$/)).toBeVisible();
});
