// Where bulk import writes a batch: the import worker when the page can start one, else this thread.
import { type Remote, wrap } from 'comlink';
import type { ImportResult } from '@/db/articles';
import { type BatchArticle, saveImportBatch } from '@/db/bulk-import';
import { DbError } from '@/db/errors';
import type { ImportWorkerApi } from './import.worker';

/** A batch's outcome as the worker sends it back (errors become the sentence a person reads). */
export type SavedBatch =
  | Readonly<{ ok: true; results: ImportResult[] }>
  | Readonly<{ ok: false; reason: string }>;

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
 * Writes one batch of extracted articles (`saveImportBatch`: one transaction, whole articles or
 * none) off the main thread. A worker that fails is stopped; the next batch starts a new one.
 * A refusal comes back as a DbError carrying the same sentence `describeDbError` gives.
 */
export async function saveImportBatchOffThread(batch: readonly BatchArticle[]): Promise<ImportResult[]> {
  if (typeof Worker === 'undefined') return saveImportBatch(batch);
  const conn = connect();
  let saved: SavedBatch;
  try {
    saved = await Promise.race([conn.api.saveBatch(batch), conn.failed]);
  } catch (e) {
    conn.worker.terminate();
    if (connection === conn) connection = null;
    throw e;
  }
  if (!saved.ok) throw new DbError('invalid', saved.reason);
  return saved.results;
}
