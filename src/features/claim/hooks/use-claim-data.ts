import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClaimId } from '@/core/model/types';
import { db } from '@/db/db';
import { claimQueries, evidenceQueries, historyQueries, speakerQueries } from '@/db/queries';

export const useClaim = (id: ClaimId) => useQuery(claimQueries.detail(id));
export const useClaimEvidence = (id: ClaimId) => useQuery(evidenceQueries.byClaim(id));
export const useLibrarySpeakers = () => useQuery(speakerQueries.list());
export const useClaimHistory = (id: ClaimId) => useQuery(historyQueries.byRow('claims', id));

/**
 * Tags in use across the library with how many live claims carry each, for completion. Reads the
 * distinct keys of the multi-entry tags index, then one index count per tag (never every claim).
 */
export const usedTagsQuery = () =>
  queryOptions({
    queryKey: ['claims', 'usedTags'] as const,
    queryFn: async (): Promise<ReadonlyMap<string, number>> => {
      const tags = (await db.claims.orderBy('tags').uniqueKeys()) as string[];
      const counts = await Promise.all(tags.map((t) => db.claims.where('tags').equals(t).count()));
      return new Map(tags.map((t, i) => [t, counts[i] ?? 0]));
    },
    staleTime: Number.POSITIVE_INFINITY,
    networkMode: 'always',
  });

export const useUsedTags = () => useQuery(usedTagsQuery());
