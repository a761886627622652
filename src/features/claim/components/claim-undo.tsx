import type { Claim } from '@/core/model/types';
import { describeBatch, lastChangeIn } from '@/core/review/undo';
import { undoBatch } from '@/ui/undo-toast';
import { useClaimHistory } from '../hooks/use-claim-history';

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
