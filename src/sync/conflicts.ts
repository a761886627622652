/**
 * Conflicts the merge rules settled provisionally but a person should decide (both sides changed a
 * verdict, notes, a claim's words…): listed for the claim panel, and settled by choosing a side per
 * field. Settling is an ordinary edit by this person (history, outbox, pushed like any other).
 */
import { sameValue } from '@/core/model/row-diff';
import { newId } from '@/db/ids';
import type { SyncDb } from '@/db/sync-db';
import type { ReplicatedTable } from '@/db/sync-tables';
import type { Row } from './docs';
import type { ConflictChoice, SyncConflict } from './types';

export async function listRowConflicts(db: SyncDb): Promise<SyncConflict[]> {
  const rows = await db.syncRevisions.where('conflicted').equals(1).toArray();
  return rows
    .map((r) => ({ table: r.table, rowId: r.rowId, fields: r.conflicts ?? [], at: r.conflictAt ?? 0 }))
    .sort((a, b) => b.at - a.at);
}

export async function resolveRowConflict(
  db: SyncDb,
  table: ReplicatedTable,
  rowId: string,
  choice: ConflictChoice,
  now: number,
): Promise<void> {
  const data = db.table(table) as unknown as {
    get(id: string): Promise<Row | undefined>;
    put(row: Row): Promise<unknown>;
  };
  await db.transaction('rw', [db.table(table), db.history, db.syncRevisions, db.syncState], async () => {
    const revision = await db.syncRevisions.get([table, rowId]);
    const row = await data.get(rowId);
    if (!revision?.conflicted || !row) return;
    const patch: Record<string, unknown> = {};
    for (const c of revision.conflicts ?? []) {
      const side = typeof choice === 'string' ? choice : (choice[c.field] ?? c.kept);
      const value = side === 'mine' ? c.mine : c.theirs;
      if (!sameValue(row[c.field], value)) patch[c.field] = value;
    }
    const { conflicted: _c, conflicts: _f, conflictAt: _a, ...rest } = revision;
    await db.syncRevisions.put(rest);
    if (Object.keys(patch).length === 0) return;
    const updatedAt = Math.max(now, Number(row.updatedAt ?? 0) + 1);
    await data.put({ ...row, ...patch, updatedAt });
    const identity = (await db.syncState.get('identity'))?.value as
      | { deviceId: string; author: string }
      | undefined;
    await db.history.add({
      id: newId(),
      table: table as never,
      rowId,
      batchId: newId(),
      action: 'update',
      from: Object.fromEntries(Object.keys(patch).map((k) => [k, row[k]])),
      to: patch,
      at: now,
      undoneAt: null,
      batchKind: 'change',
      target: null,
      label: 'Settle a sync conflict',
      ...(identity ? { author: identity.author, deviceId: identity.deviceId } : {}),
    } as never);
  });
}
