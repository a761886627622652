import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { appTeamSync } from '@/app/team-sync';
import { invalidateOnWriteCoalesced } from '@/features/team/coalesced-invalidation';
import { TeamSyncProvider } from '@/features/team/team-sync-context';
import { useUiStore } from '@/stores/ui-store';

type Props = Readonly<{ queryClient: QueryClient; children: ReactNode }>;

export function Providers({ queryClient, children }: Props) {
  // The one freshness bridge: committed writes (this tab, other tabs, workers) invalidate their tables' queries,
  // gathered once a second while a team sync catches up.
  useEffect(
    () =>
      invalidateOnWriteCoalesced(queryClient, {
        isCatchingUp: () => useUiStore.getState().teamCatchingUp,
        onCatchUpEnd: (flush) =>
          useUiStore.subscribe((s, prev) => {
            if (prev.teamCatchingUp && !s.teamCatchingUp) flush();
          }),
      }),
    [queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TeamSyncProvider sync={appTeamSync()}>{children}</TeamSyncProvider>
    </QueryClientProvider>
  );
}
