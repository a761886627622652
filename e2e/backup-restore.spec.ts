import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BACKUP_TABLES } from '../src/core/export/backup-table-names';
import { expect, openLibrary, REFERENCE_TITLE, test } from './fixtures';
import { EMPTY_PROFILE } from './seeded-profile';

/**
 * Every table a backup holds, each sorted by key, read straight from IndexedDB; history entries
 * from both of history's stores (a batch row's entries, src/db/history-batches.ts, beside single
 * rows: a restore writes single rows) by id, without their batch-head marks (`hd`, derived:
 * src/db/history-heads.ts, left out of backups), claims
 * without their hot keys (`hk`, derived: src/db/derived/hot-keys.ts, never read above the app's
 * middleware), meta without the undo floor a restore writes about itself (src/db/meta.ts).
 */
const dump = (page: Page) =>
  page.evaluate(
    (names) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('claimdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...names, 'historyBatches']);
          const out: Record<string, unknown[]> = {};
          let inRows: Record<string, unknown>[] = [];
          const rows = tx.objectStore('historyBatches').getAll();
          rows.onsuccess = () => {
            inRows = (rows.result as { entries: Record<string, unknown>[] }[]).flatMap((r) => r.entries);
          };
          for (const n of names) {
            const q = tx.objectStore(n).getAll();
            q.onsuccess = () => {
              out[n] =
                n === 'history'
                  ? (q.result as Record<string, unknown>[]).map(({ hd: _, ...entry }) => entry)
                  : n === 'claims'
                    ? (q.result as Record<string, unknown>[]).map(({ hk: _, ...claim }) => claim)
                    : n === 'meta'
                      ? (q.result as { key: string }[]).filter((m) => m.key !== 'undoFloor')
                      : q.result;
            };
          }
          tx.oncomplete = () => {
            db.close();
            out.history = [...(out.history as { id: string }[]), ...(inRows as { id: string }[])].sort(
              (a, b) => (a.id < b.id ? -1 : 1),
            );
            resolve(out);
          };
        };
      }),
    [...BACKUP_TABLES],
  );

async function downloadBackup(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  await expect(page.getByText(/^Backup saved as claimdesk-backup-/)).toBeVisible();
  return readFileSync(await download.path(), 'utf8');
}

const restoreInput = (page: Page) => page.getByLabel('Restore from a backup file');

/** Opens Settings and chooses `backup` to restore (the preview follows). */
async function chooseBackup(page: Page, backup: string, name = 'backup.json') {
  await page.getByRole('link', { name: 'Settings' }).click();
  await restoreInput(page).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(backup),
  });
}

/** Replaces the library with `backup` through the Settings screen, as a person would. */
async function replaceLibrary(page: Page, backup: string, name = 'backup.json') {
  await chooseBackup(page, backup, name);
  await expect(page.getByRole('table')).toContainText('claims');
  await page.getByRole('radio', { name: /Replace/ }).check();
  await page.getByRole('button', { name: 'Replace my library…' }).click();
  await page
    .getByRole('dialog', { name: 'Replace the library?' })
    .getByRole('button', { name: 'Replace', exact: true })
    .click();
  await expect(page.getByText(`Replaced the library with ${name}`, { exact: false })).toBeVisible({
    timeout: 30_000,
  });
}

/** buildFullLibrary() exported by the app's backup code (npm run fixtures:backup). */
const FULL_LIBRARY = readFileSync(new URL('./data/full-library-backup.json', import.meta.url), 'utf8');

