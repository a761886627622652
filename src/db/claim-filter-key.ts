import { type ClaimFilters, EMPTY_FILTERS } from '@/core/review/filter-defaults';
import type { ClaimListFilter } from './claim-list';

/**
 * A claims list's stable cache key: only the criteria that differ from the defaults. Apart from the
 * read model (`claim-list.ts`), which loads with the first claims list, not with the first paint.
 */
export function claimFilterKey(f: ClaimListFilter): Partial<ClaimFilters> {
  const full = { ...EMPTY_FILTERS, ...f };
  return Object.fromEntries(
    Object.entries(full).filter(
      ([k, v]) => JSON.stringify(v) !== JSON.stringify(EMPTY_FILTERS[k as keyof ClaimFilters]),
    ),
  ) as Partial<ClaimFilters>;
}
