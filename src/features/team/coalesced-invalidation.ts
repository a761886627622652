import type { Query, QueryClient } from '@tanstack/react-query';
import { Dexie, type ObservabilitySet } from 'dexie';
import { inPlaceUpdates, queriesToInvalidate } from '@/db/live';

/** While a team sync catches up, queries are invalidated at most once per this many milliseconds. */
export const CATCH_UP_WINDOW_MS = 1_000;
/**
 * While a bulk import commits its batches, at most once per this many milliseconds: re-reading
 * the whole Library (and every claims list) after each batch was most of the page's work meanwhile.
 */
export const BULK_IMPORT_WINDOW_MS = 3_000;

/** The UI store's flags that say a bulk writer is committing batches. */
export type BulkWriters = Readonly<{ teamCatchingUp: boolean; bulkImportRunning: boolean }>;

/** How long to gather invalidations while these bulk writers run, or null when none runs. */
export function holdWindowMs(w: BulkWriters): number | null {
  if (w.bulkImportRunning) return BULK_IMPORT_WINDOW_MS;
  if (w.teamCatchingUp) return CATCH_UP_WINDOW_MS;
  return null;
}

type Options = Readonly<{
  /**
   * The window to gather invalidations in while a bulk writer commits batches, many a minute
   * (a team's first sync, a bulk import), or null when none runs.
   */
  holdWindowMs: () => number | null;
  /** Called with a function to run when the last bulk writer ends; returns the unsubscribe. */
  onHoldEnd: (flush: () => void) => () => void;
}>;

/**
 * `db/live.ts`'s freshness bridge, with one difference: while a bulk writer runs (a team sync
 * catching up, a bulk import), the queries its batches make out of date are gathered and
 * invalidated together once per window (and once more when it ends), instead of every query
 * refetching after every batch. Otherwise (always, for someone who never connects a team nor
 * imports a corpus) each write invalidates at once, as before, a shown list with `meta.inPlace`
 * reading only the rows the write changed in place (`inPlaceUpdates`).
 */
export function invalidateOnWriteCoalesced(queryClient: QueryClient, options: Options): () => void {
  const held = new Set<Query>();
  const inPlace = inPlaceUpdates(queryClient);
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
    const windowMs = options.holdWindowMs();
    if (windowMs === null && timer === null) {
      invalidate(inPlace(stale, parts));
      return;
    }
    for (const q of stale) held.add(q);
    timer ??= setTimeout(flush, windowMs ?? 0);
  };

  Dexie.on('storagemutated', onMutated);
  const stopWatching = options.onHoldEnd(flush);
  return () => {
    Dexie.on('storagemutated').unsubscribe(onMutated);
    stopWatching();
    if (timer !== null) clearTimeout(timer);
  };
}

type BulkWriterStore = Readonly<{
  getState: () => BulkWriters;
  subscribe: (listener: (state: BulkWriters, previous: BulkWriters) => void) => () => void;
}>;

/** The app's bridge: held while the store says a team sync catches up or a bulk import runs. */
export const invalidateOnWriteHeldByBulkWriters = (queryClient: QueryClient, store: BulkWriterStore) =>
  invalidateOnWriteCoalesced(queryClient, {
    holdWindowMs: () => holdWindowMs(store.getState()),
    onHoldEnd: (flush) =>
      store.subscribe((s, prev) => {
        if (holdWindowMs(prev) !== null && holdWindowMs(s) === null) flush();
      }),
  });
