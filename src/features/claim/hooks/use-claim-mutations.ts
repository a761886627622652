import { useMutation } from '@tanstack/react-query';
import type { ClaimId, SpeakerId, Verdict } from '@/core/model/types';
import {
  type ClaimPatch,
  restoreClaim,
  setClaimSpeaker,
  setClaimVerdict,
  softDeleteClaim,
  updateClaim,
} from '@/db/claims';
import { createSpeaker, mergeSpeakers, type SpeakerInput, updateSpeaker } from '@/db/speakers';

/** Mutations wrap repository functions only; the storagemutated bridge refreshes every view. */
export const useSetVerdict = () =>
  useMutation({
    mutationFn: ({ id, verdict }: { id: ClaimId; verdict: Verdict }) => setClaimVerdict(id, verdict),
  });

export const useUpdateClaim = () =>
  useMutation({ mutationFn: ({ id, patch }: { id: ClaimId; patch: ClaimPatch }) => updateClaim(id, patch) });

export const useSetSpeaker = () =>
  useMutation({
    mutationFn: ({ id, speakerId }: { id: ClaimId; speakerId: SpeakerId | null }) =>
      setClaimSpeaker(id, speakerId),
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
