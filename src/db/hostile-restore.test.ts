/**
 * Hostile restore files, in merge and in replace mode: each is refused with a sentence for the
 * person (a BackupError), nothing in the library changes, and no other exception escapes.
 */
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { BackupError } from '@/core/export/backup-error';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { buildFullLibrary } from '@/test/full-library';
import { saveImportedArticle } from './articles';
import { exportBackup } from './backup-export';
import { restoreBackup } from './backup-restore';
import { type BackupSource, backupSourceOfBlob, backupSourceOfText } from './backup-source';
import { db } from './db';
import { snapshotDb } from './testing/snapshot';

let good = '';
beforeAll(async () => {
  await resetDb();
  await buildFullLibrary();
  good = await (await exportBackup({ pageSize: 50 })).text();
});
beforeEach(async () => {
  await resetDb();
  await saveImportedArticle({ text: ARTICLE_A }, extractionA()); // the library the file lands on
});

const lines = () => good.split('\n');
/** The backup with one row line of `table` changed by `edit`. */
function editRow(table: string, edit: (row: Record<string, unknown>) => Record<string, unknown>): string {
  const ls = lines();
  const at = ls.indexOf(`"${table}":[`) + 1;
  const row = JSON.parse(ls[at]!.replace(/,$/, '')) as Record<string, unknown>;
  const comma = ls[at]!.endsWith(',') ? ',' : '';
  ls[at] = JSON.stringify(edit(row)) + comma;
  return ls.join('\n');
}
const editHeader = (edit: (h: Record<string, unknown>) => Record<string, unknown>) => {
  const ls = lines();
  const header = JSON.parse(`${ls[0]!.slice(0, -'"tables":{'.length - 1)}}`) as Record<string, unknown>;
  ls[0] = `${JSON.stringify(edit(header)).slice(0, -1)},"tables":{`;
  return ls.join('\n');
};
const whole = () =>
  JSON.parse(good) as Record<string, unknown> & { tables: Record<string, Record<string, unknown>[]> };

/**
 * `{` and 100,000,000 × `x`, over the 64 MB a file is ever read whole: made once from bytes and shared by
 * the merge and replace cases (a Blob is immutable), since encoding a 100 MB string to a Blob took
 * about as long as the restore's own read of it.
 */
let junk: Blob | null = null;
function junk100MB(): Blob {
  if (!junk) {
    const bytes = new Uint8Array(100_000_001).fill(0x78); // x
    bytes[0] = 0x7b; // {
    junk = new Blob([bytes]);
  }
  return junk;
}

