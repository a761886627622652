// The claim search index in a Web Worker: loaded from its saved copy (or built) as soon as the worker
// starts, kept up to date by every write (Dexie broadcasts each commit to this worker too), and
// saved back a moment after changes, so the page never spends time on it and the first search after
// a start answers from a ready index.
import { expose } from 'comlink';
import { Dexie } from 'dexie';
import type { ClaimFilters } from '@/core/review/filters';
import {
  type ClaimChanges,
  claimSearchStats,
  saveClaimSearch,
  searchClaimIdsHere,
  searchClaimsHere,
  warmClaimSearchHere,
  warmUpQueryCode,
} from '@/db/search';
import { earlyOpenedVersion } from '@/db/search-early-read';
import { noteStoredVersion } from '@/db/stored-version';
import * as writeLayer from '@/db/write-layer';
import { provideWriteLayer } from '@/db/write-layer-load';

// this worker's bundle holds the database's write layer: its first open does not wait for a load
provideWriteLayer(writeLayer);
// nor for the browser to say which version is stored: the early read opened it a moment ago
const opened = earlyOpenedVersion();
if (opened !== null) noteStoredVersion(self.name, opened);

/** When this module's imports had loaded, in ms after the worker was created (for the benchmark). */
const codeLoadedMs = Math.round(performance.now());

let saving: ReturnType<typeof setTimeout> | null = null;
/** Saves a little after the last change (a burst of writes is one save). */
function saveSoon() {
  if (saving) clearTimeout(saving);
  saving = setTimeout(() => {
    saving = null;
    // The saved index is a cache: a save that fails is given up (the next start re-indexes what it
    // lacks). It fails for good in a tab another tab's upgrade has outdated: its connection is closed.
    saveClaimSearch().catch(() => {});
  }, 1_000);
}

let refreshing: ReturnType<typeof setTimeout> | null = null;
/** Brings the index up to date a moment after a write (a burst of writes is one refresh). */
function refreshSoon() {
  if (refreshing) clearTimeout(refreshing);
  refreshing = setTimeout(() => {
    refreshing = null;
    void warmClaimSearchHere().then(saveSoon, () => {});
  }, 200);
}

// `search.ts` notes which claims each write touched; this only schedules the refresh
Dexie.on('storagemutated', refreshSoon);

const api = {
  async search(query: string, limit: number, changes?: ClaimChanges) {
    const hits = await searchClaimsHere(query, limit, changes);
    saveSoon();
    return hits;
  },
  /** A text query's hits kept by the other filters, in the order asked (the Claims screen's reads). */
  async searchIds(filters: ClaimFilters, limit: number, changes?: ClaimChanges) {
    const ids = await searchClaimIdsHere(filters, limit, changes);
    saveSoon();
    return ids;
  },
  async warm(changes?: ClaimChanges) {
    await warmClaimSearchHere(changes);
    saveSoon();
  },
  stats: () => ({ ...claimSearchStats(), workerCodeMs: codeLoadedMs }),
};

/**
 * How long after the index is ready the query code is warmed (`warmUpQueryCode`), if no query came
 * first: after the app's start and the values' read (1 s), before a person's first typed search.
 */
const WARM_UP_DELAY_MS = 1_500;

// start loading at once: the page's first message (a search, or the app's warm-up) finds it under way
void warmClaimSearchHere().then(
  () => {
    saveSoon();
    setTimeout(() => void warmUpQueryCode().catch(() => {}), WARM_UP_DELAY_MS);
  },
  () => {},
);

export type SearchWorkerApi = typeof api;

expose(api);
