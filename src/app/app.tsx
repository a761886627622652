import { useState } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { RootLayout } from '@/app/components/root-layout';
import { Providers } from '@/app/providers';
import { createQueryClient } from '@/app/query-client';
import { ArticleRoute } from '@/app/routes/article-route';
import { ClaimsRoute } from '@/app/routes/claims-route';
import { LibraryRoute } from '@/app/routes/library-route';
import { NotFoundRoute } from '@/app/routes/not-found-route';

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
