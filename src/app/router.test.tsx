import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, expect, test } from 'vitest';
import type { ArticleId } from '@/core/model/types';
import { articleQueries, claimQueries, speakerQueries, summaryQueries } from '@/db/queries';
import { ArticleEntry } from './router';

afterEach(cleanup);

test("an article's reads are asked as the navigation to it renders, before its screen's chunk is in", async () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const id = 'art-1' as ArticleId;
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/articles/${id}`]}>
        <Routes>
          <Route path="/articles/:articleId" element={<ArticleEntry />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  // The screen's chunk is still on its way (an import answers later)...
  expect(screen.getByRole('status').textContent).toBe('Loading…');
  // ...and what the screen shows first is already being read.
  for (const { queryKey } of [
    articleQueries.detail(id),
    claimQueries.byArticleHead(id),
    summaryQueries.article(id),
  ])
    expect(client.getQueryState(queryKey), JSON.stringify(queryKey)).toBeDefined();
  // The article's every speaker is read after the first frame (the first claims' speakers before it).
  expect(client.getQueryState(speakerQueries.byArticle(id).queryKey)).toBeUndefined();
  // The chunk's import graph finishes inside the test, not after the environment is torn down.
  await import('@/app/routes/article-route');
});
