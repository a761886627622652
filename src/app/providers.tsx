import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { appTeamSync } from '@/app/team-sync';
import { invalidateOnWriteHeldByBulkWriters } from '@/features/team/coalesced-invalidation';
import { TeamSyncProvider } from '@/features/team/team-sync-context';
import { useUiStore } from '@/stores/ui-store';

type Props = Readonly<{ queryClient: QueryClient; children: ReactNode }>;

export function Providers({ queryClient, children }: Props) {
  // The one freshness bridge: committed writes (this tab, other tabs, workers) invalidate their tables' queries,
  // gathered once per window while a team sync catches up or a bulk import runs.
  useEffect(() => invalidateOnWriteHeldByBulkWriters(queryClient, useUiStore), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <TeamSyncProvider sync={appTeamSync()}>{children}</TeamSyncProvider>
    </QueryClientProvider>
  );
}
