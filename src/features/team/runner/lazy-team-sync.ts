import { CONNECTION_KEY, readConnection } from '@/features/team/runner/stored-connection';
import type { createTeamSync, TeamSyncOptions } from '@/features/team/runner/team-sync-controller';
import type { TeamSnapshot, TeamSync } from '@/features/team/team-types';

/**
 * The team-sync runner (`createTeamSync`) with its code loaded only when there is a team: at once when this
 * device remembers one, when another tab connects one, or when a screen asks for anything. Until then it has
 * read the stored connection and reported its role, so a viewer's screens are read-only from the first frame.
 */
export function lazyTeamSync(options: TeamSyncOptions, load: () => Promise<typeof createTeamSync>): TeamSync {
  const listeners = new Set<() => void>();
  const connection = readConnection(options.storage);
  let snapshot: TeamSnapshot = { connection, status: null, leader: false };
  let runner: TeamSync | null = null;
  let loading: Promise<TeamSync> | null = null;
  let stopWatching: (() => void) | undefined;
  const emit = () => {
    for (const l of listeners) l();
  };

  const ready = (): Promise<TeamSync> => {
    loading ??= load().then(
      (create) => {
        stopWatching?.();
        runner = create(options);
        runner.subscribe(emit);
        emit();
        return runner;
      },
      (e: unknown) => {
        loading = null;
        const message = `The team sync could not start: ${e instanceof Error ? e.message : String(e)}`;
        snapshot = { ...snapshot, status: { state: 'error', pending: 0, conflicts: 0, message } };
        emit();
        throw e;
      },
    );
    return loading;
  };

  options.onRole?.(connection?.role ?? null);
  if (connection) ready().catch(() => {});
  else
    stopWatching = options.watchStorage?.((key) => {
      if ((key === null || key === CONNECTION_KEY) && readConnection(options.storage))
        ready().catch(() => {});
    });

  return {
    getSnapshot: () => runner?.getSnapshot() ?? snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect: async (request) => (await ready()).connect(request),
    disconnect: async () => (await ready()).disconnect(),
    syncNow: () =>
      void ready().then(
        (r) => r.syncNow(),
        () => {},
      ),
    listConflicts: async () => (await ready()).listConflicts(),
    resolveConflict: async (table, rowId, choice) => (await ready()).resolveConflict(table, rowId, choice),
    setSlice: (slice) =>
      void ready().then(
        (r) => r.setSlice(slice),
        () => {},
      ),
    findArticles: async (criteria) => (await ready()).findArticles(criteria),
  };
}
