import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ClaimId, HistoryEntry } from '@/core/model/types';
import { evidenceQueries, historyQueries } from '@/db/queries';

/** Every recorded change to the claim and to its source links, newest first. */
export function useClaimHistory(claimId: ClaimId) {
  const own = useQuery(historyQueries.byRow('claims', claimId));
  const evidence = useQuery(evidenceQueries.byClaim(claimId));
  const links = useQueries({
    queries: (evidence.data ?? []).map((e) => historyQueries.byRow('evidence', e.evidence.id)),
  });
  const linksStamp = links.map((q) => q.dataUpdatedAt).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the links' data changes exactly when their stamp does.
  const entries = useMemo(() => {
    const rows: HistoryEntry[] = [...(own.data ?? []), ...links.flatMap((q) => q.data ?? [])];
    return rows.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  }, [own.data, linksStamp]);
  return { entries, pending: own.isPending };
}
