import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ClaimId } from '@/core/model/types';
import type { ClaimFilters } from '@/core/review/filters';
import type { ClaimListItem } from '@/db/claim-list';
import { claimQueries } from '@/db/queries';

export const PAGE_SIZE = 100;

/** How many claims match (the grid's height and the header count). */
export const useClaimCount = (filters: ClaimFilters) => useQuery(claimQueries.count(filters));

/**
 * Rows for the visible window only: the pages of PAGE_SIZE covering [first, last] (plus one page
 * either side), each its own query, so scrolling reads ~100 rows at a time and never the table.
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
    results[i]?.data?.forEach((row, j) => {
      byIndex.set(p * PAGE_SIZE + j, row);
    });
  });
  return byIndex;
}

/** The ids of the matching claims in [from, to] (for a shift-click range or "select all matching"). */
export function useIdsInRange(filters: ClaimFilters) {
  const client = useQueryClient();
  return useCallback(
    async (from: number, to: number): Promise<ClaimId[]> => {
      const rows = await client.fetchQuery(
        claimQueries.list(filters, { offset: from, limit: to - from + 1 }),
      );
      return rows.map((r) => r.id);
    },
    [client, filters],
  );
}
