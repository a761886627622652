import type { Extraction } from '@/core/extract/types';
import {
  type ArticleInput,
  type ImportResult,
  type PreparedImport,
  prepareImport,
  writePreparedImport,
} from './articles';
import { db } from './db';
import { newBatchId } from './history';

export type BatchArticle = Readonly<{ input: ArticleInput; extraction: Extraction }>;

/**
 * Writes a batch of extracted articles in one transaction (one undo step): a reload or a cancel
 * leaves every article of the batch or none. A text already stored (or twice in the batch) comes
 * back as 'duplicate' and writes nothing. Checks and hashing run before the transaction.
 */
export async function saveImportBatch(articles: readonly BatchArticle[]): Promise<ImportResult[]> {
  const prepared: PreparedImport[] = [];
  for (const a of articles) prepared.push(await prepareImport(a.input, a.extraction));
  const batchId = newBatchId();
  return db.transaction('rw', [db.articles, db.speakers, db.claims, db.history], async () => {
    const results: ImportResult[] = [];
    for (const p of prepared) results.push(await writePreparedImport(p, { batchId }));
    return results;
  });
}
