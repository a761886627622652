import { useMutation } from '@tanstack/react-query';
import type { ClaimId, Verdict } from '@/core/model/types';
import { setClaimVerdict } from '@/db/claims';

type SetVerdict = Readonly<{ id: ClaimId; verdict: Verdict }>;

/** Saves a verdict; the storagemutated bridge refreshes every view of the claim, in every tab. */
export const useSetClaimVerdict = () =>
  useMutation({ mutationFn: ({ id, verdict }: SetVerdict) => setClaimVerdict(id, verdict) });
