// The claim search index in a Web Worker: built (or loaded from its saved copy) and refreshed here,
// saved back after changes, so the page never spends time on it.
import { expose } from 'comlink';
import { saveClaimSearch, searchClaimsHere, warmClaimSearchHere } from '@/db/search';

let saving: ReturnType<typeof setTimeout> | null = null;
/** Saves a little after the last change (a burst of writes is one save). */
function saveSoon() {
  if (saving) clearTimeout(saving);
  saving = setTimeout(() => {
    saving = null;
    void saveClaimSearch();
  }, 1_000);
}

const api = {
  async search(query: string, limit: number) {
    const hits = await searchClaimsHere(query, limit);
    saveSoon();
    return hits;
  },
  async warm() {
    await warmClaimSearchHere();
    saveSoon();
  },
};

export type SearchWorkerApi = typeof api;

expose(api);
