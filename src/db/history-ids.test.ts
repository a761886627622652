import { beforeEach, describe, expect, test } from 'vitest';
import type { HistoryEntry, HistoryId } from '@/core/model/types';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { setClaimsVerdict } from './claims';
import { db } from './db';
import { historyOfBatch, newBatchId } from './history';
import { newId } from './ids';
import { undo } from './undo';

beforeEach(resetDb);

async function bulkVerdict() {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const ids = (await db.claims.where('articleId').equals(articleId).primaryKeys()).sort();
  const batchId = await setClaimsVerdict(ids, 'false');
  return { ids, batchId };
}

/** The stored entries as IndexedDB holds them, below every middleware. */
function storedEntries(): Promise<Record<string, unknown>[]> {
  const store = db.backendDB().transaction('history', 'readonly').objectStore('history');
  const req = store.getAll();
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
    req.onerror = () => reject(req.error);
  });
}

describe('history entries prefixed by their batch (history-ids.ts)', () => {
  test("a bulk edit's entries are one key range of their batch and write no batchId index entry", async () => {
    const { ids, batchId } = await bulkVerdict();
    expect(ids.length).toBeGreaterThan(1);
    const entries = await historyOfBatch(batchId);
    expect(entries.map((e) => e.rowId).sort()).toEqual(ids);
    for (const e of entries) {
      expect(e.id.startsWith(`${batchId}.`)).toBe(true);
      expect(e.batchId).toBe(batchId);
    }
    // the index holds none of them: stored without the field, which every read sets again
    expect(await db.history.where('batchId').equals(batchId).count()).toBe(0);
    const raw = (await storedEntries()).filter((e) => String(e.id).startsWith(`${batchId}.`));
    expect(raw).toHaveLength(ids.length);
    for (const e of raw) expect(e.batchId).toBeUndefined();
  });

  test('every way of reading an entry gives it whole (get, bulkGet, a range, a cursor, a filter)', async () => {
    const { batchId } = await bulkVerdict();
    const [first] = await historyOfBatch(batchId);
    const id = first!.id;
    expect((await db.history.get(id))?.batchId).toBe(batchId);
    expect((await db.history.bulkGet([id]))[0]?.batchId).toBe(batchId);
    expect((await db.history.where(':id').equals(id).toArray())[0]?.batchId).toBe(batchId);
    const seen: string[] = [];
    await db.history.each((e) => {
      if (e.id === id) seen.push(e.batchId);
    });
    expect(seen).toEqual([batchId]);
    const filtered = await db.history.filter((e) => e.batchId === batchId).count();
    expect(filtered).toBe((await historyOfBatch(batchId)).length);
    expect((await db.history.orderBy('hd').last())?.batchId).toBe(batchId);
  });

  test('entries with ids of another kind (stored before, another device) are found and undone as before', async () => {
    const { ids } = await bulkVerdict();
    const batchId = newBatchId();
    const at = Date.now();
    const entries: HistoryEntry[] = ids.map((rowId) => ({
      id: newId<HistoryId>(),
      table: 'claims',
      rowId,
      batchId,
      action: 'update',
      from: { verdict: 'false' },
      to: { verdict: 'misleading' },
      at,
      undoneAt: null,
      batchKind: 'change',
      target: null,
    }));
    await db.transaction('rw', [db.claims, db.history], async () => {
      for (const rowId of ids) await db.claims.update(rowId, { verdict: 'misleading', updatedAt: at });
      await db.history.bulkAdd(entries);
    });
    expect(await db.history.where('batchId').equals(batchId).count()).toBe(ids.length);
    expect((await historyOfBatch(batchId)).map((e) => e.id)).toEqual(entries.map((e) => e.id).sort());
    const undone = await undo();
    expect(undone).toMatchObject({ target: batchId, applied: ids.length });
    for (const c of await db.claims.bulkGet(ids)) expect(c?.verdict).toBe('false');
  });
});
