import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { filtersFromParams } from '@/core/review/filters';
import { claimQueries } from '@/db/queries';
import { ClaimsScreen } from '@/features/claims-table/components/claims-screen';
import { PAGE_SIZE } from '@/features/claims-table/hooks/use-claim-table';
import { stubResizeObserver } from '@/test/dom';

beforeEach(() => {
  stubResizeObserver();
  // jsdom has no matchMedia: a wide screen
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query }) as MediaQueryList);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The Claims screen at `url`, and which claim reads its query cache holds. */
function renderClaims(url: string) {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  const router = createMemoryRouter(
    [{ path: '/claims', element: <ClaimsScreen libraryHref="/" claimHref={(a, c) => `/a/${a}/${c}`} /> }],
    { initialEntries: [url] },
  );
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const asked = (key: readonly unknown[]) => client.getQueryCache().find({ queryKey: key, exact: true });
  return { client, asked };
}

test('the first page of rows is asked for beside the count, not once the count is in', async () => {
  const { asked } = renderClaims('/claims?verdict=false');
  const filters = filtersFromParams(new URLSearchParams('verdict=false').entries());
  const count = asked(claimQueries.count(filters).queryKey);
  const firstPage = asked(claimQueries.list(filters, { offset: 0, limit: PAGE_SIZE }).queryKey);
  // the count is still being read: the grid (which asks for its pages) is not drawn yet
  expect(count?.state.status).toBe('pending');
  expect(firstPage).toBeDefined();
  // the grid's own page 0 is the same query: read once
  await act(async () => {
    await count?.promise;
    await firstPage?.promise;
  });
  expect(firstPage?.state.status).toBe('success');
});
