import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  connect,
  newProfile,
  newTeam,
  openFirstClaim,
  openTeam,
  syncState,
  waitUpToDate,
} from './sync-helpers';

// The real service worker: the offline story is about it (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

// Two first syncs, two offline edits and three syncs after: at load 40 it ran out of 180 s in a first sync.
test.describe.configure({ timeout: 300_000 });

const RATING = 'Why this verdict, in a sentence or two';

async function writeRating(page: Page, text: string) {
  const panel = await openFirstClaim(page);
  const field = panel.getByPlaceholder(RATING);
  await field.fill(text);
  await field.blur();
  await expect(panel.getByText(`Rating explanation: empty → “${text}”`)).toBeVisible();
}

/**
 * Back online, and sync at once (instead of waiting for the back-off's next try). First the Team
 * screen must count the offline edit as waiting: until the sync (in its worker) has seen the write,
 * the screen still shows the "Up to date, 0 waiting" of before the edit, and a wait for "up to date"
 * passed at once on a loaded machine; B's edit then reached the server before A's, and the conflict
 * was met by A, not B.
 */
async function reconnect(page: Page) {
  await openTeam(page);
  await expect(page.getByTestId('sync-pending')).not.toHaveText('0', { timeout: 45_000 });
  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Sync now' }).click();
}

test('offline edits to one claim on two profiles meet as a conflict: both values shown, one chosen, both in history', async ({
  browser,
  baseURL,
}) => {
  const team = await newTeam({ members: 2 });
  const a = await newProfile(browser, baseURL);
  const b = await newProfile(browser, baseURL);
  await connect(a.page, team, team.members[0]!);
  await connect(b.page, team, team.members[1]!);

  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await writeRating(a.page, 'Checked with the council: figures confirmed.');
  await writeRating(b.page, 'The council did not answer.');

  // A is sent first; B's edit then meets A's on the server.
  await reconnect(a.page);
  await waitUpToDate(a.page);
  await reconnect(b.page);
  await expect(syncState(b.page)).toHaveAttribute('data-state', 'idle', { timeout: 45_000 });
  await expect(b.page.getByTestId('sync-conflicts')).not.toHaveText('0', { timeout: 45_000 });

  const panel = await openFirstClaim(b.page);
  const conflict = panel.getByRole('region', { name: 'Sync conflict' });
  await expect(conflict).toBeVisible();
  const field = conflict.getByRole('group', { name: 'Rating explanation' });
  await expect(field.getByText('The council did not answer.')).toBeVisible();
  await expect(field.getByText('Checked with the council: figures confirmed.')).toBeVisible();
  // History already holds both values.
  await expect(panel.getByText(/Sync conflict, both values kept.*Rating explanation/)).toBeVisible();

  // The newer edit (B's) is kept for now; B chooses the team's words instead.
  await expect(panel.getByPlaceholder(RATING)).toHaveValue('The council did not answer.');
  await field.getByRole('radio', { name: /^The team’s/ }).check();
  await conflict.getByRole('button', { name: 'Keep the chosen values' }).click();
  await expect(conflict.getByRole('group', { name: 'Rating explanation' })).toBeHidden();
  await expect(panel.getByPlaceholder(RATING)).toHaveValue('Checked with the council: figures confirmed.');
  await expect(panel.getByText(/Sync conflict settled: Rating explanation/)).toBeVisible();

  // The settled value and its history reach A.
  const panelA = await openFirstClaim(a.page);
  await expect(panelA.getByText(/Sync conflict settled: Rating explanation/)).toBeVisible({
    timeout: 45_000,
  });
  await expect(panelA.getByPlaceholder(RATING)).toHaveValue('Checked with the council: figures confirmed.');

  await a.context.close();
  await b.context.close();
});
