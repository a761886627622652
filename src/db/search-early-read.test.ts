import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { arraysOfStoredClaimIndex } from '@/core/search/packed-index';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { db } from './db';
import { claimSearchStats, resetClaimSearch, saveClaimSearch, searchClaims } from './search';
import { earlyOpenedVersion, readSavedIndexEarly, takeEarlySavedRead } from './search-early-read';
import { formatFour, withTextIds } from './testing/search-formats';

const officersClaim = async () => (await db.claims.toArray()).find((c) => c.text.includes('officers'))!;

beforeEach(async () => {
  await resetDb();
  takeEarlySavedRead();
});

afterEach(() => {
  vi.restoreAllMocks();
  // an early read no test took is not left for the next file's first load
  takeEarlySavedRead();
});

/** A claim's search text written as another context would, through no Dexie here (nothing is noted). */
function writeUnnoted(run: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(db.name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const tx = idb.transaction(['claims', 'searchIndex'], 'readwrite');
      run(tx);
      tx.oncomplete = () => {
        idb.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

test("the search worker's early read (IndexedDB's own, as it starts) is what its first load uses: through Dexie only the clock row", async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  expect((await searchClaims('officers')).length).toBe(1);
  expect(await saveClaimSearch()).toBe(true);

  resetClaimSearch();
  await readSavedIndexEarly(db.name);
  // the version it opened, which the worker notes for its own open (IndexedDB's numbering)
  expect(earlyOpenedVersion()).toBe(db.verno * 10);
  const loads = claimSearchStats().loads;
  const get = vi.spyOn(db.searchIndex, 'get');
  expect((await searchClaims('officers')).map((h) => h.id)).toEqual([(await officersClaim()).id]);
  expect(claimSearchStats()).toMatchObject({
    loaded: true,
    loads: loads + 1,
    documents: await db.claims.count(),
  });
  expect(get.mock.calls.map(([key]) => key)).toEqual(['claimsClock']);
});

test('an early read the saved copy has moved on from (a restore cleared it before this worker listened) is not used', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  expect((await searchClaims('officers')).length).toBe(1);
  expect(await saveClaimSearch()).toBe(true);
  const officers = await officersClaim();

  resetClaimSearch();
  await readSavedIndexEarly(db.name);
  // after the early read, before the worker's code listens: the claim gone outright, the saved index
  // cleared, as a restore in another tab does (no note of it reaches this thread)
  await writeUnnoted((tx) => {
    tx.objectStore('claims').delete(officers.id);
    tx.objectStore('searchIndex').clear();
  });

  expect(await searchClaims('officers')).toEqual([]);
  expect(claimSearchStats()).toMatchObject({ loaded: false, documents: await db.claims.count() });
});

test('a database that does not exist is not created by the early read', async () => {
  const name = `no-such-library-${Date.now()}`;
  await readSavedIndexEarly(name);
  expect(await takeEarlySavedRead()).toBeNull();
  const names = (await indexedDB.databases()).map((d) => d.name);
  expect(names).not.toContain(name);
});

test('an index saved by the code before format 5 (format 4: the ids as text) is read early too, then saved again as 5', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  expect((await searchClaims('officers')).length).toBe(1);
  expect(await saveClaimSearch()).toBe(true);
  const row = (await db.searchIndex.get('claims'))!;
  if (row.packed?.format !== 5) throw new Error('expected format 5');
  await db.searchIndex.put({
    ...row,
    packed: formatFour(withTextIds(await arraysOfStoredClaimIndex(row.packed))),
  });

  resetClaimSearch();
  await readSavedIndexEarly(db.name);
  expect((await searchClaims('officers')).map((h) => h.id)).toEqual([(await officersClaim()).id]);
  expect(claimSearchStats()).toMatchObject({
    loaded: true,
    earlyRead: 'used',
    documents: await db.claims.count(),
  });
  expect(await saveClaimSearch()).toBe(true);
  expect((await db.searchIndex.get('claims'))!.packed?.format).toBe(5);
});
