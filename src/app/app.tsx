import { useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { Providers } from '@/app/providers';
import { createQueryClient } from '@/app/query-client';
import { AppRoutes, prefetchRoutes } from '@/app/router';

export function App({ onUpdate }: Readonly<{ onUpdate: () => void }>) {
  const [queryClient] = useState(createQueryClient);
  useEffect(prefetchRoutes, []);
  return (
    <Providers queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes onUpdate={onUpdate} />
      </BrowserRouter>
    </Providers>
  );
}
