/**
 * Change capture for team sync: a DBCore middleware under every write to a replicated table
 * (articles, speakers, sources, claims, evidence, questions, history) that appends one
 * `syncOutbox` row per written key in the same transaction, so a change and its outbox entry
 * commit or fail together. It writes nothing while no team is connected (`syncState` row
 * `connection` absent) and nothing for a transaction the sync engine marked as its own
 * (`markFromSync`): pulled rows must not be pushed back. Derived tables are never captured.
 *
 * A pulled row's revision holds no copy of the row (`RevisionRow.base` absent: the stored row is
 * the server's). Before the first captured write changes or deletes such a row, this middleware
 * copies the stored row into its revision, in the same transaction: the three-way merge of a later
 * conflict then has the base the local edit started from.
 */
import {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  Dexie,
  type Middleware,
} from 'dexie';
import { newId } from './ids';
import { isReplicated, type OutboxEntry, type RevisionRow, SYNC_KEYS } from './sync-tables';

export const OUTBOX = 'syncOutbox';
export const SYNC_STATE = 'syncState';
export const REVISIONS = 'syncRevisions';
const WIDENED = [OUTBOX, SYNC_STATE, REVISIONS];

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

/**
 * Copy-on-first-local-write: the revisions of `keys` that hold no base (rows pulled and not changed
 * here since) get the stored row, which is still the server's, before a write changes it.
 */
async function keepBases(
  table: DBCoreTable,
  revisions: DBCoreTable,
  trans: DBCoreTransaction,
  keys: readonly unknown[],
): Promise<void> {
  if (keys.length === 0) return;
  const name = table.name;
  const revs = (await revisions.getMany({
    trans,
    keys: keys.map((k) => [name, k]),
  })) as (RevisionRow | undefined)[];
  const lean = revs.flatMap((r, i) => (r !== undefined && r.base === undefined ? [i] : []));
  if (lean.length === 0) return;
  const rows = (await table.getMany({ trans, keys: lean.map((i) => keys[i]) })) as (
    | Record<string, unknown>
    | undefined
  )[];
  const values = lean.flatMap((i, j) => (rows[j] === undefined ? [] : [{ ...revs[i]!, base: rows[j]! }]));
  if (values.length > 0) await revisions.mutate({ trans, type: 'put', values });
}

export const syncCaptureMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ClaimdeskSyncCapture',
  create(down) {
    const present = WIDENED.every((name) => down.schema.tables.some((t) => t.name === name));
    if (!present) return down;
    const outbox = down.table(OUTBOX);
    const state = down.table(SYNC_STATE);
    const revisions = down.table(REVISIONS);
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
        const trans = down.transaction(widen ? [...new Set([...stores, ...WIDENED])] : stores, mode, options);
        // whether a team is connected is asked as the transaction starts, beside the reads that come
        // before its first write, not as a round trip of its own in front of that write (straight
        // from IndexedDB: the Dexie layers below read the transaction's zone, not set up yet here)
        if (widen && !connected.has(trans) && typeof (trans as IDBTransaction).objectStore === 'function') {
          const req = (trans as IDBTransaction).objectStore(SYNC_STATE).get(SYNC_KEYS.connection);
          // a Dexie promise, as the table's own `get` gives: the write that awaits it keeps its zone
          const known = new Dexie.Promise<boolean>((resolve, reject) => {
            req.onsuccess = () => resolve(req.result !== undefined);
            req.onerror = () => reject(req.error);
          });
          known.catch(() => undefined);
          connected.set(trans, known);
        }
        return trans;
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
            // history entries are never merged against a base; an add only succeeds for a new row
            if (name !== 'history' && req.type !== 'add') await keepBases(table, revisions, trans, keys);
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
