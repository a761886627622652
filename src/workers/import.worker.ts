// Bulk import's writes in a Web Worker: putting a batch's rows (and the facet rows the middleware
// derives from them) clones and indexes every row synchronously, which blocked the page for
// hundreds of milliseconds a batch. Dexie tells the page's tabs about every commit.
import { expose } from 'comlink';
import { type BatchArticle, saveImportBatch } from '@/db/bulk-import';
import { describeDbError } from '@/db/errors';
import type { SavedBatch } from './import-writer';

const api = {
  async saveBatch(batch: readonly BatchArticle[]): Promise<SavedBatch> {
    try {
      return { ok: true, results: await saveImportBatch(batch) };
    } catch (e) {
      return { ok: false, reason: describeDbError(e) };
    }
  },
};

export type ImportWorkerApi = typeof api;

expose(api);
