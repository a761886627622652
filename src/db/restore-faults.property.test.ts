/**
 * The restore parser on any damage to a good backup (a property), and a full disk in the middle
 * of a restore: either a valid library comes in, or a clean refusal with nothing written.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { BackupError } from '@/core/export/backup-error';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { buildFullLibrary, dumpTables } from '@/test/full-library';
import { fuzzRuns, fuzzTimeout } from '@/test/fuzz';
import { saveImportedArticle } from './articles';
import { exportBackup } from './backup-export';
import { interruptedRestore, restoreBackup } from './backup-restore';
import { backupSourceOfText } from './backup-source';
import { db } from './db';
import { describeDbError, MESSAGES } from './errors';
import { failWritesAfter, type QuotaFault } from './testing/quota-fault';
import { snapshotDb } from './testing/snapshot';

let good = '';
let fault: QuotaFault | null = null;
beforeAll(async () => {
  await resetDb();
  await buildFullLibrary();
  good = await (await exportBackup({ pageSize: 50 })).text();
});
beforeEach(async () => {
  await resetDb();
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
});
afterEach(async () => {
  await fault?.remove();
  fault = null;
});

/** One edit to the file: cut, insert, delete, or replace a stretch with other characters. */
const damage = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('"', '{', '}', ',', '\n', '"__proto__":1,', 'null', '-1'),
    ),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 40 }),
  }),
);

function apply(text: string, d: { kind: string; at: number; text?: string; length?: number }): string {
  const at = Math.floor(d.at * text.length);
  if (d.kind === 'cut') return text.slice(0, at);
  if (d.kind === 'insert') return text.slice(0, at) + d.text + text.slice(at);
  return text.slice(0, at) + text.slice(at + (d.length ?? 1));
}

describe('restore: any damaged file', () => {
  test(
    'either restores a valid library or is refused cleanly with nothing written',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(damage, { minLength: 1, maxLength: 3 }),
          fc.constantFrom('merge', 'replace'),
          async (edits, mode) => {
            await resetDb();
            await saveImportedArticle({ text: ARTICLE_A }, extractionA());
            const before = await snapshotDb(db);
            const text = edits.reduce((t, d) => apply(t, d), good);
            const error = await restoreBackup(backupSourceOfText(text), mode as 'merge' | 'replace').then(
              () => null,
              (e: unknown) => e,
            );
            if (error) {
              expect(error).toBeInstanceOf(BackupError);
              expect(await snapshotDb(db)).toEqual(before);
            } else {
              for (const c of await db.claims.toArray()) {
                const article = await db.articles.get(c.articleId);
                expect(article!.text.slice(c.start, c.end)).toBe(c.text);
              }
            }
          },
        ),
        { numRuns: fuzzRuns(15) },
      );
    },
    fuzzTimeout(),
  );
});

describe('restore with the disk filling up', () => {
  test('the message says so; each chunk is whole; restoring the same file again completes it', async () => {
    const clean = await (async () => {
      await restoreBackup(backupSourceOfText(good), 'merge', { chunkSize: 5 });
      const rows = await dumpTables();
      await resetDb();
      await saveImportedArticle({ text: ARTICLE_A }, extractionA());
      return rows;
    })();
    fault = await failWritesAfter(db, 25);
    const error = await restoreBackup(backupSourceOfText(good), 'merge', { chunkSize: 5 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeDbError(error)).toBe(MESSAGES.quota);
    expect(await interruptedRestore()).not.toBeNull(); // the app offers to finish it
    fault.lift();
    await restoreBackup(backupSourceOfText(good), 'merge', { chunkSize: 5 });
    expect(await interruptedRestore()).toBeNull();
    const after = await dumpTables();
    // the same library as a restore that never failed (the target's own article has a new id each run)
    for (const t of ['articles', 'claims', 'speakers', 'sources', 'evidence', 'questions'])
      expect(after[t]!.length, t).toBe(clean[t]!.length);
    const shas = (rows: unknown[]) => rows.map((r) => (r as { sha256: string }).sha256).sort();
    expect(shas(after.articles!)).toEqual(shas(clean.articles!));
  }, 60_000);
});
