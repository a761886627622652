import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type ClaimFilters, filtersFromParams, filtersToParams } from '@/core/review/filters';

/** The table's filters, read from and written to the URL, so a bookmarked view restores itself. */
export function useClaimFilters() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised params are the identity.
  const filters = useMemo(() => filtersFromParams(params.entries()), [key]);
  const setFilters = useCallback(
    (next: ClaimFilters | ((f: ClaimFilters) => ClaimFilters), { replace = false } = {}) =>
      setParams(
        (prev) => {
          const current = filtersFromParams(prev.entries());
          return new URLSearchParams(filtersToParams(typeof next === 'function' ? next(current) : next));
        },
        { replace },
      ),
    [setParams],
  );
  return [filters, setFilters] as const;
}
