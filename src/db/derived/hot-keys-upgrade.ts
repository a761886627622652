import type { Table, Transaction } from 'dexie';
import type { Claim } from '@/core/model/types';
import type { FacetRow } from './facets';
import { storedClaimOf, storedFacetOf } from './hot-keys';
import { FACETS, writingStoredClaims } from './middleware';

/** Rows an upgrade step reads and writes at once (claims hold their text: a bounded share in memory). */
const CHUNK = 2_000;

/** Every row of `table` in primary-key order, `CHUNK` at a time, written back as `storedOf` gives it. */
export async function rewriteAll<T extends { id: string }>(
  table: Table,
  storedOf: (row: T) => unknown,
): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const rows = (await (after === null ? table.orderBy(':id') : table.where(':id').above(after))
      .limit(CHUNK)
      .toArray()) as T[];
    if (rows.length > 0) await table.bulkPut(rows.map(storedOf));
    if (rows.length < CHUNK) return;
    after = rows.at(-1)!.id;
  }
}

/**
 * Schema version 14's upgrade: every claim row gets its hot keys (`hk`) and every facet row becomes
 * its stored form (cold keys, no verdict, no update or verdict sort key). Rows keep every other value.
 * The claims go down as they are given (no derived work: the facets are rewritten here) and are no
 * change a team is told of (their content is the same).
 */
export async function hotKeysInUpgrade(tx: Transaction): Promise<void> {
  writingStoredClaims();
  await rewriteAll<Claim>(tx.table('claims'), storedClaimOf);
  await rewriteAll<FacetRow>(tx.table(FACETS), storedFacetOf);
}
