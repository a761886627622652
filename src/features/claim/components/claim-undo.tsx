import type { Claim } from '@/core/model/types';
import { describeBatch, lastChangeIn } from '@/core/review/undo';
import { useClaimHistory } from '@/features/claim/hooks/use-claim-history';
import { undoBatch } from '@/ui/undo-toast';

/** Undo for the claim shown: its own last change (or its sources'), never another claim's. */
export function ClaimUndo({ claim }: Readonly<{ claim: Claim }>) {
  const { entries } = useClaimHistory(claim.id);
  const batchId = lastChangeIn(entries);
  const label = batchId ? describeBatch(entries.filter((e) => e.batchId === batchId)) : null;
  return (
    <button
      type="button"
      className="small claim-undo"
      disabled={!batchId}
      onClick={() => batchId && undoBatch(batchId)}
      title={label ? `Undo this claim’s last change: ${label}` : 'Nothing to undo on this claim'}
    >
      {label ? `↶ Undo: ${label}` : '↶ Undo'}
    </button>
  );
}
