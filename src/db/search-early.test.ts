/**
 * The search worker's early read of the saved index's row (search-early.ts): IndexedDB's own API,
 * before the data layer has loaded; it never creates a database, and a start uses what it read.
 */
import { beforeEach, expect, test, vi } from 'vitest';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { db } from './db';
import { claimSearchStats, resetClaimSearch, saveClaimSearch, searchClaims } from './search';
import { readSavedRowEarly, takeEarlySavedRow } from './search-early';

beforeEach(resetDb);

const saved = async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  expect((await searchClaims('officers')).length).toBe(1);
  expect(await saveClaimSearch()).toBe(true);
};

test('reads the saved row as Dexie would, and hands it over once', async () => {
  await saved();
  readSavedRowEarly(db.name, 'claims');
  const row = await takeEarlySavedRow(db.name, 'claims');
  expect(row).toEqual(await db.searchIndex.get('claims'));
  expect(takeEarlySavedRow(db.name, 'claims')).toBeNull();
  // another database's or key's read is not handed over
  readSavedRowEarly(db.name, 'claims');
  expect(takeEarlySavedRow('another', 'claims')).toBeNull();
});

test('never creates a database that does not exist (Dexie makes it with its schema)', async () => {
  readSavedRowEarly('claimdesk-early-none', 'claims');
  expect(await takeEarlySavedRow('claimdesk-early-none', 'claims')).toBeUndefined();
  expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('claimdesk-early-none');
});

test('a start loads the index from the row read early, not by a read of its own', async () => {
  await saved();
  resetClaimSearch();
  readSavedRowEarly(db.name, 'claims');
  const get = vi.spyOn(db.searchIndex, 'get');
  try {
    expect((await searchClaims('officers')).length).toBe(1);
    expect(claimSearchStats().loaded).toBe(true);
    expect(get.mock.calls.map(([key]) => key)).not.toContain('claims');
  } finally {
    get.mockRestore();
  }
});

test('the connection of an early read lets another open upgrade the database', async () => {
  await saved();
  db.close();
  readSavedRowEarly(db.name, 'claims');
  await takeEarlySavedRow(db.name, 'claims');
  // a newer version opened at once (as another tab's new deployment): not blocked
  const upgraded = await new Promise<boolean>((resolve) => {
    const open = indexedDB.open(db.name, db.verno * 10 + 1);
    open.onblocked = () => resolve(false);
    open.onsuccess = () => {
      open.result.close();
      resolve(true);
    };
    open.onerror = () => resolve(false);
  });
  expect(upgraded).toBe(true);
});
