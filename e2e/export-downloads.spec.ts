import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { claimCount, confirmWithoutSource, grid } from './claims-table-fixtures';
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
  test('from the Claims screen: CSV, JSON claim list, ClaimReview, Web Annotation and Markdown of the current view', async ({
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
    // the count is read once the screen has counted (it says "Counting…" before)
    await expect(claimCount(page)).toHaveText(/\d+ claims?/);
    const total = Number(((await claimCount(page).textContent()) ?? '').match(/(\d+) claims?/)?.[1]);
    expect(total).toBeGreaterThan(5);
    await page.locator('body').press('j');
    await expect(grid(page).locator('[aria-rowindex="2"]')).toBeFocused();
    await page.keyboard.press('7');
    await confirmWithoutSource(page, 'False');
    await expect(grid(page).locator('[aria-rowindex="2"] .verdict-badge')).toHaveText('False');

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(`${total} claims will go out.`)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // Only on request (as the other screenshot specs): every run rewrote a committed file.
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/export-dialog.png' });

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
    expect(rows.filter((r) => r.verdict === 'false')).toHaveLength(1);

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
    expect(cr).toHaveLength(1);
    expect(cr[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: expect.stringMatching(/^https:\/\/checkdesk\.example\/checks\/.+/),
      claimReviewed: expect.any(String),
      author: { '@type': 'Organization', name: 'Check Desk', url: 'https://checkdesk.example/' },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'False',
      },
      itemReviewed: { '@type': 'Claim', appearance: { '@type': 'CreativeWork' } },
    });
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Close' }).click();

    // the current view: the same URL filters go out
    await page.goto('/claims?verdict=false');
    await expect(claimCount(page)).toHaveText('1 claim');
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect(
      page.getByRole('dialog', { name: 'Export' }).getByText('1 claim will go out.'),
    ).toBeVisible();
    const view = await exportAs(page, /CSV/);
    const viewRows = Papa.parse<Record<string, string>>(view.text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(viewRows.map((r) => r.verdict_label)).toEqual(['False']);
    const json = await exportAs(page, /JSON claim list/);
    expect(json.name).toMatch(/^claimdesk-.*\.claims\.json$/);
    const docs = JSON.parse(json.text) as { verdict: string; text: string; sources: unknown[] }[];
    expect(docs).toMatchObject([{ verdict: 'false', text: viewRows[0]!.text, sources: [] }]);
    const all = await exportAs(page, /CSV/, /All claims/);
    expect(Papa.parse(all.text.slice(1), { header: true, skipEmptyLines: true }).data).toHaveLength(total);
  });

  test('from the article screen (that article) and the claim panel (that claim)', async ({ page }) => {
    await openLibrary(page);
    await page.getByRole('link', { name: REFERENCE_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: REFERENCE_TITLE })).toBeVisible();
    await page.getByRole('button', { name: 'Export…' }).click();
    const md = await exportAs(page, /Markdown/);
    expect(md.text.split('\n')[0]).toMatch(/^# Police chief says people concerned/);
    expect(md.text).toMatch(/^Article: /m);
    expect(md.text).toMatch(/^## /m);
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Close' }).click();

    await page.locator('body').press('j');
    const panel = page.locator('.claim-panel');
    await expect(panel.getByRole('heading', { name: /^Claim 1 of \d+$/ })).toBeVisible();
    await panel.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(
      page.getByRole('dialog', { name: 'Export' }).getByText('1 claim will go out.'),
    ).toBeVisible();
    const wa = JSON.parse((await exportAs(page, /Web Annotation/)).text);
    expect(wa).toHaveLength(1);
    expect(wa[0].target.selector[1].type).toBe('TextPositionSelector');
  });

  test('a claim that starts with =HYPERLINK( goes out neutralised', async ({ page }) => {
    await openLibrary(page);
    await page
      .getByLabel('Article text (or HTML)')
      .fill(
        'Mayor answers critics\n\n“=HYPERLINK("http://evil.example","win") is what they want,” Ann Bell said.\n',
      );
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('list').getByRole('link', { name: /Mayor answers critics/ })).toBeVisible();
    await page.goto('/claims?q=HYPERLINK');
    await expect(claimCount(page)).toHaveText(/1 claim/);
    await page.getByRole('button', { name: 'Export…' }).click();
    const csv = await exportAs(page, /CSV/);
    const rows = Papa.parse<Record<string, string>>(csv.text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.text).toContain('=HYPERLINK(');
    for (const row of rows)
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
  });
});
