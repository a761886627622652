// Where imports write: the import worker when the page can start one, else this thread.
import { type Remote, wrap } from 'comlink';
import type { Extraction } from '@/core/extract/types';
import { type ArticleInput, type ImportResult, saveImportedArticle } from '@/db/articles';
import { type BatchArticle, saveImportBatch } from '@/db/bulk-import';
import { DbError } from '@/db/errors';
import type { ImportWorkerApi } from './import.worker';

/** A write's outcome as the worker sends it back (errors become the sentence a person reads). */
export type Saved<T> = Readonly<{ ok: true; results: T }> | Readonly<{ ok: false; reason: string }>;
export type SavedBatch = Saved<ImportResult[]>;

type Connection = { worker: Worker; api: Remote<ImportWorkerApi>; failed: Promise<never> };

let connection: Connection | null = null;

function connect(): Connection {
  if (connection) return connection;
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'import',
  });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new Error((e as ErrorEvent).message || 'The import worker failed.')),
    );
    worker.addEventListener('messageerror', () => reject(new Error('The import worker sent bad data.')));
  });
  failed.catch(() => undefined);
  connection = { worker, api: wrap<ImportWorkerApi>(worker), failed };
  return connection;
}

/**
 * Runs one write in the import worker. A worker that fails is stopped; the next write starts a
 * new one. A refusal comes back as a DbError carrying the same sentence `describeDbError` gives.
 */
async function inWorker<T>(write: (api: Remote<ImportWorkerApi>) => Promise<Saved<T>>): Promise<T> {
  const conn = connect();
  let saved: Saved<T>;
  try {
    saved = await Promise.race([write(conn.api), conn.failed]);
  } catch (e) {
    conn.worker.terminate();
    if (connection === conn) connection = null;
    throw e;
  }
  if (!saved.ok) throw new DbError('invalid', saved.reason);
  return saved.results;
}

/** Writes one batch of extracted articles (`saveImportBatch`: one transaction, whole articles or none) off the main thread. */
export function saveImportBatchOffThread(batch: readonly BatchArticle[]): Promise<ImportResult[]> {
  if (typeof Worker === 'undefined') return saveImportBatch(batch);
  return inWorker((api) => api.saveBatch(batch) as Promise<SavedBatch>);
}

/**
 * Saves one imported article (`saveImportedArticle`) off the main thread: an article of thousands
 * of claims held the page for seconds while its rows and facets were put.
 */
export function saveImportedArticleOffThread(
  input: ArticleInput,
  extraction: Extraction,
): Promise<ImportResult> {
  if (typeof Worker === 'undefined') return saveImportedArticle(input, extraction);
  return inWorker((api) => api.saveArticle(input, extraction) as Promise<Saved<ImportResult>>);
}
