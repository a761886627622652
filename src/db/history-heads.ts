/**
 * Batch heads (schema version 11). Undo, redo and the Undo button look back over the latest
 * `UNDO_WINDOW` batches of history; before version 11 they found them by walking the `batchId`
 * index backwards over every entry of every batch (a 1,000-claim bulk edit is 1,000 entries) and
 * then asked for each batch's first entry, 201 requests (docs/PERFORMANCE.md, writes16 and
 * writes17). Now the first entry of each batch in every history write carries `hd` = its batch id,
 * and the `hd` index holds one key per batch (a few when a batch was written in several requests),
 * so the latest batches are the last keys of a small index, read with their entries in one walk.
 *
 * Set by a middleware under every history write, whoever makes it (recordHistory, sync's pulled
 * entries and conflict entries, a restore), so no writer has to know; the upgrade to version 11
 * marks the first entry (lowest id) of each batch already stored. History is append-only: an entry
 * is never rewritten by the app (a pulled copy of an entry is written again, and marked again).
 */
import type { DBCore, DBCoreMutateRequest, Middleware, Transaction } from 'dexie';
import type { HistoryEntry } from '@/core/model/types';
import { markFromSync } from './sync-capture';

/** The field (and index) naming a batch on its head entries. */
export const HEAD = 'hd';

export type HeadEntry = HistoryEntry & Readonly<{ hd?: string }>;

/** The entries with the first of each batch among them marked as a head (the others as they are). */
export function withHeads<T extends { batchId: string }>(entries: readonly T[]): T[] {
  const seen = new Set<string>();
  return entries.map((e) => {
    if (seen.has(e.batchId)) return e;
    seen.add(e.batchId);
    return (e as { hd?: string }).hd === e.batchId ? e : { ...e, [HEAD]: e.batchId };
  });
}

export const historyHeadsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'historyHeads',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== 'history') return table;
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) =>
          req.type === 'add' || req.type === 'put'
            ? table.mutate({ ...req, values: withHeads(req.values as { batchId: string }[]) })
            : table.mutate(req),
      };
    },
  }),
};

/**
 * The upgrade to version 11: the first entry (lowest id) of each stored batch becomes its head.
 * Marking a head is not an edit: the upgrade's writes are marked as sync's own, so sync capture
 * does not queue them (a connected library would push every head again).
 */
export async function headsInUpgrade(tx: Transaction): Promise<void> {
  markFromSync();
  const history = tx.table('history');
  // a key walk of `batchId` (no entry read): its entries come by batch, each batch's by primary key
  const first = new Map<string, string>();
  await history.orderBy('batchId').eachPrimaryKey((id, cursor) => {
    const batchId = String(cursor.key);
    if (!first.has(batchId)) first.set(batchId, String(id));
  });
  const heads = (await history.bulkGet([...first.values()])) as (HeadEntry | undefined)[];
  await history.bulkPut(heads.flatMap((h) => (h ? [{ ...h, [HEAD]: h.batchId }] : [])));
}

/**
 * A history row without its head mark, for what leaves the database (a backup, a sync document):
 * the mark is derived, and set again when the row is written back (the middleware above).
 */
export function withoutHead<T extends Readonly<Record<string, unknown>>>(row: T): T {
  if (!(HEAD in row)) return row;
  const { [HEAD]: _, ...rest } = row;
  return rest as T;
}
