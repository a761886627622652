import { useQuery } from '@tanstack/react-query';
import type { ClaimId } from '@/core/model/types';
import { claimQueries, evidenceQueries, historyQueries, speakerQueries } from '@/db/queries';

export const useClaim = (id: ClaimId) => useQuery(claimQueries.detail(id));
export const useClaimEvidence = (id: ClaimId) => useQuery(evidenceQueries.byClaim(id));
export const useLibrarySpeakers = () => useQuery(speakerQueries.list());
export const useClaimHistory = (id: ClaimId) => useQuery(historyQueries.byRow('claims', id));
/** Tags on live claims with how many carry each, for completion (the library summary). */
export const useUsedTags = () => useQuery(claimQueries.tagCounts());
