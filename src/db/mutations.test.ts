import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { beforeEach, expect, test } from 'vitest';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle, softDeleteArticle } from './articles';
import { db } from './db';
import { articleMutations } from './mutations';

beforeEach(resetDb);

test('the shared restore mutation brings an article and its claims back from the trash', async () => {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  await softDeleteArticle(articleId);
  const observer = new MutationObserver(new QueryClient(), articleMutations.restore());
  await observer.mutate(articleId);
  expect((await db.articles.get(articleId))?.deletedAt).toBeNull();
  const claims = await db.claims.where('articleId').equals(articleId).toArray();
  expect(claims.length).toBeGreaterThan(0);
  for (const c of claims) expect(c.deletedAt).toBeNull();
});
