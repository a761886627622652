// Imports' writes in a Web Worker: putting an article's rows (and the facet rows the middleware
// derives from them) clones and indexes every row synchronously, which blocked the page for
// hundreds of milliseconds a bulk batch, and for seconds for one article of thousands of claims.
// Dexie tells the page's tabs about every commit.
import { expose } from 'comlink';
import type { Extraction } from '@/core/extract/types';
import { type ArticleInput, saveImportedArticle } from '@/db/articles';
import { type BatchArticle, saveImportBatch } from '@/db/bulk-import';
import { describeDbError } from '@/db/errors';
import * as writeLayer from '@/db/write-layer';
import { provideWriteLayer } from '@/db/write-layer-load';
import type { Saved } from './import-writer';

// this worker's bundle holds the database's write layer: its first open does not wait for a load
provideWriteLayer(writeLayer);

const outcome = async <T>(write: () => Promise<T>): Promise<Saved<T>> => {
  try {
    return { ok: true, results: await write() };
  } catch (e) {
    return { ok: false, reason: describeDbError(e) };
  }
};

const api = {
  saveBatch: (batch: readonly BatchArticle[]) => outcome(() => saveImportBatch(batch)),
  saveArticle: (input: ArticleInput, extraction: Extraction) =>
    outcome(() => saveImportedArticle(input, extraction)),
};

export type ImportWorkerApi = typeof api;

expose(api);
