import type { Dexie } from 'dexie';
import { facetOf } from '../derived/facets';

/** Every facet row rewritten below the middlewares as schema version 13 stored it (all its keys, its verdict): as the version-14 upgrade leaves them. */
export async function facetRowsAsVersion13(target: Dexie): Promise<void> {
  const [claims, speakers, sourced] = await Promise.all([
    target.table('claims').toArray(),
    target.table('speakers').toArray(),
    target.table('claimSourced').toCollection().primaryKeys(),
  ]);
  const names = new Map(speakers.map((s) => [s.id as string, s.name as string]));
  const has = new Set(sourced);
  const rows = claims.map((c) =>
    facetOf(c, has.has(c.id), c.speakerId === null ? null : (names.get(c.speakerId) ?? '')),
  );
  await new Promise((resolve, reject) => {
    const tx = target.backendDB().transaction('claimFacets', 'readwrite');
    for (const row of rows) tx.objectStore('claimFacets').put(row);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
}
