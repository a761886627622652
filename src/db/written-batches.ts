/**
 * The history entries of the batches this tab wrote lately, kept once their transaction commits, so
 * the Undo button's label and an undo of a batch just made need not read it back (a 1,000-claim
 * bulk edit is 1,000 entries: 0.3–0.5 s to read, docs/PERFORMANCE.md, bulk23 and bulk24). What is
 * kept is used only while the stored batch still has the same entries (by id): a batch
 * that another tab, sync or a restore wrote to since is read again.
 */
import { Dexie } from 'dexie';
import type { HistoryEntry } from '@/core/model/types';

/** Entries kept at most, over all batches (the oldest batches go first). */
const KEPT_ENTRIES = 20_000;

const kept = new Map<string, HistoryEntry[]>();
let keptCount = 0;
const pending = new WeakMap<IDBTransaction, Map<string, HistoryEntry[]>>();

function keep(batchId: string, entries: readonly HistoryEntry[]): void {
  const all = [...(kept.get(batchId) ?? []), ...entries].sort((a, b) => (a.id < b.id ? -1 : 1));
  keptCount += all.length - (kept.get(batchId)?.length ?? 0);
  kept.delete(batchId);
  kept.set(batchId, all);
  for (const [oldest, rows] of kept) {
    if (keptCount <= KEPT_ENTRIES || oldest === batchId) break;
    kept.delete(oldest);
    keptCount -= rows.length;
  }
}

/** Keeps `entries`, just written in the current transaction, once it commits (nothing if it aborts). */
export function keepOnCommit(entries: readonly HistoryEntry[]): void {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (!trans || entries.length === 0) return;
  let batches = pending.get(trans);
  if (!batches) {
    const mine = new Map<string, HistoryEntry[]>();
    batches = mine;
    pending.set(trans, mine);
    trans.addEventListener('complete', () => {
      for (const [batchId, rows] of mine) keep(batchId, rows);
    });
  }
  for (const e of entries) {
    const rows = batches.get(e.batchId) ?? [];
    rows.push(e);
    batches.set(e.batchId, rows);
  }
}

/** The entries this tab kept of a batch it wrote, in id order (undefined when none are kept). */
export const keptEntries = (batchId: string): readonly HistoryEntry[] | undefined => kept.get(batchId);
