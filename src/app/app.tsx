import { useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { RootLayout } from './components/root-layout';
import { Providers } from './providers';
import { createQueryClient } from './query-client';
import { ArticleRoute } from './routes/article-route';
import { ClaimsRoute } from './routes/claims-route';
import { LibraryRoute } from './routes/library-route';
import { NotFoundRoute } from './routes/not-found-route';

export function App({ onUpdate }: Readonly<{ onUpdate: () => void }>) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() =>
    createBrowserRouter([
      {
        path: '/',
        element: <RootLayout onUpdate={onUpdate} />,
        children: [
          { index: true, element: <LibraryRoute /> },
          { path: 'articles/:articleId', element: <ArticleRoute /> },
          { path: 'claims', element: <ClaimsRoute /> },
          {
            path: 'settings',
            lazy: async () => ({ Component: (await import('./routes/settings-route')).SettingsRoute }),
          },
          { path: 'articles/:articleId/claims/:claimId', element: <ArticleRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ]),
  );
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
