/**
 * Bulk writes of the Claims screen, each one transaction and one history batch (one undo step).
 *
 * Interim: the data layer (branch rdata) is adding `addTagToClaims`, `removeTagFromClaims`,
 * `softDeleteClaims` and a global `undo()` in src/db; these compose the existing repository
 * functions the same way until then, and are the only place to change when those land.
 */
import type { ClaimId, Verdict } from '@/core/model/types';
import { withoutTag, withTag } from '@/core/review/tags';
import { restoreClaim, setClaimsVerdict, softDeleteClaim, updateClaim } from '@/db/claims';
import { db } from '@/db/db';
import { historyOfBatch, newBatchId } from '@/db/history';

const CLAIM_TABLES = [db.claims, db.articles, db.history];

async function eachClaim(ids: readonly ClaimId[], write: (id: ClaimId, batchId: string) => Promise<unknown>) {
  const batchId = newBatchId();
  await db.transaction('rw', CLAIM_TABLES, async () => {
    for (const id of ids) await write(id, batchId);
  });
  return batchId;
}

export function addTagToClaims(ids: readonly ClaimId[], tag: string): Promise<string> {
  return eachClaim(ids, async (id, batchId) => {
    const claim = await db.claims.get(id);
    if (!claim) return;
    const tags = withTag(claim.tags, tag);
    if (tags !== claim.tags) await updateClaim(id, { tags }, { batchId });
  });
}

export function removeTagFromClaims(ids: readonly ClaimId[], tag: string): Promise<string> {
  return eachClaim(ids, async (id, batchId) => {
    const claim = await db.claims.get(id);
    if (!claim) return;
    const tags = withoutTag(claim.tags, tag);
    if (tags.length !== claim.tags.length) await updateClaim(id, { tags }, { batchId });
  });
}

export function softDeleteClaims(ids: readonly ClaimId[]): Promise<string> {
  return eachClaim(ids, (id, batchId) => softDeleteClaim(id, { batchId }));
}

export { setClaimsVerdict };

/** Reverses one batch of claim changes as a new batch (history stays append-only). */
export async function undoClaimBatch(batchId: string): Promise<string> {
  const entries = await historyOfBatch(batchId);
  const undoId = newBatchId();
  await db.transaction('rw', CLAIM_TABLES, async () => {
    for (const e of [...entries].reverse()) {
      if (e.table !== 'claims') continue;
      const id = e.rowId as ClaimId;
      if (e.action === 'delete') await restoreClaim(id, { batchId: undoId });
      else if (e.action === 'restore' || e.action === 'create')
        await softDeleteClaim(id, { batchId: undoId });
      else if (e.from)
        await updateClaim(id, e.from as Parameters<typeof updateClaim>[1], { batchId: undoId });
    }
  });
  return undoId;
}

export type BulkVerdict = Readonly<{ ids: readonly ClaimId[]; verdict: Verdict }>;
