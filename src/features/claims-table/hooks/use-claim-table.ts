import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ClaimId } from '@/core/model/types';
import type { ClaimFilters } from '@/core/review/filters';
import type { ClaimTableRow } from '@/db/claim-list';
import { claimQueries } from '@/db/queries';
import { usePaintedOnce } from '@/ui/use-after-paint';

export const PAGE_SIZE = 100;

/** The first page's query of `filters`, as the screen prefetches it and the grid reads it. */
export const firstPageQuery = (filters: ClaimFilters) =>
  claimQueries.list(filters, { offset: 0, limit: PAGE_SIZE });

/** The first page's status, observed without asking for it ('pending' until it is answered). */
export const useFirstPageStatus = (filters: ClaimFilters) =>
  useQuery({ ...firstPageQuery(filters), enabled: false }).status;

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
 * Rows for the visible window only: the pages of PAGE_SIZE covering [first, last], each one bounded
 * read of the read model at its offset, so scrolling never reads the whole match. The page either
 * side is read once those are in, so it never queues ahead of (or beside) the rows on screen; the
 * first time, once the frame that shows them is out: asked in their render, its requests (a hundred
 * claims asked by key) held that frame back.
 */
export function useVisibleRows(filters: ClaimFilters, count: number, first: number, last: number) {
  const pages: number[] = [];
  let seen = { from: 0, to: -1 };
  if (count > 0) {
    const lastPage = Math.floor((count - 1) / PAGE_SIZE);
    seen = { from: Math.floor(first / PAGE_SIZE), to: Math.min(lastPage, Math.floor(last / PAGE_SIZE)) };
    for (let p = Math.max(0, seen.from - 1); p <= Math.min(lastPage, seen.to + 1); p++) pages.push(p);
  }
  const inView = (p: number) => p >= seen.from && p <= seen.to;
  // the pages in view are observed below, so this render is repeated when they come in
  const client = useQueryClient();
  const ready = pages
    .filter(inView)
    .every((p) => client.getQueryData(pageQuery(filters, p).queryKey) !== undefined);
  const painted = usePaintedOnce(ready);
  const results = useQueries({
    queries: pages.map((p) => ({ ...pageQuery(filters, p), enabled: (ready && painted) || inView(p) })),
  });
  // ~300 entries per render: cheap enough to rebuild each time.
  const byIndex = new Map<number, ClaimTableRow>();
  pages.forEach((p, i) => {
    const rows = results[i]?.data;
    if (!rows) return;
    rows.forEach((row, j) => {
      byIndex.set(p * PAGE_SIZE + j, row);
    });
  });
  return byIndex;
}

const pageQuery = (filters: ClaimFilters, page: number) =>
  claimQueries.list(filters, { offset: page * PAGE_SIZE, limit: PAGE_SIZE });
