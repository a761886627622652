import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ArticleId, Claim } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { db } from '@/db/db';
import { articleQueries, claimQueries, speakerQueries, summaryQueries } from '@/db/queries';
import { prefetchArticle } from '@/features/article/hooks/prefetch-article';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';

const id = 'art-1' as ArticleId;
const asked = (client: QueryClient, queryKey: readonly unknown[]) =>
  client.getQueryState(queryKey) !== undefined;

beforeEach(resetDb);
afterEach(() => vi.restoreAllMocks());

test('asks for the text, the first claims and the counts of an article, not every speaker of it', () => {
  const client = new QueryClient();
  prefetchArticle(client, id);
  expect(asked(client, articleQueries.detail(id).queryKey)).toBe(true);
  expect(asked(client, claimQueries.byArticleHead(id).queryKey)).toBe(true);
  expect(asked(client, summaryQueries.article(id).queryKey)).toBe(true);
  expect(asked(client, claimQueries.byArticle(id).queryKey)).toBe(false); // read once the first claims are in
  expect(asked(client, speakerQueries.byArticle(id).queryKey)).toBe(false); // read after the first frame
});

test('reads the speakers of the first claims as soon as those are in, one request per speaker they name', async () => {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const client = new QueryClient({ defaultOptions: { queries: { networkMode: 'always', retry: false } } });
  const bulkGet = vi.spyOn(db.speakers, 'bulkGet');
  prefetchArticle(client, articleId);
  await vi.waitFor(() => {
    const head = client.getQueryData<Claim[]>(claimQueries.byArticleHead(articleId).queryKey);
    expect(head).toBeDefined();
    expect(client.getQueryData(speakerQueries.ofClaims(articleId, head!).queryKey)).toHaveLength(2);
  });
  expect(bulkGet.mock.calls.map(([ids]) => ids.length)).toEqual([2]);
  expect(asked(client, speakerQueries.byArticle(articleId).queryKey)).toBe(false);
});

test('leaves the first claims alone when the whole list is in, and reads nothing cached again', () => {
  const client = new QueryClient();
  client.setQueryData<Claim[]>(claimQueries.byArticle(id).queryKey, []);
  client.setQueryData(articleQueries.detail(id).queryKey, null);
  prefetchArticle(client, id);
  expect(asked(client, claimQueries.byArticleHead(id).queryKey)).toBe(false);
  expect(client.getQueryState(articleQueries.detail(id).queryKey)?.fetchStatus).toBe('idle');
});
