import type { Table } from 'dexie';
import { diffRow } from '@/core/model/row-diff';
import type { HistoryTable, Timestamp } from '@/core/model/types';
import { DbError } from './errors';
import { type HistoryChange, recordHistory, type WriteOptions } from './history';

type Row = { id: string; updatedAt: Timestamp; deletedAt: Timestamp | null };

/**
 * Applies `patch` to one row inside the current transaction (which must include the row's table
 * and `history`), recording the changed fields before and after. Writes nothing when nothing
 * changes. Returns the row as it now is. `read`: the row as the caller just read it in this
 * transaction (not read again: one wait on IndexedDB less).
 */
export async function patchRow<T extends Row, K extends string, I>(
  historyTable: HistoryTable,
  table: Table<T, K, I>,
  id: K,
  patch: Readonly<Partial<T>>,
  at: Timestamp,
  options: WriteOptions = {},
  action: 'update' | 'delete' | 'restore' = 'update',
  read?: Readonly<{ row: T | undefined }>,
): Promise<T> {
  const before = read ? read.row : await table.get(id);
  if (!before) {
    const noun = historyTable === 'evidence' ? 'link to a source' : historyTable.replace(/s$/, '');
    throw new DbError('not-found', `That ${noun} no longer exists; it may have been deleted in another tab.`);
  }
  const diff = diffRow(before as Record<string, unknown>, patch as Record<string, unknown>);
  if (!diff) return before;
  // strictly later than the row's last change, so an edit made in the same millisecond elsewhere
  // still shows up as a change (expectedUpdatedAt checks, incremental search indexing)
  const after = { ...before, ...diff.to, updatedAt: Math.max(at, before.updatedAt + 1) } as T;
  await table.put(after as unknown as I);
  await recordHistory(
    [{ table: historyTable, rowId: id, action, from: diff.from, to: diff.to }],
    at,
    options,
  );
  return after;
}

/**
 * `patchRow` for many rows in one go (the current transaction): one read, one write and one
 * history append for all of them, so a bulk edit costs a few requests instead of a few per row.
 * Patches on the same id apply in turn. `read`: the rows as the caller just read them in this
 * transaction (not read again). Returns the rows that changed, as they now are.
 */
export async function patchRows<T extends Row, K extends string, I>(
  historyTable: HistoryTable,
  table: Table<T, K, I>,
  patches: readonly (readonly [K, Readonly<Partial<T>>])[],
  at: Timestamp,
  options: WriteOptions = {},
  action: 'update' | 'delete' | 'restore' = 'update',
  read?: ReadonlyMap<K, T | undefined>,
): Promise<T[]> {
  const ids = [...new Set(patches.map(([id]) => id))];
  const rows = new Map<K, T | undefined>();
  const known = read && ids.every((id) => read.has(id));
  if (known) for (const id of ids) rows.set(id, read.get(id));
  else
    (await table.bulkGet(ids)).forEach((row, i) => {
      rows.set(ids[i]!, row);
    });
  const changes: HistoryChange[] = [];
  const changed = new Map<K, T>();
  for (const [id, patch] of patches) {
    const before = rows.get(id);
    if (!before) {
      const noun = historyTable === 'evidence' ? 'link to a source' : historyTable.replace(/s$/, '');
      throw new DbError(
        'not-found',
        `That ${noun} no longer exists; it may have been deleted in another tab.`,
      );
    }
    const diff = diffRow(before as Record<string, unknown>, patch as Record<string, unknown>);
    if (!diff) continue;
    const after = { ...before, ...diff.to, updatedAt: Math.max(at, before.updatedAt + 1) } as T;
    rows.set(id, after);
    changed.set(id, after);
    changes.push({ table: historyTable, rowId: id, action, from: diff.from, to: diff.to });
  }
  if (changed.size > 0) await table.bulkPut([...changed.values()] as unknown as I[]);
  await recordHistory(changes, at, options);
  return [...changed.values()];
}
