import { useQueries, useQuery } from '@tanstack/react-query';
import type { ClaimId } from '@/core/model/types';
import type { ClaimFilters } from '@/core/review/filters';
import type { ClaimListItem } from '@/db/claim-list';
import { claimQueries } from '@/db/queries';

export const PAGE_SIZE = 100;
const NO_IDS: readonly ClaimId[] = [];

/** The ordered ids of every matching claim: the count, ranges and "select all matching" read it. */
export const useMatchingIds = (filters: ClaimFilters) => useQuery(claimQueries.ids(filters));

/**
 * Rows for the visible window only: the pages of PAGE_SIZE covering [first, last] (plus one page
 * either side), each its own query of ~100 rows by id, so scrolling never reads the table.
 */
export function useVisibleRows(ids: readonly ClaimId[] | undefined, first: number, last: number) {
  const all = ids ?? NO_IDS;
  const pages: number[] = [];
  if (all.length > 0) {
    const from = Math.max(0, Math.floor(first / PAGE_SIZE) - 1);
    const to = Math.min(Math.floor((all.length - 1) / PAGE_SIZE), Math.floor(last / PAGE_SIZE) + 1);
    for (let p = from; p <= to; p++) pages.push(p);
  }
  const results = useQueries({
    queries: pages.map((p) => claimQueries.rows(all.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE))),
  });
  // ~300 entries per render: cheap enough to rebuild each time.
  const byIndex = new Map<number, ClaimListItem>();
  pages.forEach((p, i) => {
    const rows = results[i]?.data;
    if (!rows) return;
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    for (let j = 0; j < PAGE_SIZE; j++) {
      const id = all[p * PAGE_SIZE + j];
      if (id === undefined) break;
      const row = byId.get(id);
      if (row) byIndex.set(p * PAGE_SIZE + j, row);
    }
  });
  return byIndex;
}
