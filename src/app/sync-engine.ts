import type { SyncEngineModule } from '@/features/team/team-types';

/**
 * The sync engine (`src/sync`, branch `sync`) is not merged into this branch yet: until it is,
 * connecting says so instead of pretending. Replaced by the adapter once `ENGINE API READY` lands.
 */
const notYet = () => Promise.reject(new Error('Team sync is not in this build yet.'));

export const syncEngineModule: SyncEngineModule = {
  createEngine: () => {
    throw new Error('Team sync is not in this build yet.');
  },
  signIn: notYet,
  getSession: notYet,
  signOut: notYet,
};
