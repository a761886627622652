import { QueryClient } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import type { ArticleId, Claim } from '@/core/model/types';
import { articleQueries, claimQueries, speakerQueries, summaryQueries } from '@/db/queries';
import { prefetchArticle } from '@/features/article/hooks/prefetch-article';

const id = 'art-1' as ArticleId;
const asked = (client: QueryClient, queryKey: readonly unknown[]) =>
  client.getQueryState(queryKey) !== undefined;

test('asks for the text, the first claims, the speakers and the counts of an article', () => {
  const client = new QueryClient();
  prefetchArticle(client, id);
  expect(asked(client, articleQueries.detail(id).queryKey)).toBe(true);
  expect(asked(client, claimQueries.byArticleHead(id).queryKey)).toBe(true);
  expect(asked(client, speakerQueries.byArticle(id).queryKey)).toBe(true);
  expect(asked(client, summaryQueries.article(id).queryKey)).toBe(true);
  expect(asked(client, claimQueries.byArticle(id).queryKey)).toBe(false); // read once the first claims are in
});

test('leaves the first claims alone when the whole list is in, and reads nothing cached again', () => {
  const client = new QueryClient();
  client.setQueryData<Claim[]>(claimQueries.byArticle(id).queryKey, []);
  client.setQueryData(articleQueries.detail(id).queryKey, null);
  prefetchArticle(client, id);
  expect(asked(client, claimQueries.byArticleHead(id).queryKey)).toBe(false);
  expect(client.getQueryState(articleQueries.detail(id).queryKey)?.fetchStatus).toBe('idle');
});
