import { beforeEach, describe, expect, test } from 'vitest';
import { backupTablesOf } from '@/core/export/backup-tables';
import { csvHeader } from '@/core/export/csv';
import {
  ALL_CLAIMS_TITLE,
  EXPORT_FORMATS,
  type ExportTables,
  exportItemsOfTables,
  renderExport,
} from '@/core/export/render';
import { exportSettingsOf } from '@/core/export/settings';
import { resetDb } from '@/test/db';
import { buildFullLibrary } from '@/test/full-library';
import { exportBackup } from './backup-export';
import { db } from './db';
import { countExportClaims, exportItemPages } from './export-read';

beforeEach(resetDb);

async function text(chunks: AsyncIterable<string>) {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

describe('export reads', () => {
  test('every format from the library, a page at a time, equals the same format from its backup', async () => {
    await buildFullLibrary();
    const { tables } = await backupTablesOf(await (await exportBackup()).text());
    const settings = exportSettingsOf(tables.meta.find((m) => m.key === 'exportSettings')?.value);
    expect(settings.organizationName).toBe('Check Desk');
    for (const format of EXPORT_FORMATS) {
      const options = { settings, title: ALL_CLAIMS_TITLE, bom: true };
      const fromApp = await text(
        renderExport(format, exportItemPages({ kind: 'all' }, { pageSize: 2 }), options),
      );
      const fromBackup = await text(
        renderExport(format, [exportItemsOfTables(tables as unknown as ExportTables)], options),
      );
      expect(fromApp, format).toBe(fromBackup);
    }
  });

  test('scopes: all live claims, one article, one claim, the current view; deleted ones stay out', async () => {
    await buildFullLibrary();
    const live = await db.claims.filter((c) => c.deletedAt === null).toArray();
    const liveArticles = new Set(
      (await db.articles.filter((a) => a.deletedAt === null).toArray()).map((a) => a.id),
    );
    const expected = live.filter((c) => liveArticles.has(c.articleId));
    const all: string[] = [];
    for await (const page of exportItemPages({ kind: 'all' }, { pageSize: 1 }))
      all.push(...page.map((i) => i.claim.id));
    expect(all.sort()).toEqual(expected.map((c) => c.id).sort());
    expect(await countExportClaims({ kind: 'all' })).toBe(expected.length);
    const one = expected[0]!;
    const ofArticle: string[] = [];
    for await (const page of exportItemPages({ kind: 'article', articleId: one.articleId }))
      ofArticle.push(...page.map((i) => i.claim.id));
    expect(ofArticle).toEqual(
      expected
        .filter((c) => c.articleId === one.articleId)
        .sort((a, b) => a.start - b.start)
        .map((c) => c.id),
    );
    expect(await countExportClaims({ kind: 'article', articleId: one.articleId })).toBe(ofArticle.length);
    expect(await countExportClaims({ kind: 'claim', claimId: one.id })).toBe(1);
    const view: string[] = [];
    for await (const page of exportItemPages(
      { kind: 'view', filters: { verdicts: ['false'] } },
      { pageSize: 1 },
    ))
      view.push(...page.map((i) => i.claim.verdict));
    expect(view).toEqual(['false']);
    expect(await countExportClaims({ kind: 'view', filters: { verdicts: ['false'] } })).toBe(1);
    const csv = await text(
      renderExport('csv', exportItemPages({ kind: 'claim', claimId: one.id }), {
        settings: exportSettingsOf(null),
        title: '',
      }),
    );
    expect(csv.startsWith(csvHeader())).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
  });
});
