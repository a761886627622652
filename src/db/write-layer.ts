/**
 * What a database needs before it opens but the first paint does not: the write middlewares (derived
 * rows, history heads and batches, sync capture, search notes) and the schema's upgrade steps. Not in
 * the first load: `createClaimdeskDb` loads it (write-layer-load.ts) before the database opens.
 */
import type { Dexie } from 'dexie';
import { derivedMiddleware } from './derived/middleware';
import { historyBatchesMiddleware } from './history-batches';
import { historyHeadsMiddleware } from './history-heads';
import { searchNotesMiddleware } from './search-notes';
import { syncCaptureMiddleware } from './sync-capture';

export { hotKeysInUpgrade } from './derived/hot-keys-upgrade';
export { placementsInUpgrade, rebuildInUpgrade, scoreCountsInUpgrade } from './derived/rebuild';
export { sourcedInUpgrade } from './derived/sourced-upgrade';
export { headsInUpgrade } from './history-heads';

export function addWriteMiddlewares(instance: Dexie, name: string): void {
  instance.use(derivedMiddleware);
  instance.use(historyHeadsMiddleware);
  instance.use(historyBatchesMiddleware);
  instance.use(syncCaptureMiddleware);
  instance.use(searchNotesMiddleware(name));
}
