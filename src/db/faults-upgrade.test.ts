/**
 * A newer version of the app opens the database while this tab holds it: this tab lets go at once
 * (the upgrade is not blocked), learns it is outdated, refuses later writes with a message, and
 * everything it had saved is there for the new version.
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { addTagToClaims, setClaimsVerdict } from './claims';
import { db, declareSchema } from './db';
import { derivedMiddleware } from './derived/middleware';
import { describeDbError, isDatabaseOutdated, MESSAGES, onDatabaseOutdated } from './errors';
import { CURRENT_VERSION, DB_NAME } from './schema';
import { snapshotDb } from './testing/snapshot';

let newer: Dexie | null = null;

beforeEach(resetDb);
afterEach(async () => {
  newer?.close();
  newer = null;
  await resetDb();
});

/** The next deployment: every released version plus one more (a new index on claims). */
function nextVersion(): Dexie {
  const next = new Dexie(DB_NAME);
  declareSchema(next);
  next.version(CURRENT_VERSION + 1).stores({ meta: 'key' });
  // it reads claims as every deployment does: without their hot keys (schema v14)
  next.use(derivedMiddleware);
  return next;
}

describe('an upgrade while this tab has the database open', () => {
  test('this tab is told to reload, and nothing it showed as saved is lost', async () => {
    const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const ids = (await db.claims.where('articleId').equals(articleId).primaryKeys()) as never[];
    await setClaimsVerdict(ids, 'in progress');
    await addTagToClaims(ids, 'desk');
    const saved = await snapshotDb(db);
    const told: string[] = [];
    const stop = onDatabaseOutdated((m) => told.push(m));

    newer = nextVersion();
    await newer.open(); // would hang (blocked) if this tab held on
    expect(newer.verno).toBe(CURRENT_VERSION + 1);
    expect(isDatabaseOutdated()).toBe(true);
    expect(told).toEqual([MESSAGES.outdated]);
    expect(await snapshotDb(newer)).toEqual(saved);

    // a write in the old tab now fails with the reload message, and changes nothing
    const error = await setClaimsVerdict(ids, 'false').then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeDbError(error)).toBe(MESSAGES.outdated);
    expect(await snapshotDb(newer)).toEqual(saved);
    stop();
  });
});
