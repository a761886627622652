/** Every row of every table, sorted by key: two snapshots are equal when nothing was written. */
import type { Dexie } from 'dexie';

export type DbSnapshot = Record<string, unknown[]>;

export async function snapshotDb(target: Dexie): Promise<DbSnapshot> {
  const out: DbSnapshot = {};
  for (const table of target.tables) out[table.name] = await table.toArray();
  return out;
}
