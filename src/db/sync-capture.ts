/**
 * Change capture for team sync: a DBCore middleware under every write to a replicated table
 * (articles, speakers, sources, claims, evidence, questions, history) that appends one
 * `syncOutbox` row per written key in the same transaction, so a change and its outbox entry
 * commit or fail together. It writes nothing while no team is connected (`syncState` row
 * `connection` absent) and nothing for a transaction the sync engine marked as its own
 * (`markFromSync`): pulled rows must not be pushed back. Derived tables are never captured.
 */
import { type DBCore, type DBCoreMutateRequest, type DBCoreTransaction, Dexie, type Middleware } from 'dexie';
import { newId } from './ids';
import { isReplicated, type OutboxEntry, SYNC_KEYS } from './sync-tables';

export const OUTBOX = 'syncOutbox';
export const SYNC_STATE = 'syncState';
const WIDENED = [OUTBOX, SYNC_STATE];

const fromSync = new WeakSet<object>();
const connected = new WeakMap<DBCoreTransaction, Promise<boolean>>();
const batchIds = new WeakMap<DBCoreTransaction, string>();

/**
 * Marks the current Dexie transaction as the sync engine's: its writes are not captured. Call it
 * first thing inside `db.transaction('rw', …, () => { markFromSync(); … })`.
 */
export function markFromSync(): void {
  const tx = Dexie.currentTransaction;
  if (!tx?.idbtrans) throw new Error('markFromSync must run inside a read-write transaction');
  fromSync.add(tx.idbtrans);
}

function keysOf(req: DBCoreMutateRequest): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'add' || req.type === 'put')
    return req.keys ?? req.values.map((v) => (v as { id: unknown }).id);
  return [];
}

export const syncCaptureMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ClaimdeskSyncCapture',
  create(down) {
    const present = WIDENED.every((name) => down.schema.tables.some((t) => t.name === name));
    if (!present) return down;
    const outbox = down.table(OUTBOX);
    const state = down.table(SYNC_STATE);
    const isConnected = (trans: DBCoreTransaction): Promise<boolean> => {
      let known = connected.get(trans);
      if (!known) {
        known = state.get({ trans, key: SYNC_KEYS.connection }).then((row) => row !== undefined);
        connected.set(trans, known);
      }
      return known;
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some(isReplicated);
        return down.transaction(widen ? [...new Set([...stores, ...WIDENED])] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!isReplicated(name)) return table;
        return {
          ...table,
          async mutate(req) {
            const { trans } = req;
            if (fromSync.has(trans as object) || !(await isConnected(trans))) return table.mutate(req);
            let keys = keysOf(req);
            if (req.type === 'deleteRange') {
              const { result } = await table.query({
                trans,
                values: false,
                query: { index: table.schema.primaryKey, range: req.range },
              });
              keys = result;
            }
            const res = await table.mutate(req);
            let batchId = batchIds.get(trans);
            if (!batchId) {
              batchId = newId();
              batchIds.set(trans, batchId);
            }
            const at = Date.now();
            const op = req.type === 'delete' || req.type === 'deleteRange' ? 'delete' : 'put';
            const entries: OutboxEntry[] = keys
              .filter((_, i) => res.failures[i] === undefined)
              .map((key) => ({ table: name, rowId: String(key), op, at, batchId }));
            if (entries.length > 0) await outbox.mutate({ trans, type: 'add', values: entries });
            return res;
          },
        };
      },
    };
  },
};
