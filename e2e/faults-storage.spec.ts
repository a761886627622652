import type { BrowserContext, Page } from '@playwright/test';
import { expect, openLibrary, REFERENCE_TITLE, test } from './fixtures';
import { claimPanel, openReference } from './review-helpers';

/** Uncaught errors on the page: a fault must be explained, never thrown at the console. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message} ${e.stack ?? ''}`));
  return errors;
}

const MILLBROOK_LINE =
  'Council leader Priya Shah said: "The footbridge will reopen before the school term starts."';

/** Pastes an article into the read-only reader and waits for its claims. */
async function readWithoutSaving(page: Page) {
  const reader = page.getByRole('region', { name: 'Read an article without saving' });
  await reader.getByLabel('Article text (or HTML)').fill(`Footbridge to reopen\n\n${MILLBROOK_LINE}\n`);
  await reader.getByRole('button', { name: 'Find the claims' }).click();
  await expect(reader.getByRole('heading', { name: /1 claim \(not saved\)/ })).toBeVisible();
  await expect(reader.getByRole('listitem')).toContainText(
    'The footbridge will reopen before the school term starts.',
  );
  await expect(reader.getByRole('listitem')).toContainText('Priya Shah');
}

const NO_INDEXEDDB: Record<string, () => void> = {
  'no IndexedDB at all': () => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
  },
  'indexedDB.open refused (SecurityError, as in some private modes)': () => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
  },
  'indexedDB.open failing with an error event (InvalidStateError, as in Firefox private mode)': () => {
    IDBFactory.prototype.open = () => {
      const error = new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
      const req = { error, result: undefined, readyState: 'done' } as unknown as IDBOpenDBRequest & {
        onerror: ((e: unknown) => void) | null;
      };
      setTimeout(() =>
        req.onerror?.({ type: 'error', target: req, preventDefault() {}, stopPropagation() {} }),
      );
      return req;
    };
  },
};

for (const [name, breakIt] of Object.entries(NO_INDEXEDDB)) {
  test(`${name}: the app explains, and an article can still be read without saving`, async ({ page }) => {
    const errors = pageErrors(page);
    await page.addInitScript(breakIt);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'cannot open its database' })).toContainText(
      'you can still paste an article and read its claims',
    );
    await readWithoutSaving(page);
    expect(errors).toEqual([]);
  });
}

/**
 * Opens the app in a new tab whose database code is one version newer (a new deployment). The tab
 * notes whether its upgrade was ever `blocked`: Chromium fires that only when another connection
 * stayed open through its `versionchange` event, so it tells an old tab that held on from a page
 * that was merely slow to load.
 */
async function openNewerTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const realOpen = IDBFactory.prototype.open;
    const w = window as unknown as { __upgradeBlocked: boolean };
    w.__upgradeBlocked = false;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      if (name !== 'claimdesk' || version === undefined) return realOpen.call(this, name, version);
      const request = realOpen.call(this, name, version + 10);
      request.addEventListener('blocked', () => {
        w.__upgradeBlocked = true;
      });
      return request;
    } as IDBFactory['open'];
  });
  await page.goto('/');
  return page;
}

const upgradeWasBlocked = (page: Page) =>
  page.evaluate(() => (window as unknown as { __upgradeBlocked: boolean }).__upgradeBlocked);

/** The verdicts of every claim, read straight from IndexedDB. */
function storedVerdicts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('claimdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('claims').objectStore('claims').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(
              Object.fromEntries(req.result.map((c: { id: string; verdict: string }) => [c.id, c.verdict])),
            );
          };
        };
      }),
  );
}

// The two upgrade stories start on an empty profile, so the first tab runs the first run (the reference
// article's extraction and import) before the story begins: under load the 60 s default ran out there
// (twice of two at load 59). The newer tab's "Articles (0)" (session 10, load 70, after a 15 s wait) was
// its Library still loading, not an upgrade held back: no connection of the old tab stays open (each
// closes in its versionchange handler, the search worker's too; probed with every open, blocked and
// versionchange logged, and with the newer tab's CPU throttled 20x: never blocked, the link 3 s after
// the database opened). A new page on a loaded machine simply took more than 15 s to read its list;
// the Library now shows no count until it has one. So the story checks what it means, that the newer
// tab was never blocked, and waits for the link with the suite's usual bound.
const TWO_TABS_FROM_A_FIRST_RUN = 120_000;

test('an upgrade while an old tab is open: the old tab is told to reload, and what it saved is kept', async ({
  page,
  context,
}) => {
  test.setTimeout(TWO_TABS_FROM_A_FIRST_RUN);
  const errors = pageErrors(page);
  await openReference(page);
  await page.keyboard.press('j');
  await expect(claimPanel(page)).toBeVisible();
  await page.keyboard.press('2'); // In progress
  await expect(page.getByTestId('announcer')).toContainText('Verdict set to In progress');

  const newer = await openNewerTab(context);
  await expect(newer.getByRole('link', { name: REFERENCE_TITLE })).toBeVisible();
  // the old tab let go at once (the new one was never blocked) and asks for a reload
  expect(await upgradeWasBlocked(newer)).toBe(false);
  await expect(page.getByRole('alert').filter({ hasText: 'updated in another tab' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  expect(Object.values(await storedVerdicts(newer))).toContain('in progress');

  // A change tried in the old tab now is refused out loud, not lost silently.
  await page.keyboard.press('1'); // back to Unchecked, on the same claim
  await expect(page.getByText(/updated in another tab; reload/).first()).toBeVisible();
  expect(Object.values(await storedVerdicts(newer))).toContain('in progress');
  expect(errors).toEqual([]);
  await newer.close();
});

test('an upgrade blocked by an old tab that does not let go: the new tab says why it waits, then goes on', async ({
  page,
  context,
}) => {
  test.setTimeout(TWO_TABS_FROM_A_FIRST_RUN);
  await openLibrary(page);
  // An old tab from a deployment without the versionchange handler: holds its connection open.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('claimdesk');
        open.onsuccess = () => {
          (window as unknown as { __held: IDBDatabase }).__held = open.result;
          resolve();
        };
      }),
  );
  const newer = await openNewerTab(context);
  await expect(
    newer.getByRole('status').filter({ hasText: 'waiting for its other open tabs' }),
  ).toBeVisible();
  await page.evaluate(() => (window as unknown as { __held: IDBDatabase }).__held.close());
  await expect(newer.getByRole('link', { name: REFERENCE_TITLE })).toBeVisible();
  await expect(newer.getByText('waiting for its other open tabs')).toHaveCount(0);
  expect(await upgradeWasBlocked(newer)).toBe(true); // the check can fail: it saw this one held back
  await newer.close();
});
