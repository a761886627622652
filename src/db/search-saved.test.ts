import { beforeEach, expect, test, vi } from 'vitest';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { db } from './db';
import { saveClaimSearch, searchClaims } from './search';
import { readSavedSearchIndex } from './search-saved';

beforeEach(resetDb);

const officers = async () => (await db.claims.toArray()).find((c) => c.text.includes('officers'))!.id;

test('the saved index row is read straight from IndexedDB, as search.ts saved it', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  expect((await searchClaims('officers')).length).toBe(1);
  expect(await readSavedSearchIndex()).toBeUndefined(); // not saved yet
  expect(await saveClaimSearch()).toBe(true);
  expect(await readSavedSearchIndex()).toEqual(await db.searchIndex.get('claims'));
});

test('with no database yet the read finds nothing and leaves no database behind', async () => {
  db.close();
  await db.delete();
  expect(await readSavedSearchIndex()).toBeUndefined();
  expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(db.name);
  await db.open(); // the app's own open makes it, every table there
  expect(db.tables.map((t) => t.name)).toContain('searchIndex');
});

test('a fresh thread handed the read under way loads the index from it, reading the row once', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  expect((await searchClaims('officers')).length).toBe(1);
  expect(await saveClaimSearch()).toBe(true);
  const id = await officers();
  // as the search worker starts: a new module graph, its database not yet open, the read begun first
  vi.resetModules();
  const early = (await import('./search-saved')).readSavedSearchIndex();
  let handedOverRead = false;
  void early.then(() => {
    handedOverRead = true;
  });
  const fresh = await import('./search');
  const freshDb = (await import('./db')).db;
  const get = vi.spyOn(freshDb.searchIndex, 'get');
  try {
    fresh.handOverSavedIndexRead(early);
    expect((await fresh.searchClaims('officers')).map((h) => h.id)).toEqual([id]);
    expect(handedOverRead).toBe(true);
    expect(get).not.toHaveBeenCalled();
    expect(fresh.claimSearchStats()).toMatchObject({ loaded: true, loads: 1 });
  } finally {
    freshDb.close();
  }
});

test('a read handed over that finds nothing falls back to reading through Dexie', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  expect((await searchClaims('officers')).length).toBe(1);
  expect(await saveClaimSearch()).toBe(true);
  const id = await officers();
  vi.resetModules();
  const fresh = await import('./search');
  const freshDb = (await import('./db')).db;
  try {
    fresh.handOverSavedIndexRead(Promise.resolve(undefined));
    expect((await fresh.searchClaims('officers')).map((h) => h.id)).toEqual([id]);
    expect(fresh.claimSearchStats()).toMatchObject({ loaded: true, loads: 1 });
  } finally {
    freshDb.close();
  }
});
