import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { resetDb } from '@/test/db';
import { db } from './db';
import { DbError, describeDbError, isDatabaseOutdated, MESSAGES, onDatabaseOutdated } from './errors';
import { SCHEMA_VERSIONS } from './schema';

beforeEach(resetDb);
afterEach(resetDb);

describe('describeDbError', () => {
  test('a full disk, also when Dexie wraps it', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    expect(describeDbError(quota)).toBe(MESSAGES.quota);
    expect(describeDbError(new Dexie.AbortError('aborted', quota))).toBe(MESSAGES.quota);
    expect(describeDbError(new Dexie.QuotaExceededError('full'))).toMatch(/^Storage is full/);
    expect(describeDbError(new Dexie.BulkError('1 of 2 failed', [quota]))).toBe(MESSAGES.quota);
  });

  test('a closed database or a newer version elsewhere asks for a reload', () => {
    expect(describeDbError(new Dexie.DatabaseClosedError())).toBe(MESSAGES.outdated);
    expect(describeDbError(new Dexie.VersionError('newer'))).toBe(MESSAGES.outdated);
    expect(MESSAGES.outdated).toMatch(/updated in another tab; reload/);
  });

  test('our own errors keep their message; anything else gets a generic one', () => {
    expect(describeDbError(new DbError('invalid', 'The article is empty.'))).toBe('The article is empty.');
    expect(describeDbError(new Dexie.ConstraintError('dup'))).toBe(MESSAGES.constraint);
    expect(describeDbError('weird')).toBe(MESSAGES.unknown);
    expect(describeDbError(new TypeError('x is undefined'))).toBe(MESSAGES.unknown);
  });
});

describe('versionchange from another tab', () => {
  test('closes the connection and tells the listeners', async () => {
    await db.claims.count(); // open
    const messages: string[] = [];
    const off = onDatabaseOutdated((m) => messages.push(m));

    const newer = new Dexie('claimdesk');
    const current = SCHEMA_VERSIONS.at(-1)!;
    newer.version(current.version + 1).stores({ ...current.stores, extra: 'id' });
    await newer.open(); // succeeds only because our connection closed itself
    newer.close();

    expect(messages).toEqual([MESSAGES.outdated]);
    expect(isDatabaseOutdated()).toBe(true);
    const error = await db.claims.count().catch((e: unknown) => e);
    expect(describeDbError(error)).toBe(MESSAGES.outdated);

    const late: string[] = [];
    onDatabaseOutdated((m) => late.push(m))();
    expect(late).toEqual([MESSAGES.outdated]);
    off();
  });
});