const CASES: readonly (readonly [string, () => BackupSource])[] = [
  ['an empty file', () => backupSourceOfText('')],
  ['only white space', () => backupSourceOfText('  \n\n\t ')],
  ['cut at half', () => backupSourceOfText(good.slice(0, good.length >> 1))],
  ['cut just before the end', () => backupSourceOfText(good.slice(0, -3))],
  ['the last table never closed', () => backupSourceOfText(lines().slice(0, -2).join('\n'))],
  ['not JSON at all', () => backupSourceOfText('Hello, this is a letter, not a backup.')],
  [
    'a PNG',
    () =>
      backupSourceOfBlob(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0, 0, 13])])),
  ],
  [
    'bytes that are not UTF-8',
    () => backupSourceOfBlob(new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x22, 0x0a, 0xc3, 0x28])])),
  ],
  ['a JSON array', () => backupSourceOfText('[1,2,3]')],
  ['JSON null', () => backupSourceOfText('null')],
  ['a JSON number', () => backupSourceOfText('42')],
  ['a JSON string', () => backupSourceOfText('"claimdesk-backup"')],
  ['another app’s JSON', () => backupSourceOfText(JSON.stringify({ format: 'other-app', rows: [] }))],
  ['a newer backup version', () => backupSourceOfText(editHeader((h) => ({ ...h, version: 99 })))],
  ['a newer database schema', () => backupSourceOfText(editHeader((h) => ({ ...h, schemaVersion: 99 })))],
  [
    'counts that do not match the rows',
    () => backupSourceOfText(editHeader((h) => ({ ...h, counts: { ...(h.counts as object), claims: 1 } }))),
  ],
  ['nested 100,000 deep', () => backupSourceOfText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
  [
    'a deeply nested row',
    () =>
      backupSourceOfText(
        editRow('claims', (r) => ({ ...r, notes: JSON.parse(`${'['.repeat(2_000)}${']'.repeat(2_000)}`) })),
      ),
  ],
  [
    '__proto__ in a row',
    () =>
      backupSourceOfText(
        editRow('claims', (r) => JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(r).slice(1)}`)),
      ),
  ],
  [
    'constructor in a row',
    () =>
      backupSourceOfText(
        editRow('articles', (r) => ({ ...r, constructor: { prototype: { polluted: true } } })),
      ),
  ],
  [
    '__proto__ in the header',
    () => backupSourceOfText(good.replace('{"format"', '{"__proto__":{"polluted":true},"format"')),
  ],
  [
    '__proto__ in a reformatted file',
    () =>
      backupSourceOfText(
        JSON.stringify(whole(), null, 2).replace(
          '"tables": {',
          '"tables": {"__proto__": {"polluted": true},',
        ),
      ),
  ],
  [
    'an unknown table',
    () => backupSourceOfText(JSON.stringify({ ...whole(), tables: { ...whole().tables, users: [] } })),
  ],
  [
    'a table that is not a list',
    () => backupSourceOfText(JSON.stringify({ ...whole(), tables: { ...whole().tables, claims: {} } })),
  ],
  [
    'two rows with one id',
    () =>
      backupSourceOfText(
        JSON.stringify({
          ...whole(),
          tables: { ...whole().tables, claims: [whole().tables.claims![0], ...whole().tables.claims!] },
        }),
      ),
  ],
  [
    'a claim whose article is missing',
    () => backupSourceOfText(editRow('claims', (r) => ({ ...r, articleId: 'no-such-article' }))),
  ],
  [
    'a claim ending past its article',
    () => backupSourceOfText(editRow('claims', (r) => ({ ...r, end: 1_000_000 }))),
  ],
  [
    'a claim with a negative start',
    () => backupSourceOfText(editRow('claims', (r) => ({ ...r, start: -5 }))),
  ],
  [
    'a claim whose text is not its words',
    () => backupSourceOfText(editRow('claims', (r) => ({ ...r, text: 'Words nobody said.' }))),
  ],
  [
    'a link to a missing source',
    () => backupSourceOfText(editRow('evidence', (r) => ({ ...r, sourceId: 'no-such-source' }))),
  ],
  ['an unknown verdict', () => backupSourceOfText(editRow('claims', (r) => ({ ...r, verdict: 'pwned' })))],
  [
    'a javascript: source URL',
    () => backupSourceOfText(editRow('sources', (r) => ({ ...r, url: 'javascript:alert(1)' }))),
  ],
  [
    'a row that is not an object',
    () =>
      backupSourceOfText(
        JSON.stringify({ ...whole(), tables: { ...whole().tables, speakers: ['x', 1, null] } }),
      ),
  ],
  [
    'a timestamp that is a string',
    () => backupSourceOfText(editRow('articles', (r) => ({ ...r, updatedAt: 'yesterday' }))),
  ],
  ['100 MB of junk', () => backupSourceOfBlob(junk100MB())],
];

describe('hostile restore files', () => {
  test('the good file itself restores (the cases differ from it by one thing)', async () => {
    await expect(restoreBackup(backupSourceOfText(good), 'merge')).resolves.toBeTruthy();
  });

  for (const mode of ['merge', 'replace'] as const) {
    for (const [name, source] of CASES) {
      test(`${mode}: ${name} is refused with a clear message, and nothing changes`, async () => {
        const before = await snapshotDb(db);
        const error = await restoreBackup(source(), mode).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, name).toBeInstanceOf(BackupError);
        const message = (error as Error).message;
        expect(message.length).toBeGreaterThan(10);
        expect(message.length).toBeLessThan(400);
        expect(await snapshotDb(db)).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }, 300_000); // 100 MB of junk takes a while on a busy machine
    }
  }
});
