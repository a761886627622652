import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { KELSEY_PROFILE } from './seeded-profile';
import { SEED_FAILURE, seedContext } from './seeded-profile-restore';

// The starting profile of every story is restored by e2e/seeded-profile-restore.ts, not by Playwright:
// what it writes must be what Playwright stored, record for record (session 9's version dropped the
// whole database on the first string inside an encoded value, and the app's first run hid it).

/** A page of the app's origin that does not start the app, then waits for the restore to be over. */
async function openOriginWithoutApp(page: Page) {
  await page.route('**/seed-check', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<p>seed</p>' }),
  );
  await page.goto('/seed-check');
  // an open of the database queues behind the restore's upgrade
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('claimdesk');
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

const storedDbs = (file: string) => JSON.parse(readFileSync(file, 'utf8')).origins[0].indexedDB;

test.describe('the Kelsey profile', () => {
  test.use({ seedProfile: KELSEY_PROFILE });
  test('is restored in the story’s own page with every store, index and record Playwright stored', async ({
    page,
    context,
  }) => {
    await openOriginWithoutApp(page);
    // the declared type leaves out the IndexedDB that `indexedDB: true` adds
    const { origins } = (await context.storageState({ indexedDB: true })) as {
      origins: { origin: string; indexedDB?: unknown }[];
    };
    expect(origins.map((o) => o.origin)).toEqual([new URL(page.url()).origin]);
    expect(origins[0]!.indexedDB).toEqual(storedDbs(KELSEY_PROFILE));
  });
});

test('a record the restore cannot write fails the story, instead of leaving the app an empty profile', async ({
  browser,
}, testInfo) => {
  const state = JSON.parse(readFileSync(KELSEY_PROFILE, 'utf8'));
  const claims = state.origins[0].indexedDB[0].stores.find((s: { name: string }) => s.name === 'claims');
  claims.records[0] = { valueEncoded: { fn: 'not a stored value' } };
  const broken = testInfo.outputPath('broken-profile.json');
  writeFileSync(broken, JSON.stringify(state));

  const context = await browser.newContext();
  const check = await seedContext(context, broken);
  await openOriginWithoutApp(await context.newPage());
  await expect
    .poll(() => {
      try {
        check();
        return 'passed';
      } catch (error) {
        return String(error);
      }
    })
    .toContain(`${SEED_FAILURE} claimdesk Error: unknown encoded value`);
  await context.close();
});
