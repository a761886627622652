import { Dexie } from 'dexie';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { describeDbError, MESSAGES } from './errors';

// Each test imports the db modules afresh (the write layer not loaded yet) and deletes the database it made.
async function fresh() {
  vi.resetModules();
  const { db } = await import('./db');
  const { databaseProblem } = await import('./health');
  const { saveImportedArticle } = await import('./articles');
  const { ARTICLE_A, extractionA } = await import('@/test/db');
  const importOne = () => saveImportedArticle({ text: ARTICLE_A }, extractionA());
  return { db, importOne, databaseProblem };
}

afterEach(() => {
  vi.doUnmock('./write-layer');
  vi.resetModules();
});

describe("the database's write layer, loaded by the first open", () => {
  test('the first query waits for it: an import keeps its summaries and heads', async () => {
    const { db, importOne } = await fresh();
    const { articleId } = await importOne();
    expect(await db.summaries.count()).toBeGreaterThan(0);
    expect(await db.articleHeads.get(articleId)).toBeDefined();
    await db.delete();
  });

  test('when it cannot be loaded, the open and every query waiting on it fail, nothing is created, and a later open loads it', async () => {
    vi.doMock('./write-layer', () => {
      throw new Error('chunk lost');
    });
    const { db, importOne, databaseProblem } = await fresh();
    const waiting = [db.claims.count(), db.articles.toArray(), importOne()];
    for (const query of waiting) {
      const error = await query.then(
        () => null,
        (e: unknown) => e,
      );
      expect(describeDbError(error)).toBe(MESSAGES.incomplete);
    }
    expect(await databaseProblem()).toBe(MESSAGES.incomplete);
    expect(await Dexie.getDatabaseNames()).not.toContain(db.name);

    vi.doUnmock('./write-layer');
    db.close({ disableAutoOpen: false });
    const { articleId } = await importOne();
    expect(await db.summaries.count()).toBeGreaterThan(0);
    expect(await db.articleHeads.get(articleId)).toBeDefined();
    await db.delete();
  });
});
