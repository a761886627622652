import { useQueries, useQuery } from '@tanstack/react-query';
import type { ClaimId } from '@/core/model/types';
import type { ClaimFilters } from '@/core/review/filters';
import { type ClaimRow, claimTableQueries, PAGE_SIZE } from '../data/table-query';

const NO_IDS: readonly ClaimId[] = [];

/** The ordered ids of every matching claim (for the count, ranges and select-all). */
export const useMatchingIds = (filters: ClaimFilters) => useQuery(claimTableQueries.ids(filters));

/**
 * Rows for the visible window only: the pages of PAGE_SIZE covering [first, last] (plus one page
 * either side), fetched as separate queries so scrolling reads ~100 rows at a time.
 */
export function useVisibleRows(
  filters: ClaimFilters,
  ids: readonly ClaimId[] | undefined,
  first: number,
  last: number,
) {
  const all = ids ?? NO_IDS;
  const pages: number[] = [];
  if (all.length > 0) {
    const from = Math.max(0, Math.floor(first / PAGE_SIZE) - 1);
    const to = Math.min(Math.floor((all.length - 1) / PAGE_SIZE), Math.floor(last / PAGE_SIZE) + 1);
    for (let p = from; p <= to; p++) pages.push(p);
  }
  const results = useQueries({
    queries: pages.map((p) =>
      claimTableQueries.page(filters, p, all.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE)),
    ),
  });
  // ~300 entries per render: cheap enough to rebuild each time.
  const byIndex = new Map<number, ClaimRow>();
  pages.forEach((p, i) => {
    const rows = results[i]?.data;
    if (!rows) return;
    const byId = new Map(rows.map((r) => [r.claim.id as string, r]));
    for (let j = 0; j < PAGE_SIZE; j++) {
      const id = all[p * PAGE_SIZE + j];
      if (id === undefined) break;
      const row = byId.get(id);
      if (row) byIndex.set(p * PAGE_SIZE + j, row);
    }
  });
  return byIndex;
}
