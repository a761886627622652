import { useMutation } from '@tanstack/react-query';
import type { ClaimId, Verdict } from '@/core/model/types';
import { verdictLabel } from '@/core/review/verdicts';
import { addTagToClaims, removeTagFromClaims, setClaimsVerdict, softDeleteClaims } from '@/db/claims';
import { describeDbError } from '@/db/errors';
import { plural } from '@/features/claims-table/format';
import { showToast } from '@/ui/toast';
import { showUndoToast } from '@/ui/undo-toast';

type Ids = readonly ClaimId[];

const onError = (error: unknown) => showToast(describeDbError(error), { tone: 'error' });

/**
 * Bulk writes: each mutation wraps one repository call, which writes one history batch (one undo
 * step); the bridge refreshes the table. The toast announces the result with an Undo for that batch.
 */
export function useBulkActions() {
  const done = (message: string) => (batchId: string) => showUndoToast(message, batchId);

  const verdict = useMutation({
    mutationFn: ({ ids, verdict }: { ids: Ids; verdict: Verdict }) => setClaimsVerdict(ids, verdict),
    onSuccess: (batchId, { ids, verdict }) =>
      done(`Set ${plural(ids.length, 'claim')} to ${verdictLabel(verdict)}.`)(batchId),
    onError,
  });
  const tag = useMutation({
    mutationFn: ({ ids, tag }: { ids: Ids; tag: string }) => addTagToClaims(ids, tag),
    onSuccess: (batchId, { ids, tag }) => done(`Tagged ${plural(ids.length, 'claim')} “${tag}”.`)(batchId),
    onError,
  });
  const untag = useMutation({
    mutationFn: ({ ids, tag }: { ids: Ids; tag: string }) => removeTagFromClaims(ids, tag),
    onSuccess: (batchId, { ids, tag }) =>
      done(`Removed “${tag}” from ${plural(ids.length, 'claim')}.`)(batchId),
    onError,
  });
  const remove = useMutation({
    mutationFn: ({ ids }: { ids: Ids }) => softDeleteClaims(ids),
    onSuccess: (batchId, { ids }) => done(`Deleted ${plural(ids.length, 'claim')} (in the trash).`)(batchId),
    onError,
  });
  const busy = verdict.isPending || tag.isPending || untag.isPending || remove.isPending;
  return { verdict, tag, untag, remove, busy };
}
