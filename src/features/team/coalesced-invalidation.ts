import type { Query, QueryClient } from '@tanstack/react-query';
import { Dexie, type ObservabilitySet } from 'dexie';
import { queriesToInvalidate } from '@/db/live';

/** While catching up, queries are invalidated at most once per this many milliseconds. */
export const CATCH_UP_WINDOW_MS = 1_000;

type Options = Readonly<{
  /** Whether a catch-up (a first sync) is under way: then writes arrive in batches, many a second. */
  isCatchingUp: () => boolean;
  /** Called with a function to run when the catch-up ends; returns the unsubscribe. */
  onCatchUpEnd: (flush: () => void) => () => void;
  windowMs?: number;
}>;

/**
 * `db/live.ts`'s freshness bridge, with one difference: while a team sync catches up, the queries
 * its batches make out of date are gathered and invalidated together once per window (and once
 * more when it ends), instead of every query refetching after every batch. Outside a catch-up
 * (always, for someone who never connects a team) each write invalidates at once, as before.
 */
export function invalidateOnWriteCoalesced(queryClient: QueryClient, options: Options): () => void {
  const windowMs = options.windowMs ?? CATCH_UP_WINDOW_MS;
  const held = new Set<Query>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const invalidate = (stale: ReadonlySet<Query>) => {
    if (stale.size === 0) return;
    void queryClient.invalidateQueries({ predicate: (query) => stale.has(query) });
  };
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const stale = new Set(held);
    held.clear();
    invalidate(stale);
  };

  const onMutated = (parts: ObservabilitySet) => {
    const stale = queriesToInvalidate(queryClient.getQueryCache().getAll(), parts);
    if (!options.isCatchingUp() && timer === null) {
      invalidate(new Set(stale));
      return;
    }
    for (const q of stale) held.add(q);
    timer ??= setTimeout(flush, windowMs);
  };

  Dexie.on('storagemutated', onMutated);
  const stopWatching = options.onCatchUpEnd(flush);
  return () => {
    Dexie.on('storagemutated').unsubscribe(onMutated);
    stopWatching();
    if (timer !== null) clearTimeout(timer);
  };
}
