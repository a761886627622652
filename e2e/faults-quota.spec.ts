import type { CDPSession, Page } from '@playwright/test';
import { KELSEY } from './claims-table-fixtures';
import { expect, importStatus, MILLBROOK, openLibrary, pasteArticle, test } from './fixtures';
import { type Dump, dumpDb, expectDerivedConsistent, expectWholeOrAbsent } from './kill-helpers';

/** An article of some sixty claims: far more than the 20 kB left once stored with its derived rows. */
const LONG = `Harbour answers in full\n\n${KELSEY.text.split('\n').slice(1).join('\n')}`;

/** Uncaught errors on the page: a fault must be explained, never thrown at the console. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  return errors;
}

/** Writes 100 KB to a scratch database: 'complete', or the name of the error that aborted it. */
const probeWrite = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('claimdesk-quota-probe');
        open.onupgradeneeded = () => open.result.createObjectStore('s');
        open.onsuccess = () => {
          const tx = open.result.transaction('s', 'readwrite');
          for (let i = 0; i < 100; i++)
            tx.objectStore('s').put(crypto.randomUUID().repeat(28), Math.random());
          const done = (r: string) => {
            open.result.close();
            resolve(r);
          };
          tx.oncomplete = () => done('complete');
          tx.onabort = () => done(tx.error?.name ?? 'AbortError');
        };
        open.onerror = () => resolve(open.error?.name ?? 'open failed');
      }),
  );

/**
 * Gives the origin a real storage quota just above what it uses now, through the DevTools
 * protocol, so large writes fail in Chromium's own IndexedDB with a real QuotaExceededError (no
 * fake in the page). Chromium keeps the space it last looked up for about half a minute, so this
 * waits until a probe write is refused. Returns a function that lifts the limit.
 */
async function fillTheDisk(page: Page): Promise<() => Promise<void>> {
  const origin = new URL(page.url()).origin;
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 20_000 });
  await expect
    .poll(() => probeWrite(page), { timeout: 90_000, intervals: [2_000] })
    .toBe('QuotaExceededError');
  return async () => {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await cdp.detach();
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const del = indexedDB.deleteDatabase('claimdesk-quota-probe');
          del.onsuccess = del.onerror = resolve;
        }),
    );
  };
}

/** The rows a failed write may not touch (derived rows included). */
const stored = (d: Dump) => ({
  articles: d.articles,
  claims: d.claims,
  speakers: d.speakers,
  history: d.history,
  claimFacets: d.claimFacets,
  summaries: d.summaries,
});

test('storage full in Chromium: the import says so and what to do, nothing of it is kept, earlier work is intact', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const errors = pageErrors(page);
  await openLibrary(page);
  await pasteArticle(page, MILLBROOK.text);
  await expect(importStatus(page)).toContainText(`Imported ${MILLBROOK.title}`);
  const before = await dumpDb(page);

  const lift = await fillTheDisk(page);
  await pasteArticle(page, LONG);
  const alert = page.getByRole('region', { name: 'Import an article' }).getByRole('alert');
  await expect(alert).toContainText('Storage is full', { timeout: 60_000 });
  await expect(alert).toContainText('nothing of it was kept; your earlier work is safe');
  await expect(alert).toContainText('Free some space');
  const after = await dumpDb(page);
  expect(stored(after)).toEqual(stored(before));
  await expect(page.getByRole('link', { name: MILLBROOK.title })).toBeVisible();

  // A bulk import on a full disk stops, lists the articles of the refused batch, and keeps nothing.
  await page.getByLabel('Files (.txt, .md, .html) or JSONL corpora').setInputFiles({
    name: 'three.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(
      [1, 2, 3]
        .map((i) =>
          JSON.stringify({
            text: `Quay ${i} to close\n\nThe harbour master, Ann Lee, said: "Quay ${i} will close in May."`,
          }),
        )
        .join('\n'),
    ),
  });
  await page.getByRole('button', { name: 'Import all' }).click();
  await expect(page.locator('.bulk-status')).toContainText(
    'stopped, storage is full: 0 articles imported whole',
    {
      timeout: 60_000,
    },
  );
  const failures = page.getByRole('region', { name: 'Import many articles' }).getByRole('alert');
  for (const i of [1, 2, 3]) await expect(failures).toContainText(`three.jsonl line ${i}: Storage is full`);
  expect(stored(await dumpDb(page))).toEqual(stored(before));

  // Space freed: the same import goes in whole.
  await lift();
  await pasteArticle(page, LONG);
  await expect(importStatus(page)).toContainText('Imported Harbour answers in full', { timeout: 60_000 });
  const done = await dumpDb(page);
  expectWholeOrAbsent(done);
  expectDerivedConsistent(done);
  expect(done.articles).toHaveLength(before.articles.length + 1);
  expect(errors).toEqual([]);
});
