import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, openLibrary, REFERENCE_TITLE, seriousViolations, test } from './fixtures';

async function save(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

async function exportAs(page: Page, format: RegExp, scope?: RegExp) {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  if (scope) await dialog.getByRole('radio', { name: scope }).check();
  await expect(dialog.getByText(/will go out\.$|^A backup holds/)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  await expect(dialog.getByRole('status')).toContainText(/Exported|Backup saved/);
  return { name: download.suggestedFilename(), text: await save(download) };
}

test.describe('export', () => {
  test.describe.configure({ timeout: 120_000 });
  test('from the Claims screen: CSV, ClaimReview, Web Annotation and Markdown of the current view', async ({
    page,
  }) => {
    await openLibrary(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Organisation name').fill('Check Desk');
    await page.getByLabel('Organisation website').fill('https://checkdesk.example');
    await page.getByLabel('Review address pattern').fill('https://checkdesk.example/checks/{claimId}');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    // rate one claim so ClaimReview has something to say
    await page.getByRole('link', { name: 'Claims', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
    const total = Number(
      ((await page.locator('.claims-title').textContent()) ?? '').match(/(\d+) claims?/)?.[1],
    );
    expect(total).toBeGreaterThan(5);

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(`${total} claims will go out.`)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'docs/screenshots/export-dialog.png' });

    const csv = await exportAs(page, /CSV/);
    expect(csv.name).toMatch(/^claimdesk-claims-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(csv.text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(total);
    expect(rows[0]).toHaveProperty('speaker');
    expect(rows.every((r) => r.article_title && REFERENCE_TITLE.test(r.article_title))).toBe(true);
    expect(rows.some((r) => r.speaker === 'Alan Billings')).toBe(true);

    const wa = JSON.parse((await exportAs(page, /Web Annotation/)).text);
    expect(wa).toHaveLength(total);
    expect(wa[0]).toMatchObject({
      type: 'Annotation',
      target: { selector: [{ type: 'TextQuoteSelector' }, { type: 'TextPositionSelector' }] },
    });

    const md = await exportAs(page, /Markdown/);
    expect(md.text.startsWith('# Claims\n')).toBe(true);
    expect(md.text).toMatch(/^## Alan Billings/m);
    expect(md.text).not.toMatch(/<script/i);

    const cr = JSON.parse((await exportAs(page, /ClaimReview/)).text);
    expect(cr).toEqual([]); // nothing rated yet
  });
});
