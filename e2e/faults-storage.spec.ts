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

/** Opens the app in a new tab whose database code is one version newer (a new deployment). */
async function openNewerTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const realOpen = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
      return name === 'claimdesk' && version !== undefined
        ? realOpen.call(this, name, version + 10)
        : realOpen.call(this, name, version);
    } as IDBFactory['open'];
  });
  await page.goto('/');
  return page;
}

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
// article's extraction and import) before the story begins. Under load the 60 s default ran out there,
// in the first tab's openLibrary (twice of two at load 59): a bound for that work. Not the whole cause:
// with 120 s, one run at load 70 then failed at the newer tab's link (its Library "Articles (0)" after
// 15 s), still to be explained (docs/PERFORMANCE.md, suite10b).
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
  await expect(newer.getByRole('link', { name: REFERENCE_TITLE })).toBeVisible({ timeout: 15_000 });
  // the old tab let go at once (the new one was not blocked) and asks for a reload
  await expect(page.getByRole('alert').filter({ hasText: 'updated in another tab' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  expect(Object.values(await storedVerdicts(newer))).toContain('in progress');

  // A change tried in the old tab now is refused out loud, not lost silently.
  await page.keyboard.press('1'); // back to Unchecked, on the same claim
  await expect(page.getByText(/updated in another tab; reload/).first()).toBeVisible({ timeout: 15_000 });
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
  await newer.close();
});
