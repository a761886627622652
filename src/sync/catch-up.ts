/**
 * Catch-up mode: a first sync that receives a large library writes its pages without maintaining
 * the derived rows (facets, summaries, article heads: the middleware's `deferDerived`), then
 * rebuilds them once at the end (`rebuildDerivedIn`). A flag in `syncState`, written in the same
 * transaction as the first deferred page, says the derived rows are stale: a sync stopped half-way
 * (a reload, a closed tab) resumes in catch-up mode and rebuilds when it ends.
 */
import { WIDENED } from '@/db/derived/middleware';
import { rebuildDerivedIn } from '@/db/derived/rebuild';
import { SYNC_STATE } from '@/db/sync-capture';
import type { SyncDb } from '@/db/sync-db';

/** `syncState` key present while derived rows lag behind rows written in catch-up mode. */
export const CATCH_UP_KEY = 'catchUp';

export type CatchUpMark = Readonly<{ since: number }>;

export async function isCatchingUp(db: SyncDb): Promise<boolean> {
  return (await db.syncState.get(CATCH_UP_KEY)) !== undefined;
}

/** Rebuilds every derived row from the tables, and clears the flag, in one transaction. */
export async function finishCatchUp(db: SyncDb): Promise<void> {
  // tables through the transaction itself (as apply.ts): no await can move a write out of it
  await db.transaction('rw', [...WIDENED.map((n) => db.table(n)), db.syncState], async (tx) => {
    await rebuildDerivedIn((name) => tx.table(name));
    await tx.table(SYNC_STATE).delete(CATCH_UP_KEY);
  });
}
