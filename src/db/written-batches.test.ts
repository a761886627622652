import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ClaimId } from '@/core/model/types';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { setClaimsVerdict } from './claims';
import { db } from './db';
import { historyOfBatch } from './history-read';
import { readUndoState, undo } from './undo';

beforeEach(resetDb);
afterEach(() => vi.restoreAllMocks());

async function claimsOfA(): Promise<ClaimId[]> {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  return (await db.claims.where('articleId').equals(articleId).primaryKeys()) as ClaimId[];
}

/** Every read of history entries' values (not keys only) by an index of either store, by the index read. */
function historyValueReads(): () => string[] {
  const spies = (['get', 'getAll', 'openCursor'] as const).map((op) => vi.spyOn(IDBIndex.prototype, op));
  return () =>
    spies
      .flatMap((spy) => spy.mock.contexts as IDBIndex[])
      .filter((index) => index.objectStore.name === 'history' || index.objectStore.name === 'historyBatches')
      .map((index) => index.name);
}

test('the Undo label of a bulk edit just made, and its undo, take its entries from the write: none is read back', async () => {
  const ids = await claimsOfA();
  expect(ids.length).toBeGreaterThan(1);
  const reads = historyValueReads();
  const batchId = await setClaimsVerdict(ids, 'false');
  const state = await readUndoState();
  expect(state.undo).toMatchObject({ batchId, label: `Set verdict on ${ids.length} claims` });
  const result = await undo({ batchId });
  expect(result).toMatchObject({ target: batchId, applied: ids.length });
  expect((await db.claims.bulkGet(ids)).every((c) => c?.verdict === 'unchecked')).toBe(true);
  // the redo step's label is the same batch's, again from the write
  expect((await readUndoState()).redo).toMatchObject({
    batchId,
    label: `Set verdict on ${ids.length} claims`,
  });
  expect(reads().filter((index) => index === 'batchId')).toEqual([]);
});

test('a batch that another writer added to since (another tab, sync) is read again, not taken as written', async () => {
  const ids = await claimsOfA();
  const batchId = await setClaimsVerdict(ids.slice(1), 'false');
  const [entry] = await historyOfBatch(batchId);
  // an entry of the same batch that this tab did not write: about the one claim left out
  await db.history.add({ ...entry!, id: `${entry!.id}-other` as never, rowId: ids[0]! });
  const reads = historyValueReads();
  expect((await readUndoState()).undo).toMatchObject({
    batchId,
    label: `Set verdict on ${ids.length} claims`,
  });
  expect(reads()).toContain('batchId');
});
