/** The team-sync layer: only src/app and src/features/team import it (through this file). */

export { appDatabase, openDeviceDatabase, type SyncDb } from '@/db/sync-db';
export type { FieldConflict, ReplicatedTable } from '@/db/sync-tables';
export { sliceSelector } from './docs';
export { createSyncEngine } from './engine';
export { getSession, roleOf, type SessionInfo, signIn, signOut } from './session';
export {
  findSliceArticles,
  SLICE_LIST_LIMIT,
  type SliceArticle,
  type SliceCriteria,
  type SliceMatches,
} from './slice';
export type * from './types';
