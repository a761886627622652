import { beforeEach, expect, test } from 'vitest';
import { createClaimIndex } from '@/core/search/claim-index';
import { packClaimIndex } from '@/core/search/packed-index';
import { resetDb } from '@/test/db';
import { db } from './db';
import { DB_NAME } from './db-name';
import { readSavedIndexEarly, SAVED_CLAIMS_INDEX } from './search-early';

beforeEach(resetDb);

const names = async () => (await indexedDB.databases()).map((d) => d.name);

test('reads the saved index row as Dexie reads it, with IndexedDB alone', async () => {
  const packed = packClaimIndex(
    createClaimIndex([{ id: 'c1', text: 'officers', speaker: '', sources: '', notes: '', tags: '' }]),
  );
  await db.searchIndex.put({ id: SAVED_CLAIMS_INDEX, packed, since: 1234, documents: 1 });
  expect(await readSavedIndexEarly(DB_NAME)).toEqual(await db.searchIndex.get(SAVED_CLAIMS_INDEX));
});

test('no saved row yet: undefined (the index is built); the database is left as it was', async () => {
  await db.open();
  expect(await readSavedIndexEarly(DB_NAME)).toBeUndefined();
  expect(db.isOpen()).toBe(true);
});

test('no database yet: null (read the usual way), and none is made', async () => {
  const before = await names();
  expect(await readSavedIndexEarly('claimdesk-never-opened')).toBeNull();
  expect(await names()).toEqual(before);
  expect(before).not.toContain('claimdesk-never-opened');
});

test('its connection does not hold up an upgrade asked for while it reads', async () => {
  await db.searchIndex.put({ id: SAVED_CLAIMS_INDEX, json: '{}', since: 1, documents: 0 });
  const reading = readSavedIndexEarly(DB_NAME);
  db.close();
  const upgraded = await new Promise<number>((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, Math.round(db.verno * 10) + 10);
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error('blocked'));
    open.onsuccess = () => {
      open.result.close();
      resolve(open.result.version);
    };
  });
  expect(upgraded).toBe(Math.round(db.verno * 10) + 10);
  expect(await reading).not.toBeUndefined();
});