test.describe('backup and restore', () => {
  test.describe.configure({ timeout: 120_000 });

  test('round trip into a fresh browser profile gives back exactly the same rows', async ({
    page,
    browser,
  }) => {
    await openLibrary(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Organisation name').fill('Check Desk');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    const backup = await downloadBackup(page);
    const before = await dump(page);
    expect(before.claims!.length).toBeGreaterThan(5);

    const fresh = await browser.newContext({ storageState: EMPTY_PROFILE });
    const other = await fresh.newPage();
    // seeds its own copy of the reference article: the same article, claim and speaker ids (derived
    // from the content), its own history ids
    await openLibrary(other);
    await chooseBackup(other, backup);
    await expect(other.getByRole('table')).toContainText('claims');
    await other.getByRole('radio', { name: /Replace/ }).check();
    await expect(other.getByRole('table').getByRole('columnheader', { name: 'Delete' })).toBeVisible();
    await other.getByRole('button', { name: 'Replace my library…' }).click();
    const confirm = other.getByRole('dialog', { name: 'Replace the library?' });
    // the fresh profile's first-run article is the app's doing: no history of its own to lose
    await expect(confirm).not.toContainText(/Replace deletes|history entries|articles|claims|speakers/);
    await expect(confirm).toContainText(/rows you have will be overwritten by the backup’s version/);
    await confirm.getByRole('button', { name: 'Replace', exact: true }).click();
    await expect(other.getByText(/^Replaced the library with backup\.json/)).toBeVisible({ timeout: 30_000 });
    expect(await dump(other)).toEqual(before);
    await fresh.close();
  });

  test('merged into a fresh profile, which seeded the same article since, a backup gives back its verdicts', async ({
    page,
    browser,
  }) => {
    await openLibrary(page);
    await page.getByRole('link', { name: REFERENCE_TITLE }).click();
    const verdicts = page.getByRole('combobox', { name: 'Verdict' });
    for (const [i, verdict] of [
      [0, 'false'],
      [2, 'true'],
    ] as const) {
      await verdicts.nth(i).selectOption(verdict);
      await page.getByRole('dialog').getByRole('button', { name: 'Set without a source' }).click();
      await expect(verdicts.nth(i)).toHaveValue(verdict);
    }
    const backup = await downloadBackup(page);
    const reviewed = (await dump(page)).claims as { id: string; verdict: string }[];
    expect(reviewed.filter((c) => c.verdict !== 'unchecked')).toHaveLength(2);

    // a fresh profile seeds its own copy of the article, later: newer rows nobody reviewed
    const fresh = await browser.newContext({ storageState: EMPTY_PROFILE });
    const other = await fresh.newPage();
    await openLibrary(other);
    await chooseBackup(other, backup);
    const claimsRow = other.getByRole('table').getByRole('row', { name: /^claims/ });
    await expect(claimsRow).toBeVisible();
    // add, change, leave alone, keep yours: the two reviewed claims change, no conflict
    await expect(claimsRow.getByRole('cell').nth(1)).toHaveText('2');
    await expect(other.getByText(/conflicts \(/)).toHaveCount(0);
    await other.getByRole('button', { name: 'Merge into my library' }).click();
    await expect(other.getByText(/^Restored backup\.json: .*; 0 conflicts kept in history\./)).toBeVisible({
      timeout: 30_000,
    });
    const merged = (await dump(other)).claims as { id: string; verdict: string }[];
    const verdictOf = (rows: { id: string; verdict: string }[]) =>
      Object.fromEntries(rows.map((c) => [c.id, c.verdict]));
    expect(verdictOf(merged)).toEqual(verdictOf(reviewed));
    await other.getByRole('link', { name: 'Library' }).click();
    await other.getByRole('link', { name: REFERENCE_TITLE }).click();
    await expect(other.getByRole('combobox', { name: 'Verdict' }).nth(0)).toHaveValue('false');
    await expect(other.getByRole('combobox', { name: 'Verdict' }).nth(2)).toHaveValue('true');
    await fresh.close();
  });

  test('round trip of a library with every kind of row and edit is exact across browser profiles', async ({
    page,
    browser,
  }) => {
    await openLibrary(page);
    await replaceLibrary(page, FULL_LIBRARY, 'full-library-backup.json');
    const restored = await dump(page);
    for (const t of BACKUP_TABLES) expect(restored[t]!.length, t).toBeGreaterThan(0);
    const fixture = JSON.parse(FULL_LIBRARY) as { tables: Record<string, unknown[]> };
    expect(restored).toEqual(fixture.tables);
    const backup = await downloadBackup(page);

    const fresh = await browser.newContext({ storageState: EMPTY_PROFILE });
    const other = await fresh.newPage();
    await openLibrary(other);
    await replaceLibrary(other, backup);
    expect(await dump(other)).toEqual(await dump(page));
    await fresh.close();
  });

  test('bad backups get a clear message and change nothing', async ({ page }) => {
    await openLibrary(page);
    const backup = await downloadBackup(page);
    const before = await dump(page);
    const json = JSON.parse(backup);
    const collide = structuredClone(json);
    collide.tables.claims[0].articleId = 'another-article';
    const cases: [string, string, RegExp][] = [
      ['truncated.json', backup.slice(0, Math.floor(backup.length / 2)), /cut short|damaged/],
      ['newer.json', backup.replace('"version":2', '"version":3'), /newer version of Claimdesk/],
      ['notes.json', '{"notes":[1,2,3]}', /not a Claimdesk backup/],
      ['proto.json', backup.replace('"tags":[', '"__proto__":{"x":1},"tags":['), /key named "__proto__"/],
      [
        'collide.json',
        JSON.stringify(collide),
        /refers to the article another-article|same id as a different row/,
      ],
    ];
    for (const [name, text, message] of cases) {
      await restoreInput(page).setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await expect(page.getByRole('alert')).toContainText(message);
      await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
      await expect(
        page.getByRole('button', { name: /Merge into my library|Replace my library/ }),
      ).toHaveCount(0);
    }
    expect(await dump(page)).toEqual(before);
  });
});
