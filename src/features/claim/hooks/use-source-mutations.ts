import { useMutation } from '@tanstack/react-query';
import type { ClaimId, EvidenceId, SourceId } from '@/core/model/types';
import {
  attachSource,
  type EvidenceInput,
  type EvidencePatch,
  removeEvidence,
  updateEvidence,
} from '@/db/evidence';
import type { SourceInput } from '@/db/sources';

export const useAttachSource = () =>
  useMutation({
    mutationFn: ({
      claimId,
      source,
      link,
    }: {
      claimId: ClaimId;
      source: SourceId | SourceInput;
      link: EvidenceInput;
    }) => attachSource(claimId, source, link),
  });

export const useUpdateEvidence = () =>
  useMutation({
    mutationFn: ({ id, patch }: { id: EvidenceId; patch: EvidencePatch }) => updateEvidence(id, patch),
  });

export const useRemoveEvidence = () =>
  useMutation({
    mutationFn: ({ id, batchId }: { id: EvidenceId; batchId: string }) => removeEvidence(id, { batchId }),
  });
