import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { ClaimId } from '@/core/model/types';
import type { ClaimFilters } from '@/core/review/filters';
import type { ClaimTableRow } from '@/db/claim-list';
import { claimQueries } from '@/db/queries';
import { afterNextPaint, usePaintedOnce } from '@/ui/use-after-paint';

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

const pageQuery = (filters: ClaimFilters, page: number) =>
  claimQueries.list(filters, { offset: page * PAGE_SIZE, limit: PAGE_SIZE });

/**
 * Rows for the visible window only: the pages of PAGE_SIZE covering [first, last], each one bounded
 * read of the read model at its offset, so scrolling never reads the whole match. The page either
 * side is read once those are in and the frame that shows them is out, so it never queues ahead of
 * (or beside) the rows on screen: on the first load (asked in their render, its requests, a hundred
 * claims asked by key, held that frame back), after a scroll, and after a write made them all out of
 * date (the bridge's refetch skips it while a page in view is out of date; it is read again here).
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
  // read live: TanStack asks it when a write invalidates the pages, before it refetches any
  const inViewCurrent = () =>
    pages.filter(inView).every((p) => {
      const state = client.getQueryState(pageQuery(filters, p).queryKey);
      return state?.data !== undefined && !state.isInvalidated;
    });
  const results = useQueries({
    queries: pages.map((p) => ({
      ...pageQuery(filters, p),
      enabled: inView(p) || (() => ready && painted && inViewCurrent()),
    })),
  });
  // the pages beside, looked at again each time those in view come in (their times in the key)
  const besideDue =
    ready && painted && inViewCurrent()
      ? pages.map((p, i) => (inView(p) ? `@${results[i]?.dataUpdatedAt}` : p)).join()
      : '';
  useEffect(() => {
    if (!besideDue) return;
    return afterNextPaint(() => {
      for (const p of besideDue.split(',')) {
        if (p.startsWith('@')) continue;
        const { queryKey } = pageQuery(filters, Number(p));
        const state = client.getQueryState(queryKey);
        if (state?.fetchStatus === 'idle' && (state.data === undefined || state.isInvalidated))
          void client.refetchQueries({ queryKey, exact: true });
      }
    });
  }, [besideDue, client, filters]);
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
