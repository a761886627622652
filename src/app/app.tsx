import { type ReactNode, useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { Providers } from '@/app/providers';
import { createQueryClient } from '@/app/query-client';
import { AppRoutes, prefetchRoutes } from '@/app/router';

export function App({ onUpdate }: Readonly<{ onUpdate: () => void }>) {
  const [queryClient] = useState(createQueryClient);
  useEffect(prefetchRoutes, []);
  return (
    <Providers queryClient={queryClient}>
      <AppRouter>
        <AppRoutes onUpdate={onUpdate} />
      </AppRouter>
    </Providers>
  );
}

/**
 * The app's router. Its navigations are urgent updates, not transitions (React Router's default):
 * a transition waits behind any render in progress, and on a long article a `j` (a navigation to
 * the next claim's URL) waited behind the deferred render of all its claims, or of the panel. The
 * cost: a screen whose chunk is not in yet shows "Loading…" at once instead of the previous screen
 * (every screen's chunk is fetched when the browser is idle after the first paint, `prefetchRoutes`).
 */
export function AppRouter({ children }: Readonly<{ children: ReactNode }>) {
  return <BrowserRouter useTransitions={false}>{children}</BrowserRouter>;
}
