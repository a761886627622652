import type { Transaction } from 'dexie';
import type { Claim } from '@/core/model/types';
import { storedClaimOf } from './hot-keys';

/** Rows an upgrade step reads at once (claims hold their text: a bounded share in memory). */
const CHUNK = 2_000;

const requested = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * Every row of `store` written back as `storedOf` gives it, `CHUNK` rows a read, straight to
 * IndexedDB: no Dexie middleware (the upgrade keeps the derived rows itself, and a team is told of
 * no change). The puts are not awaited: IndexedDB answers a transaction's requests in order, so the
 * next read waits for them, and a failed put aborts the upgrade.
 */
async function rewriteRaw<T extends { id: string }>(
  store: IDBObjectStore,
  storedOf: (row: T) => unknown,
): Promise<void> {
  let range: IDBKeyRange | undefined;
  for (;;) {
    const rows = (await requested(store.getAll(range, CHUNK))) as T[];
    for (const row of rows) store.put(storedOf(row));
    if (rows.length < CHUNK) return;
    range = IDBKeyRange.lowerBound(rows.at(-1)!.id, true);
  }
}

/**
 * Schema version 14's upgrade: every claim row gets its hot keys (`hk`). The facet rows stay as
 * version 13 wrote them (old-facets.ts `isOldFacet`): their cold keys are version 14's, and what
 * else they hold no reader takes from a facet row.
 */
export function hotKeysInUpgrade(tx: Transaction): Promise<void> {
  return rewriteRaw<Claim>(tx.idbtrans.objectStore('claims'), storedClaimOf);
}
