/**
 * Catch-up mode: a first sync that receives a large library writes its pages without maintaining
 * the derived rows (facets, summaries, article heads: the middleware's `deferDerived`), then
 * rebuilds them once at the end (`rebuildDerivedIn`). A flag in `syncState`, written in the same
 * transaction as the first deferred page, says the derived rows are stale: a sync stopped half-way
 * (a reload, a closed tab) resumes in catch-up mode and rebuilds when it ends.
 */
import { FACETS, HEADS, SUMMARIES } from '@/db/derived/middleware';
import { rebuildDerivedIn } from '@/db/derived/rebuild';
import type { SyncDb } from '@/db/sync-db';

/** `syncState` key present while derived rows lag behind rows written in catch-up mode. */
export const CATCH_UP_KEY = 'catchUp';

export type CatchUpMark = Readonly<{ since: number }>;

export async function isCatchingUp(db: SyncDb): Promise<boolean> {
  return (await db.syncState.get(CATCH_UP_KEY)) !== undefined;
}

/** Rebuilds every derived row from the tables, and clears the flag, in one transaction. */
export async function finishCatchUp(db: SyncDb): Promise<void> {
  const names = ['claims', 'evidence', 'speakers', 'articles', FACETS, SUMMARIES, HEADS];
  await db.transaction('rw', [...names.map((n) => db.table(n)), db.syncState], async () => {
    await rebuildDerivedIn((name) => db.table(name));
    await db.syncState.delete(CATCH_UP_KEY);
  });
}
