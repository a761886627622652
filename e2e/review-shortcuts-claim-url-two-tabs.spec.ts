import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { claimPanel, openReference, selectClaim } from './review-helpers';

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

/** The verdict of one claim as stored in IndexedDB now (not what a screen shows ahead of the write). */
function storedVerdictOf(page: Page, claimId: string): Promise<string | undefined> {
  return page.evaluate(
    (id) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('claimdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('claims').objectStore('claims').get(id);
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as { verdict: string } | undefined)?.verdict);
          };
        };
      }),
    claimId,
  );
}

test("two tabs editing the same claim: the other tab's change is reported, nothing is lost, history shows both", async ({
  page,
  context,
}) => {
  // Two tabs, each loading the app: some 45-55 s at load 25-30, too near the default bound of 60 s.
  test.setTimeout(120_000);
  // Both tabs' timers run on one clock the story can stop: this tab's note must be saved after the other
  // tab's verdict is stored. On real timers its autosave (800 ms after typing) could run first on a busy
  // machine; the other tab's write would then be the later one, and the notice would go to that tab.
  await context.clock.install();
  await openReference(page);
  await selectClaim(page, /some 35 active/);
  const claimId = (await claimPanel(page).getAttribute('data-claim-id'))!;
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  const mine = claimPanel(page);
  const theirs = claimPanel(other);
  await expect(theirs).toBeVisible();

  // This tab starts a note; the other tab sets a verdict meanwhile; this tab's note is then saved.
  const notes = mine.getByRole('textbox', { name: 'Notes' });
  await theirs.getByRole('heading', { level: 2 }).focus();
  // Paused a few seconds ahead of this tab's clock: with 1 s, a busy machine let a tab's clock pass the
  // target before the pause reached it ('Cannot fast-forward to the past', lean24 at load 20).
  await context.clock.pauseAt((await page.evaluate(() => Date.now())) + 5000);
  await notes.fill('Asked the force for the case count.');
  await other.keyboard.press('2');
  await expect(theirs.getByRole('radio', { name: '2 In progress' })).toBeChecked();
  await expect.poll(() => storedVerdictOf(other, claimId)).toBe('in progress');
  await context.clock.resume();
  await notes.blur();
  await expect(mine.getByRole('alert').filter({ hasText: /Another tab changed the verdict/ })).toBeVisible();
  await expect(mine.getByRole('radio', { name: '2 In progress' })).toBeChecked();

  // Both edits are in both tabs' history.
  await expect(theirs.getByText('Verdict: Unchecked → In progress')).toBeVisible();
  await expect(mine.getByText(/^Notes: empty → “Asked the force/)).toBeVisible();
  await expect(theirs.getByText(/^Notes: empty → “Asked the force/)).toBeVisible();
  await other.close();
});
