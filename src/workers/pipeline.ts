// The one seam between the app and the extractor: a worker when it can, the main thread when it must.
import { type Remote, wrap } from 'comlink';
import type { Extraction } from '@/core/extract/types';
import type { PipelineWorkerApi } from './pipeline.worker';

type Connection = { api: Remote<PipelineWorkerApi>; failed: Promise<never> };

let connection: Connection | null = null;
let workersUsable = typeof Worker !== 'undefined';

function connect(): Connection {
  if (connection) return connection;
  const worker = new Worker(new URL('./pipeline.worker.ts', import.meta.url), {
    type: 'module',
    name: 'pipeline',
  });
  // A worker that cannot load reports an error event, never a rejected call: turn it into one.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'The extractor worker failed.')));
    worker.addEventListener('messageerror', () => reject(new Error('The extractor worker sent bad data.')));
  });
  failed.catch(() => undefined);
  connection = { api: wrap<PipelineWorkerApi>(worker), failed };
  return connection;
}

/** Extracts claims off the main thread; falls back to the main thread when workers are missing or fail. */
export async function extractClaims(text: string): Promise<Extraction> {
  if (workersUsable) {
    try {
      const { api, failed } = connect();
      const result = await Promise.race([api.extractClaims(text), failed]);
      return result;
    } catch (error) {
      console.warn('Claimdesk: extracting on the main thread, the worker failed:', error);
      workersUsable = false;
      connection = null;
    }
  }
  // Loaded only when needed: the worker has its own copy of the extractor.
  const { extractClaims: extractOnMainThread } = await import('@/core/extract/pipeline');
  return extractOnMainThread(text);
}
