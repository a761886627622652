import { useMutation } from '@tanstack/react-query';
import type { ClaimId, SpeakerId, Timestamp, Verdict } from '@/core/model/types';
import {
  type ClaimPatch,
  restoreClaim,
  setClaimsVerdict,
  setClaimVerdict,
  softDeleteClaim,
  updateClaim,
} from '@/db/claims';
import { createSpeaker, mergeSpeakers, type SpeakerInput, updateSpeaker } from '@/db/speakers';

/**
 * Mutations wrap repository functions only; the storagemutated bridge refreshes every view. Claim
 * edits pass the `updatedAt` the screen showed, so the result says whether another tab changed the
 * claim meanwhile (the later write still wins).
 */
type Checked = Readonly<{ id: ClaimId; expectedUpdatedAt: Timestamp }>;

export const useSetVerdict = () =>
  useMutation({
    mutationFn: ({ id, verdict, expectedUpdatedAt }: Checked & { verdict: Verdict }) =>
      setClaimVerdict(id, verdict, { expectedUpdatedAt }),
  });

/** One verdict on every part of a quotation, as one history batch (one undo step). */
export const useSetVerdicts = () =>
  useMutation({
    mutationFn: ({ ids, verdict }: { ids: readonly ClaimId[]; verdict: Verdict }) =>
      setClaimsVerdict(ids, verdict),
  });

export const useUpdateClaim = () =>
  useMutation({
    mutationFn: ({ id, patch, expectedUpdatedAt }: Checked & { patch: ClaimPatch }) =>
      updateClaim(id, patch, { expectedUpdatedAt }),
  });

export const useSetSpeaker = () =>
  useMutation({
    mutationFn: ({ id, speakerId, expectedUpdatedAt }: Checked & { speakerId: SpeakerId | null }) =>
      updateClaim(id, { speakerId }, { expectedUpdatedAt }),
  });

export const useCreateSpeaker = () =>
  useMutation({ mutationFn: (input: SpeakerInput) => createSpeaker(input) });

export const useRenameSpeaker = () =>
  useMutation({
    mutationFn: ({ id, name, role }: { id: SpeakerId; name: string; role?: string | null }) =>
      updateSpeaker(id, role === undefined ? { name } : { name, role }),
  });

export const useMergeSpeakers = () =>
  useMutation({
    mutationFn: ({ keepId, otherId }: { keepId: SpeakerId; otherId: SpeakerId }) =>
      mergeSpeakers(keepId, [otherId]),
  });

export const useDeleteClaim = () => useMutation({ mutationFn: (id: ClaimId) => softDeleteClaim(id) });
export const useRestoreClaim = () => useMutation({ mutationFn: (id: ClaimId) => restoreClaim(id) });
