import { useMutation } from '@tanstack/react-query';
import type { ClaimId, Verdict } from '@/core/model/types';
import { verdictLabel } from '@/core/review/verdicts';
import { describeDbError } from '@/db/errors';
import {
  addTagToClaims,
  removeTagFromClaims,
  setClaimsVerdict,
  softDeleteClaims,
  undoClaimBatch,
} from '../data/bulk';
import { plural } from '../format';

/** What the last bulk action did, for the live region, and the batch its Undo reverses. */
export type Notice = Readonly<{ message: string; tone: 'success' | 'error'; batchId: string | null }>;

type Ids = readonly ClaimId[];

/** Bulk writes: each mutation wraps one repository call (one batch); the bridge refreshes the table. */
export function useBulkActions(onNotice: (n: Notice) => void) {
  const onError = (error: unknown) =>
    onNotice({ message: describeDbError(error), tone: 'error', batchId: null });
  const verdict = useMutation({
    mutationFn: ({ ids, verdict }: { ids: Ids; verdict: Verdict }) => setClaimsVerdict(ids, verdict),
    onSuccess: (batchId, { ids, verdict }) =>
      onNotice({
        message: `Set ${plural(ids.length, 'claim')} to ${verdictLabel(verdict)}.`,
        tone: 'success',
        batchId,
      }),
    onError,
  });
  const tag = useMutation({
    mutationFn: ({ ids, tag }: { ids: Ids; tag: string }) => addTagToClaims(ids, tag),
    onSuccess: (batchId, { ids, tag }) =>
      onNotice({ message: `Tagged ${plural(ids.length, 'claim')} “${tag}”.`, tone: 'success', batchId }),
    onError,
  });
  const untag = useMutation({
    mutationFn: ({ ids, tag }: { ids: Ids; tag: string }) => removeTagFromClaims(ids, tag),
    onSuccess: (batchId, { ids, tag }) =>
      onNotice({
        message: `Removed “${tag}” from ${plural(ids.length, 'claim')}.`,
        tone: 'success',
        batchId,
      }),
    onError,
  });
  const remove = useMutation({
    mutationFn: ({ ids }: { ids: Ids }) => softDeleteClaims(ids),
    onSuccess: (batchId, { ids }) =>
      onNotice({
        message: `Deleted ${plural(ids.length, 'claim')} (moved to the trash).`,
        tone: 'success',
        batchId,
      }),
    onError,
  });
  const undo = useMutation({
    mutationFn: (batchId: string) => undoClaimBatch(batchId),
    onSuccess: () => onNotice({ message: 'Undone.', tone: 'success', batchId: null }),
    onError,
  });
  const busy = verdict.isPending || tag.isPending || untag.isPending || remove.isPending || undo.isPending;
  return { verdict, tag, untag, remove, undo, busy };
}
