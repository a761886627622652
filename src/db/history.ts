import { Dexie } from 'dexie';
import type { HistoryBatchKind, HistoryEntry, HistoryTable, Timestamp } from '@/core/model/types';
import { db } from './db';
import { announceBatchRow, newBatchRow } from './history-batches';
import { newId } from './ids';
import { keepOnCommit } from './written-batches';

/** Options every recording write accepts: writes sharing a `batchId` are one step for undo. */
export type WriteOptions = Readonly<{ batchId?: string }>;

/** What the data layer itself adds when recording: undo/redo batches and batch labels. */
export type RecordOptions = WriteOptions &
  Readonly<{ batchKind?: HistoryBatchKind; target?: string | null; label?: string | null }>;

export type HistoryChange = Readonly<{
  table: HistoryTable;
  rowId: string;
  action: HistoryEntry['action'];
  from: Readonly<Record<string, unknown>> | null;
  to: Readonly<Record<string, unknown>> | null;
}>;

export const newBatchId = (): string => newId();

/**
 * Appends history entries for changes made in the current transaction (which must include
 * `db.history`). One batch id for all of them unless `batchId` is given. They are stored as one
 * batch row (history-batches.ts), their ids naming it.
 */
export async function recordHistory(
  changes: readonly HistoryChange[],
  at: Timestamp,
  options: RecordOptions = {},
): Promise<HistoryEntry[]> {
  if (changes.length === 0) return [];
  const tx = Dexie.currentTransaction;
  if (!tx?.storeNames.includes('history')) {
    throw new Error('recordHistory must run inside a transaction that includes the history table');
  }
  const batchId = options.batchId ?? newBatchId();
  const { rowKey, ids } = newBatchRow(changes.length);
  const entries: HistoryEntry[] = changes.map((c, i) => ({
    id: ids[i]!,
    table: c.table,
    rowId: c.rowId,
    batchId,
    action: c.action,
    from: c.from,
    to: c.to,
    at,
    undoneAt: null,
    batchKind: options.batchKind ?? 'change',
    target: options.target ?? null,
    ...(i === 0 && options.label ? { label: options.label } : {}),
  }));
  if (tx.idbtrans) announceBatchRow(tx.idbtrans, rowKey);
  await db.history.bulkAdd(entries);
  keepOnCommit(entries);
  return entries;
}
