import type { Table, Transaction } from 'dexie';
import type { FacetRow } from './facets';
import { groupRange } from './facets';
import { FACETS } from './middleware';
import { SOURCED } from './old-facets';

/**
 * Builds `claimSourced` from the facet rows (schema version 13): the live claims with a source are
 * the primary keys of their `h=1` group's keys (no row read out), the tombstones (no index keys)
 * are read through the claims' `deletedAt` index and kept when their facet row has `h` 1.
 */
export async function sourcedIn(table: (name: string) => Table): Promise<void> {
  const [lo, hi] = groupRange('h=1', 'a');
  const [live, gone] = await Promise.all([
    table(FACETS).where('f').between(lo, hi, true, true).primaryKeys() as Promise<string[]>,
    table('claims')
      .where('deletedAt')
      .between(0, Number.POSITIVE_INFINITY, true, true)
      .primaryKeys() as Promise<string[]>,
  ]);
  const tombs = gone.length === 0 ? [] : ((await table(FACETS).bulkGet(gone)) as (FacetRow | undefined)[]);
  const ids = new Set(live);
  for (const f of tombs) if (f?.h === 1) ids.add(f.id);
  await table(SOURCED).clear();
  if (ids.size > 0) await table(SOURCED).bulkPut([...ids].map((id) => ({ id })));
}

/** Schema version 13's upgrade: `claimSourced` from the facet rows; no other row changes. */
export const sourcedInUpgrade = (tx: Transaction): Promise<void> => sourcedIn((name) => tx.table(name));
