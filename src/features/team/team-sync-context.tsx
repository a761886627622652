import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { TeamSnapshot, TeamSync } from '@/features/team/team-types';

const TeamSyncContext = createContext<TeamSync | null>(null);

/** Gives the screens the app's one team-sync runner (the app shell creates it, see app/team-sync.ts). */
export function TeamSyncProvider({ sync, children }: Readonly<{ sync: TeamSync; children: ReactNode }>) {
  return <TeamSyncContext.Provider value={sync}>{children}</TeamSyncContext.Provider>;
}

export function useTeamSync(): TeamSync {
  const sync = useContext(TeamSyncContext);
  if (!sync) throw new Error('useTeamSync needs a TeamSyncProvider above it');
  return sync;
}

const NO_TEAM: TeamSnapshot = { connection: null, status: null, leader: false };
const noop = () => () => {};

/** The connection, the sync status and whether this tab leads; re-renders when any changes. */
export function useTeamSnapshot(): TeamSnapshot {
  const sync = useContext(TeamSyncContext);
  return useSyncExternalStore(
    sync ? sync.subscribe : noop,
    sync ? sync.getSnapshot : () => NO_TEAM,
    () => NO_TEAM,
  );
}
