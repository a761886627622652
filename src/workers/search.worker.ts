// The claim search index in a Web Worker: loaded from its saved copy (or built) as soon as the worker
// starts, kept up to date by every write (Dexie broadcasts each commit to this worker too), and
// saved back a moment after changes, so the page never spends time on it and the first search after
// a start answers from a ready index.
//
// This module's own chunk is small: its first act is the read of the saved index straight from
// IndexedDB, and the data layer (Dexie, the index, the claims lists) is imported after it, in a chunk
// of its own, so the read runs while that code loads and Dexie opens.
import { expose } from 'comlink';
import type { ClaimFilters } from '@/core/review/filters';
import type { ClaimChanges } from '@/db/search';
import { readSavedSearchIndex } from '@/db/search-saved';

const started = performance.now();
const savedRead = readSavedSearchIndex();
/** When the read of the saved row began and ended, in ms after the worker was created (for the benchmark). */
const early = { startMs: Math.round(started), endMs: 0 };
void savedRead.then(() => {
  early.endMs = Math.round(performance.now());
});

/** When the data layer's code had loaded, in ms after the worker was created (for the benchmark). */
let codeLoadedMs = 0;

const modules = Promise.all([import('dexie'), import('@/db/search'), import('@/db/claim-list')]).then(
  ([{ Dexie }, search, claimList]) => {
    codeLoadedMs = Math.round(performance.now());
    search.handOverSavedIndexRead(savedRead);
    // `search.ts` notes which claims each write touched; this only schedules the refresh
    Dexie.on('storagemutated', refreshSoon);
    return { search, claimList };
  },
);

let saving: ReturnType<typeof setTimeout> | null = null;
/** Saves a little after the last change (a burst of writes is one save). */
function saveSoon() {
  if (saving) clearTimeout(saving);
  saving = setTimeout(() => {
    saving = null;
    // The saved index is a cache: a save that fails is given up (the next start re-indexes what it
    // lacks). It fails for good in a tab another tab's upgrade has outdated: its connection is closed.
    void modules.then(({ search }) => search.saveClaimSearch()).catch(() => {});
  }, 1_000);
}

let refreshing: ReturnType<typeof setTimeout> | null = null;
/** Brings the index up to date a moment after a write (a burst of writes is one refresh). */
function refreshSoon() {
  if (refreshing) clearTimeout(refreshing);
  refreshing = setTimeout(() => {
    refreshing = null;
    void modules.then(({ search }) => search.warmClaimSearchHere()).then(saveSoon, () => {});
  }, 200);
}

const api = {
  async search(query: string, limit: number, changes?: ClaimChanges) {
    const { search } = await modules;
    const hits = await search.searchClaimsHere(query, limit, changes);
    saveSoon();
    return hits;
  },
  /** A text query's hits kept by the other filters, in the order asked (the Claims screen's reads). */
  async searchIds(filters: ClaimFilters, limit: number, changes?: ClaimChanges) {
    const { search, claimList } = await modules;
    const hits = await search.searchClaimsHere(filters.q, limit, changes);
    const ids = await claimList.filteredSearchHits(filters, hits);
    saveSoon();
    return ids;
  },
  async warm(changes?: ClaimChanges) {
    const { search } = await modules;
    await search.warmClaimSearchHere(changes);
    saveSoon();
  },
  stats: async () => ({
    ...(await modules).search.claimSearchStats(),
    workerCodeMs: codeLoadedMs,
    earlyRead: { ...early },
  }),
};

// start loading at once: the page's first message (a search, or the app's warm-up) finds it under way
void modules.then(({ search }) => search.warmClaimSearchHere()).then(saveSoon, () => {});

export type SearchWorkerApi = typeof api;

expose(api);
