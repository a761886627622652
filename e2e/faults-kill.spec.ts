import type { Page } from '@playwright/test';
import { KELSEY } from './claims-table-fixtures';
import { expect, importStatus, openLibrary, pasteArticle, test } from './fixtures';
import { type Dump, dumpDb, expectWholeOrAbsent, KillableBrowser } from './kill-helpers';

/** A long article (about 360 claims), distinct by its headline, so its import is one big transaction. */
const bigArticle = (n: number) =>
  `Harbour answers, part ${n}\n\n${Array.from({ length: 6 }, () => KELSEY.text.split('\n').slice(1).join('\n')).join('\n')}`;

const live = <T extends { deletedAt?: unknown }>(rows: T[]) => rows.filter((r) => r.deletedAt == null);
const tagged = (dump: Dump, tag: string) => dump.claims.filter((c) => c.tags.includes(tag));
const TAG = 'kill-test';

async function lastChangeBatch(dump: Dump) {
  const changes = dump.history.filter((h) => (h.batchKind ?? 'change') === 'change');
  return changes.sort((a, b) => a.at - b.at || (a.batchId < b.batchId ? -1 : 1)).at(-1)!.batchId;
}

async function selectAllAndTag(page: Page) {
  await page.goto('/claims');
  await expect(page.locator('.claims-count')).toContainText(/\d+ claims/);
  await page.getByRole('checkbox', { name: /^Select all .* matching claims$/ }).click();
  await expect(page.locator('.claims-count')).toContainText('selected');
  const bulk = page.getByRole('region', { name: 'Bulk actions' });
  await bulk.getByLabel('Tag to add').fill(TAG);
  await bulk.getByRole('button', { name: 'Add tag' }).click();
}

test('the browser killed during an import and during a bulk edit: whole or absent, and undo still works', async ({
  baseURL,
}) => {
  test.setTimeout(300_000);
  const browser = new KillableBrowser(baseURL!);
  try {
    // 1. Kill while an article's import is being saved.
    let page = await browser.start();
    await openLibrary(page);
    for (const n of [1, 2]) {
      await pasteArticle(page, bigArticle(n));
      await expect(importStatus(page)).toContainText('Imported Harbour answers', { timeout: 60_000 });
    }
    await pasteArticle(page, bigArticle(3));
    await expect(importStatus(page)).toContainText('Saving…', { timeout: 60_000 });
    await browser.kill();

    page = await browser.start();
    await openLibrary(page);
    let dump = await dumpDb(page);
    expectWholeOrAbsent(dump);
    expect(live(dump.articles).length).toBeGreaterThanOrEqual(3); // reference, parts 1 and 2 (and 3 if it committed)
    const part3 = dump.articles.some((a) => a.title === 'Harbour answers, part 3');
    test
      .info()
      .annotations.push({ type: 'import kill', description: part3 ? 'part 3 committed' : 'part 3 absent' });

    // 2. Kill right after a bulk tag of every claim starts.
    const claimTotal = live(dump.claims).length;
    await selectAllAndTag(page);
    await browser.kill();

    page = await browser.start();
    await openLibrary(page);
    dump = await dumpDb(page);
    expectWholeOrAbsent(dump);
    const tagCount = tagged(dump, TAG).length;
    expect([0, claimTotal]).toContain(tagCount);
    test
      .info()
      .annotations.push({ type: 'bulk-tag kill', description: `${tagCount} of ${claimTotal} tagged` });
    const tagEntries = dump.history.filter((h) => (h.to?.tags as string[] | undefined)?.includes(TAG));
    expect(tagEntries).toHaveLength(tagCount);
    expect(new Set(tagEntries.map((h) => h.batchId)).size).toBe(tagCount === 0 ? 0 : 1);

    // 3. Undo after the crash undoes the last whole step.
    const target = await lastChangeBatch(dump);
    await page.locator('body').press('Control+z');
    await expect(page.getByText(/^Undid/).first()).toBeVisible({ timeout: 30_000 });
    dump = await dumpDb(page);
    expectWholeOrAbsent(dump);
    expect(dump.history.some((h) => h.batchKind === 'undo' && h.target === target)).toBe(true);
    expect(tagged(dump, TAG)).toHaveLength(0);
    if (tagCount === 0) {
      // the last step was an import: its article and claims are in the trash
      const imported = dump.history.find((h) => h.batchId === target && h.table === 'articles')!;
      expect(dump.articles.find((a) => a.id === imported.rowId)?.deletedAt).not.toBeNull();
    }
  } finally {
    await browser.dispose();
  }
});
