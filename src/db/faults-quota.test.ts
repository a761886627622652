/**
 * A full disk in the middle of a write: for every point at which the storage can fill up, the
 * write fails as a whole (nothing half-written), the message says what happened and what to do,
 * earlier work is intact, and the same write succeeds once there is space again.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ClaimId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { saveImportBatch } from './bulk-import';
import { addTagToClaims, setClaimsVerdict, softDeleteClaims } from './claims';
import { db } from './db';
import { describeDbError, MESSAGES } from './errors';
import { createSource } from './sources';
import { failWritesAfter, type QuotaFault } from './testing/quota-fault';
import { snapshotDb } from './testing/snapshot';
import { readUndoState, undo } from './undo';

let fault: QuotaFault | null = null;

beforeEach(resetDb);
afterEach(async () => {
  await fault?.remove();
  fault = null;
});

/** Every row of every store as one write point's starting state, read natively (no middleware). */
type Stored = ReadonlyMap<string, readonly { key: IDBValidKey; value: unknown }[]>;

function requested<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function copyStores(): Promise<Stored> {
  const idb = db.backendDB();
  const names = [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  const reads = names.map((name) => {
    const store = tx.objectStore(name);
    return Promise.all([requested(store.getAllKeys()), requested(store.getAll())]);
  });
  const read = await Promise.all(reads);
  return new Map(
    names.map((name, i) => [name, read[i]![0].map((key, j) => ({ key, value: read[i]![1][j] }))]),
  );
}

/**
 * Puts the database back to `stored` in one native transaction: the state the setup wrote, without
 * deleting the database and running the setup's writes again before each write point (most of this
 * file's time). The snapshots below compare against what this leaves, as they did after a setup.
 */
async function restoreStores(stored: Stored): Promise<void> {
  const idb = db.backendDB();
  const tx = idb.transaction([...idb.objectStoreNames], 'readwrite');
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
  for (const name of idb.objectStoreNames) {
    const store = tx.objectStore(name);
    store.clear();
    for (const { key, value } of stored.get(name) ?? [])
      store.keyPath === null ? store.put(value, key) : store.put(value);
  }
  await done;
}

/** Rows one run of `write` writes from the starting state, with no limit. */
async function rowsWrittenBy(start: Stored, write: () => Promise<unknown>): Promise<number> {
  await restoreStores(start);
  const probe = await failWritesAfter(db, Number.POSITIVE_INFINITY);
  await write();
  const n = probe.written;
  await probe.remove();
  return n;
}

const importA = () => saveImportedArticle({ text: ARTICLE_A }, extractionA());
const importB = () => saveImportedArticle({ text: ARTICLE_B }, extractionB());
const claimIds = async () => (await db.claims.toCollection().primaryKeys()) as ClaimId[];

type Case = Readonly<{ name: string; setup: () => Promise<void>; write: () => Promise<unknown> }>;

const CASES: readonly Case[] = [
  {
    name: 'an import (article, speakers, claims, history)',
    setup: async () => void (await importA()),
    write: importB,
  },
  {
    name: 'a bulk-import batch of two articles',
    setup: async () => void (await importB()),
    write: () =>
      saveImportBatch([
        { input: { text: ARTICLE_A }, extraction: extractionA() },
        { input: { text: `${ARTICLE_A}\n\nA second edition.` }, extraction: extractionA() },
      ]),
  },
  {
    name: 'a bulk tag of every claim',
    setup: async () => {
      await importA();
      await importB();
    },
    write: async () => addTagToClaims(await claimIds(), 'checked-by-desk'),
  },
  {
    name: 'a bulk verdict',
    setup: async () => {
      await importA();
      await importB();
    },
    write: async () => setClaimsVerdict(await claimIds(), 'false'),
  },
  {
    name: 'a bulk delete',
    setup: async () => {
      await importA();
      await importB();
    },
    write: async () => softDeleteClaims(await claimIds()),
  },
  {
    name: 'an undo of a bulk tag',
    setup: async () => {
      await importA();
      await addTagToClaims(await claimIds(), 'to-undo');
    },
    write: () => undo(),
  },
];

describe('storage full in the middle of a write', () => {
  for (const c of CASES) {
    test(`${c.name}: at every possible write it rolls back whole, says so, and works after space is freed`, async () => {
      await resetDb();
      await c.setup();
      const start = await copyStores();
      const total = await rowsWrittenBy(start, c.write);
      expect(total).toBeGreaterThan(1);
      if (process.env.REPORT_COUNTS) console.info(`write points: ${c.name}: ${total}`);
      for (let allowed = 0; allowed < total; allowed++) {
        await restoreStores(start);
        const before = await snapshotDb(db);
        const undoBefore = await readUndoState();
        fault = await failWritesAfter(db, allowed);

        const error = await c.write().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, `allowed ${allowed} of ${total}`).not.toBeNull();
        expect(describeDbError(error)).toBe(MESSAGES.quota);
        // once a write is refused no other is asked for; the import's writes that go out together
        // (the article beside its speakers, the history beside the claims) may both be refused
        expect(fault.refused).toBeGreaterThanOrEqual(1);
        expect(fault.refused).toBeLessThanOrEqual(2);
        expect(await snapshotDb(db), `allowed ${allowed} of ${total}`).toEqual(before);
        expect(await readUndoState()).toEqual(undoBefore);

        fault.lift();
        await c.write();
        expect(await snapshotDb(db)).not.toEqual(before);
        await fault.remove();
        fault = null;
      }
    }, 120_000);
  }

  test('the message says what happened, that nothing of it was kept, and what to do', () => {
    expect(MESSAGES.quota).toMatch(/storage is full/i);
    expect(MESSAGES.quota).toMatch(/nothing .* kept|was not saved/i);
    expect(MESSAGES.quota).toMatch(/free (some )?space/i);
  });

  test('a source refused for lack of space leaves no row and no history', async () => {
    await importA();
    const before = await snapshotDb(db);
    fault = await failWritesAfter(db, 1);
    await expect(createSource({ url: 'https://example.org/x', title: 'X' })).rejects.toSatisfy(
      (e) => describeDbError(e) === MESSAGES.quota,
    );
    expect(await snapshotDb(db)).toEqual(before);
  });
});
