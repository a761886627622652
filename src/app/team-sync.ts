import { newId } from '@/db/ids';
import { lazyTeamSync } from '@/features/team/runner/lazy-team-sync';
import type { TeamSyncOptions } from '@/features/team/runner/team-sync-controller';
import type { TeamSync } from '@/features/team/team-types';
import { useUiStore } from '@/stores/ui-store';

let instance: TeamSync | null = null;

/**
 * The app's one team-sync runner, for the page's lifetime. Without a connected team it only reads one localStorage key:
 * the runner's code, and the engine's (and its worker), are fetched once a team is connected.
 */
export function appTeamSync(): TeamSync {
  if (instance) return instance;
  const store = useUiStore.getState();
  const options: TeamSyncOptions = {
    loadEngine: () => import('@/app/sync-engine').then((m) => m.syncEngineModule),
    storage: window.localStorage,
    locks: typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : undefined,
    openChannel: (name: string) =>
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null,
    newDeviceId: () => newId(),
    onRole: store.teamRoleReported,
    onCatchingUp: store.teamCatchUpChanged,
    watchStorage: (onChange) => {
      const listener = (e: StorageEvent) => {
        if (e.storageArea === window.localStorage) onChange(e.key);
      };
      window.addEventListener('storage', listener);
      return () => window.removeEventListener('storage', listener);
    },
  };
  instance = lazyTeamSync(options, () =>
    import('@/features/team/runner/team-sync-controller').then((m) => m.createTeamSync),
  );
  return instance;
}
