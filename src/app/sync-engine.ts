import { proxy, releaseProxy, wrap } from 'comlink';
import type {
  EngineOptions,
  SyncEngine,
  SyncEngineModule,
  SyncStatus,
  TeamSession,
} from '@/features/team/team-types';
import { appDatabase, createSyncEngine, findSliceArticles, getSession, signIn, signOut } from '@/sync';
import type { SyncWorkerApi } from '@/workers/sync.worker';

/** The engine in this page (no worker, or the worker failed to start). */
const pageEngine = (options: EngineOptions): SyncEngine =>
  createSyncEngine({ db: appDatabase(), ...options });

/**
 * The engine in a Web Worker, driven through comlink; its status comes back as it changes.
 * Rejects when the worker cannot start (then the page runs the engine itself).
 */
async function workerEngine(options: EngineOptions): Promise<SyncEngine> {
  const worker = new Worker(new URL('../workers/sync.worker.ts', import.meta.url), { type: 'module' });
  const remote = wrap<SyncWorkerApi>(worker);
  const listeners = new Set<(s: SyncStatus) => void>();
  let status: SyncStatus = { state: 'stopped', pending: 0, conflicts: 0 };
  const onStatus = (s: SyncStatus) => {
    status = s;
    for (const l of listeners) l(s);
  };
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new Error(`The sync worker failed to start: ${e.message}`)),
    );
  });
  try {
    onStatus(await Promise.race([remote.create(options, proxy(onStatus)), failed]));
  } catch (e) {
    worker.terminate();
    throw e;
  }
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    remote[releaseProxy]();
    worker.terminate();
  };
  return {
    start: () => remote.start(),
    async stop() {
      if (closed) return;
      await remote.stop();
      close();
    },
    syncOnce: () => remote.syncOnce(),
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // Conflicts are table work: the page does them itself (localEngine), the worker only syncs.
    listConflicts: () => pageEngine(options).listConflicts(),
    resolveConflict: (table, rowId, choice) =>
      pageEngine(options).resolveConflict(table as never, rowId, choice),
    async disconnect() {
      if (closed) return;
      await remote.disconnect();
      close();
    },
  };
}

const session = (s: { name: string; roles: readonly string[] } | null): TeamSession =>
  s ? { name: s.name, roles: s.roles } : null;

/** The adapter from the engine (`src/sync`) to the Team screen's port (features/team/team-types.ts). */
export const syncEngineModule: SyncEngineModule = {
  async createEngine(options) {
    if (typeof Worker === 'function') {
      try {
        return await workerEngine(options);
      } catch {
        // fall through: the page runs it
      }
    }
    return pageEngine(options);
  },
  localEngine(options) {
    const engine = pageEngine(options);
    return {
      listConflicts: () => engine.listConflicts(),
      resolveConflict: (table, rowId, choice) => engine.resolveConflict(table as never, rowId, choice),
      disconnect: () => engine.disconnect(),
    };
  },
  signIn: (url, name, password) => signIn(url, name, password).then(session),
  getSession: (url) => getSession(url).then(session),
  signOut: (url) => signOut(url),
  findArticles: (url, database, criteria) => findSliceArticles(url, database, criteria),
};
