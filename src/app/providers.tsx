import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { invalidateOnWrite } from '@/db/live';

type Props = Readonly<{ queryClient: QueryClient; children: ReactNode }>;

export function Providers({ queryClient, children }: Props) {
  // The one freshness bridge: committed writes (this tab, other tabs, workers) invalidate their tables' queries.
  useEffect(() => invalidateOnWrite(queryClient), [queryClient]);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
