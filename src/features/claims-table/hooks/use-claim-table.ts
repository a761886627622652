import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ClaimId } from '@/core/model/types';
import type { ClaimFilters } from '@/core/review/filters';
import type { ClaimListItem } from '@/db/claim-list';
import { claimQueries } from '@/db/queries';

export const PAGE_SIZE = 100;

/** How many claims match: the table's height and the header (from the kept summaries when they answer it). */
export const useClaimCount = (filters: ClaimFilters) => useQuery(claimQueries.count(filters));

/**
 * The ordered ids of every matching claim, read only when asked (shift-click ranges and "select
 * all"): the table itself pages by key and never needs the whole list.
 */
export function useMatchingIdsOnDemand(filters: ClaimFilters): () => Promise<readonly ClaimId[]> {
  const client = useQueryClient();
  return useCallback(() => client.fetchQuery(claimQueries.ids(filters)), [client, filters]);
}

/**
 * Rows for the visible window only: the pages of PAGE_SIZE covering [first, last] (plus one page
 * either side), each one bounded read of the read model at its offset, so scrolling never reads
 * the whole match.
 */
export function useVisibleRows(filters: ClaimFilters, count: number, first: number, last: number) {
  const pages: number[] = [];
  if (count > 0) {
    const from = Math.max(0, Math.floor(first / PAGE_SIZE) - 1);
    const to = Math.min(Math.floor((count - 1) / PAGE_SIZE), Math.floor(last / PAGE_SIZE) + 1);
    for (let p = from; p <= to; p++) pages.push(p);
  }
  const results = useQueries({
    queries: pages.map((p) => claimQueries.list(filters, { offset: p * PAGE_SIZE, limit: PAGE_SIZE })),
  });
  // ~300 entries per render: cheap enough to rebuild each time.
  const byIndex = new Map<number, ClaimListItem>();
  pages.forEach((p, i) => {
    const rows = results[i]?.data;
    if (!rows) return;
    rows.forEach((row, j) => {
      byIndex.set(p * PAGE_SIZE + j, row);
    });
  });
  return byIndex;
}
