import { QueryClient } from '@tanstack/react-query';

/**
 * Every query reads IndexedDB, never the network: run whatever the connection says, never go stale
 * on a timer (the storagemutated bridge invalidates), and surface errors at once instead of retrying.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', staleTime: Number.POSITIVE_INFINITY, retry: false },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
