import { useMutation } from '@tanstack/react-query';
import type { Claim } from '@/core/model/types';
import { softDeleteClaim } from '@/db/claims';
import { describeDbError } from '@/db/errors';
import { useSelectedClaim } from '@/stores/selected-claim';
import { showToast } from '@/ui/toast';
import { showUndoToast, undoableBatch } from '@/ui/undo-toast';

/** Deletes the open claim, opens its neighbour in reading order, and offers Undo (which reopens it). */
export function useDeleteOpenClaim() {
  const { select, clear } = useSelectedClaim();
  const remove = useMutation({
    mutationFn: ({ claim, batchId }: { claim: Claim; batchId: string }) =>
      softDeleteClaim(claim.id, { batchId }),
  });
  return (claim: Claim, neighbour: Claim | null) => {
    const batchId = undoableBatch();
    remove.mutate(
      { claim, batchId },
      {
        onSuccess: () => {
          if (neighbour) select(neighbour.id, 'keyboard');
          else clear();
          showUndoToast('Claim deleted', batchId, () => select(claim.id, 'keyboard'));
        },
        onError: (e) => showToast(describeDbError(e), { tone: 'error' }),
      },
    );
  };
}
