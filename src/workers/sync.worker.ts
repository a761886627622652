// Team sync in a Web Worker: the engine's batch writes to IndexedDB and its merges run here, so the
// page stays responsive during a first sync. Dexie tells the page's tabs about every commit.
import { expose } from 'comlink';
import * as writeLayer from '@/db/write-layer';
import { provideWriteLayer } from '@/db/write-layer-load';
import { appDatabase, createSyncEngine, type SyncEngine, type SyncSlice, type SyncStatus } from '@/sync';

// this worker's bundle holds the database's write layer: its first open does not wait for a load
provideWriteLayer(writeLayer);

let engine: SyncEngine | null = null;

const running = () => {
  if (!engine) throw new Error('The sync worker has no engine yet');
  return engine;
};

const api = {
  create(
    {
      slice,
      ...options
    }: Readonly<{
      url: string;
      database: string;
      deviceId: string;
      author: string;
      slice?: SyncSlice;
    }>,
    onStatus: (status: SyncStatus) => void,
  ): SyncStatus {
    // a slice: only these articles (a Mango selector on _changes), and those its search finds later
    engine = createSyncEngine({ db: appDatabase(), ...options, ...(slice ? { slice } : {}) });
    engine.subscribe((status) => onStatus(status));
    return engine.getStatus();
  },
  start: () => running().start(),
  stop: () => running().stop(),
  async syncOnce() {
    await running().syncOnce();
  },
  disconnect: () => running().disconnect(),
};

export type SyncWorkerApi = typeof api;

expose(api);
