import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openLibrary, test } from './fixtures';
import { dumpDb, expectDerivedConsistent, expectWholeOrAbsent } from './kill-helpers';

/** The bulk importer's batch: one transaction, one undo step (src/features/import/bulk/bulk-runner.ts). */
const BATCH = 20;

const article = (i: number) =>
  `Bridge ${i} to reopen in spring\n\nThe mayor, Jo Hart, said: "Bridge ${i} will reopen in ${(i % 9) + 2} weeks."\nCouncillors said the repair of bridge ${i} cost £${i}m, according to a report.`;

test.describe('bulk import', () => {
  test.describe.configure({ timeout: 240_000 });

  test('a 500-article JSONL shows progress, cancels half-way leaving whole articles, and the app stays usable', async ({
    page,
  }) => {
    await openLibrary(page);
    const lines = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({ id: `n${i}`, title: `Bridge ${i}`, text: article(i) }),
    );
    await page.getByLabel('Files (.txt, .md, .html) or JSONL corpora').setInputFiles({
      name: 'corpus.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.getByRole('button', { name: 'Import all' }).click();
    const status = page.locator('.bulk-status');
    await expect(status).toContainText(/of 500 articles done · \d+ claims? found/, { timeout: 60_000 });
    await expect(status).toContainText(/left/);
    // the app stays usable meanwhile: another screen opens, and the import goes on
    await page.getByRole('link', { name: 'Claims', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Library', exact: true }).click();
    await expect(status).toContainText(/^([4-9]\d|\d{3}) of 500 articles done/, { timeout: 120_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(status).toContainText(/cancelled: \d+ articles? imported whole/, { timeout: 60_000 });
    const imported = Number((await status.textContent())?.match(/cancelled: (\d+) articles?/)?.[1]);
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(500);
    expect(imported % BATCH).toBe(0); // whole batches: the one being saved finished, the next never began
    const dump = await dumpDb(page);
    expect(dump.articles).toHaveLength(imported + 1); // + the reference article
    expectWholeOrAbsent(dump); // every article with exactly the claims its import recorded
    expectDerivedConsistent(dump);
    await expect(page.getByRole('button', { name: 'Import all' })).toBeEnabled();
  });

  test('bad lines, duplicates and a 200 MB corpus are each listed with a reason; the rest go in', async ({
    page,
  }) => {
    await openLibrary(page);
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-bulk-'));
    const huge = join(dir, 'huge.jsonl');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 200_000_000);
    closeSync(fd);
    const small = join(dir, 'some-bad.jsonl');
    writeFileSync(
      small,
      [
        JSON.stringify({ text: article(1) }),
        '{oops',
        JSON.stringify({ text: article(1) }),
        JSON.stringify({ title: 'no text' }),
        JSON.stringify({ text: article(2), url: 'javascript:alert(1)' }),
        JSON.stringify({ text: article(3) }),
      ].join('\n'),
    );
    await page.getByLabel('Files (.txt, .md, .html) or JSONL corpora').setInputFiles([small, huge]);
    await page.getByRole('button', { name: 'Import all' }).click();
    const status = page.locator('.bulk-status');
    await expect(status).toContainText(/finished: 2 imported/, { timeout: 60_000 });
    await expect(status).toContainText('1 duplicate skipped');
    const failures = page.getByRole('alert');
    await expect(failures).toContainText('some-bad.jsonl line 2: not valid JSON');
    await expect(failures).toContainText('some-bad.jsonl line 4: has no "text" string');
    await expect(failures).toContainText(/some-bad\.jsonl line 5: .*http/);
    await expect(failures).toContainText(
      /huge\.jsonl: This corpus is 200\.0 MB; a bulk import reads at most 100\.0 MB/,
    );
  });
});
