/**
 * History stored in both forms at once (schema version 15): single entries (written before the
 * version, pulled by sync, restored), batch rows (`recordHistory`), copies of batch entries put
 * again (a pull of this device's own entries), and deletes (a push the server refused). Every
 * reader must answer as if each entry were a row of its own: the model below is that storage.
 */
import fc from 'fast-check';
import { beforeEach, expect, test } from 'vitest';
import type { HistoryEntry, HistoryId } from '@/core/model/types';
import { resetDb } from '@/test/db';
import { fuzzRuns, fuzzTimeout } from '@/test/fuzz';
import { db } from './db';
import { type HistoryChange, recordHistory } from './history';
import { newBatchRow, rowRefOf } from './history-batches';
import {
  countHistory,
  historyByIds,
  historyIds,
  historyOfBatch,
  historyOfRow,
  newestHeads,
  rowsWithHistory,
} from './history-read';
import { newId } from './ids';
import { storedHistory } from './testing/stored-history';

beforeEach(resetDb);

const ROWS = ['c-1', 'c-2', 'c-3', 'c-4'];

type Op =
  | { kind: 'record'; rows: number[]; split: boolean }
  | { kind: 'single'; rows: number[]; batchForm: boolean }
  | { kind: 'again'; pick: number }
  | { kind: 'delete'; pick: number };

const rowsArb = fc.array(fc.nat(ROWS.length - 1), { minLength: 1, maxLength: 6 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('record' as const), rows: rowsArb, split: fc.boolean() }),
  fc.record({ kind: fc.constant('single' as const), rows: rowsArb, batchForm: fc.boolean() }),
  fc.record({ kind: fc.constant('again' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

const change = (rowId: string, i: number): HistoryChange => ({
  table: 'claims',
  rowId,
  action: 'update',
  from: { verdict: 'unchecked' },
  to: { verdict: 'false', n: i },
});

/** Applies `op` to the database and to the model (every entry a row of its own, by id). */
async function apply(op: Op, model: Map<string, HistoryEntry>, at: number): Promise<void> {
  const rows = 'rows' in op ? op.rows.map((i) => ROWS[i]!) : [];
  if (op.kind === 'record') {
    const batchId = newId();
    const parts = op.split && rows.length > 1 ? [rows.slice(0, 1), rows.slice(1)] : [rows];
    const made = await db.transaction('rw', [db.history], async () => {
      const out: HistoryEntry[] = [];
      for (const part of parts) out.push(...(await recordHistory(part.map(change), at, { batchId })));
      return out;
    });
    for (const e of made) model.set(e.id, e);
  } else if (op.kind === 'single') {
    // an old entry (a UUID), or one another device recorded as a batch row (its id names a row not here)
    const ids = op.batchForm ? newBatchRow(rows.length).ids : rows.map(() => newId<HistoryId>());
    const batchId = newId();
    const entries: HistoryEntry[] = rows.map((rowId, i) => ({
      ...change(rowId, i),
      id: ids[i]!,
      batchId,
      at,
      undoneAt: null,
      batchKind: 'change',
      target: null,
      author: 'ana',
      deviceId: 'device-b',
    }));
    await db.history.bulkPut(entries);
    for (const e of entries) model.set(e.id, e);
  } else if (model.size > 0) {
    const all = [...model.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const entry = all[op.pick % all.length]!;
    if (op.kind === 'again') {
      const copy = { ...entry, author: 'me', deviceId: 'device-a' };
      await db.history.put(copy);
      model.set(entry.id, copy);
    } else {
      await db.history.delete(entry.id);
      model.delete(entry.id);
    }
  }
}

const byId = (a: HistoryEntry, b: HistoryEntry) => (a.id < b.id ? -1 : 1);

test(
  'every reader answers from a mix of single entries and batch rows as from one row an entry',
  async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        await resetDb();
        const model = new Map<string, HistoryEntry>();
        let at = 1_000;
        for (const op of ops) await apply(op, model, at++);
        const all = [...model.values()].sort(byId);

        expect(await storedHistory()).toEqual(all);
        expect(await countHistory()).toBe(all.length);
        expect(await historyIds()).toEqual(all.map((e) => e.id));
        for (const rowId of ROWS)
          expect(await historyOfRow('claims', rowId)).toEqual(
            all.filter((e) => e.rowId === rowId).sort((a, b) => a.at - b.at || byId(a, b)),
          );
        expect(await rowsWithHistory(ROWS.map((r) => ['claims', r] as const))).toEqual(
          new Set(all.map((e) => rowRefOf('claims', e.rowId))),
        );
        const batches = [...new Set(all.map((e) => e.batchId))];
        for (const b of batches) expect(await historyOfBatch(b)).toEqual(all.filter((e) => e.batchId === b));
        const ids = [...all.map((e) => e.id), 'missing'];
        expect(await historyByIds(ids)).toEqual([...all, undefined]);
        // a batch keeps a head while any of its entries is left, as when every entry was a row
        // (an entry deleted from a batch of single rows may have been its head: not asked then)
        const heads = new Set((await newestHeads(undefined, 1_000)).map((h) => h.batchId));
        if (!ops.some((op) => op.kind === 'delete')) expect(heads).toEqual(new Set(batches));
        else for (const h of heads) expect(batches).toContain(h);
      }),
      { numRuns: fuzzRuns(25) },
    );
  },
  fuzzTimeout(),
);
