// The one seam between the app and the extractor: a worker when it can, the main thread when it must.
import { type Remote, wrap } from 'comlink';
import type { Extraction } from '@/core/extract/types';
import type { PipelineWorkerApi } from './pipeline.worker';

/** What a person reads when extraction fails (shown through describeDbError, as a plain Error). */
export const EXTRACTOR_MESSAGES = {
  crashed:
    'The claim finder stopped unexpectedly, so nothing was saved. Try the import again; if it fails again, try a shorter part of the article.',
  timedOut:
    'Finding the claims took too long and was stopped, so nothing was saved. Try again, or import the article in shorter parts.',
} as const;

/** Generous on a slow, busy machine: a 300 KB article takes about a second. */
export function extractionTimeoutMs(textLength: number): number {
  return 30_000 + Math.ceil(textLength / 100_000) * 15_000;
}

type Connection = {
  worker: Worker;
  api: Remote<PipelineWorkerApi>;
  failed: Promise<never>;
  answered: boolean;
};

let connection: Connection | null = null;
let workersUsable = typeof Worker !== 'undefined';

class TimedOut extends Error {}

function connect(): Connection {
  if (connection) return connection;
  const worker = new Worker(new URL('./pipeline.worker.ts', import.meta.url), {
    type: 'module',
    name: 'pipeline',
  });
  // A worker that cannot load, or dies, reports an error event, never a rejected call: turn it into one.
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new Error((e as ErrorEvent).message || 'The extractor worker failed.')),
    );
    worker.addEventListener('messageerror', () => reject(new Error('The extractor worker sent bad data.')));
  });
  failed.catch(() => undefined);
  connection = { worker, api: wrap<PipelineWorkerApi>(worker), failed, answered: false };
  return connection;
}

/** Stops a worker that crashed or hangs; the next extraction starts a fresh one. */
function drop(conn: Connection): void {
  conn.worker.terminate();
  if (connection === conn) connection = null;
}

/**
 * Extracts claims off the main thread. A worker that never answered (cannot load here) gives way
 * to the main thread; one that crashes or hangs (past `timeoutMs`) is stopped and the call fails
 * with a message for the person, and the next call starts a new worker.
 */
export async function extractClaims(
  text: string,
  options: Readonly<{ timeoutMs?: number }> = {},
): Promise<Extraction> {
  if (workersUsable) {
    const conn = connect();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimedOut()), options.timeoutMs ?? extractionTimeoutMs(text.length));
    });
    try {
      const result = await Promise.race([conn.api.extractClaims(text), conn.failed, timeout]);
      conn.answered = true;
      return result;
    } catch (error) {
      drop(conn);
      if (error instanceof TimedOut) throw new Error(EXTRACTOR_MESSAGES.timedOut);
      if (conn.answered) throw new Error(EXTRACTOR_MESSAGES.crashed);
      console.warn('Claimdesk: extracting on the main thread, the worker failed:', error);
      workersUsable = false;
    } finally {
      clearTimeout(timer);
    }
  }
  // Loaded only when needed: the worker has its own copy of the extractor.
  const { extractClaims: extractOnMainThread } = await import('@/core/extract/pipeline');
  return extractOnMainThread(text);
}
