import { queryOptions } from '@tanstack/react-query';
import { db } from '@/db/db';

/** Every tag in use with how many claims carry it, read from the multi-entry tags index alone. */
export const tagCountsQuery = () =>
  queryOptions({
    queryKey: ['claims', 'tagCounts'] as const,
    queryFn: async (): Promise<ReadonlyMap<string, number>> => {
      const counts = new Map<string, number>();
      for (const key of (await db.claims.orderBy('tags').keys()) as string[])
        counts.set(key, (counts.get(key) ?? 0) + 1);
      return counts;
    },
    staleTime: Number.POSITIVE_INFINITY,
    networkMode: 'always',
  });
