import { afterEach, beforeEach, expect, test } from 'vitest';
import { resetDb } from '@/test/db';
import { db } from './db';
import { newBatchId, recordHistory } from './history';
import { HEAD } from './history-heads';
import { META_KEYS } from './meta';
import { readUndoState, UNDO_WINDOW } from './undo';

type Records = (o: {
  query: IDBKeyRange | null;
  count?: number;
  direction: IDBCursorDirection;
}) => IDBRequest<unknown>;

/**
 * fake-indexeddb has no `getAllRecords` (Chromium 141+ has): one is lent to its indexes, as a
 * browser's behaves (a backwards cursor read to the end or `count`, answered as one request).
 * Counts the cursors opened on the batch-head index by anything else.
 */
function lendGetAllRecords() {
  const proto = Object.getPrototypeOf(
    db.backendDB().transaction('history').objectStore('history').index(HEAD),
  );
  const openCursor = proto.openCursor;
  const opened = { onHeads: 0 };
  proto.openCursor = function (this: IDBIndex, ...args: unknown[]) {
    if (this.name === HEAD) opened.onHeads++;
    return openCursor.apply(this, args);
  };
  const getAllRecords: Records = function (this: IDBIndex, { query, count, direction }) {
    const out: { key: IDBValidKey; primaryKey: IDBValidKey; value: unknown }[] = [];
    const cursor = openCursor.call(this, query, direction) as IDBRequest<IDBCursorWithValue | null>;
    const answer = { result: out, onsuccess: null as null | (() => void), onerror: null };
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c || (count !== undefined && out.length >= count)) return answer.onsuccess?.();
      out.push({ key: c.key, primaryKey: c.primaryKey, value: c.value });
      c.continue();
    };
    return answer as unknown as IDBRequest<unknown>;
  };
  proto.getAllRecords = getAllRecords;
  return {
    opened,
    restore: () => {
      proto.openCursor = openCursor;
      delete proto.getAllRecords;
    },
  };
}

let lent: ReturnType<typeof lendGetAllRecords> | null = null;
beforeEach(resetDb);
afterEach(() => {
  lent?.restore();
  lent = null;
});

/** `n` batches of one claim edit each; every third written in two requests (two heads). */
async function batches(n: number): Promise<string[]> {
  const ids: string[] = [];
  await db.transaction('rw', [db.history], async () => {
    for (let i = 0; i < n; i++) {
      const batchId = newBatchId();
      ids.push(batchId);
      const change = { table: 'claims' as const, rowId: `c${i}`, action: 'update' as const };
      await recordHistory([{ ...change, from: { verdict: 'unchecked' }, to: { verdict: 'false' } }], i, {
        batchId,
      });
      if (i % 3 === 0)
        await recordHistory([{ ...change, from: { notes: '' }, to: { notes: 'x' } }], i, { batchId });
    }
  });
  return ids;
}

test('the Undo state reads the newest batch heads in one request where the browser allows, and finds what the walk finds', async () => {
  const ids = await batches(UNDO_WINDOW + 40);
  const walked = await readUndoState();
  lent = lendGetAllRecords();
  const read = await readUndoState();
  expect(lent.opened.onHeads).toBe(0);
  expect(read).toEqual(walked);
  expect(read.undo?.batchId).toBe(ids.at(-1));
});

test('below an undo floor (a restore) the read stops where the walk stops', async () => {
  const ids = await batches(30);
  await db.meta.put({ key: META_KEYS.undoFloor, value: ids[12]! });
  const walked = await readUndoState();
  lent = lendGetAllRecords();
  expect(await readUndoState()).toEqual(walked);
  expect(lent.opened.onHeads).toBe(0);
});
