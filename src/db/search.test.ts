import { beforeEach, expect, test } from 'vitest';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { updateClaim } from './claims';
import { db } from './db';
import { claimSearchStats, resetClaimSearch, saveClaimSearch, searchClaims } from './search';

beforeEach(resetDb);

test('the saved index is loaded on start and brought up to date with what changed since', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  expect((await searchClaims('officers')).length).toBe(1);
  expect(claimSearchStats().loaded).toBe(false);
  expect(await saveClaimSearch()).toBe(true);
  expect(await saveClaimSearch()).toBe(false); // nothing changed since

  // a later start: the index comes from its saved copy, then re-indexes only the new rows
  resetClaimSearch();
  await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  const claim = (await db.claims.toArray()).find((c) => c.text.includes('officers'))!;
  await updateClaim(claim.id, { notes: 'zebrafinch' });
  expect((await searchClaims('zebrafinch')).map((h) => h.id)).toEqual([claim.id]);
  expect((await searchClaims('Jay report')).length).toBe(1);
  const stats = claimSearchStats();
  expect(stats.loaded).toBe(true);
  expect(stats.documents).toBe(await db.claims.count());
});

test('an unreadable saved index is rebuilt from the claims', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  await db.searchIndex.put({ id: 'claims', json: '{not json', since: 0, documents: 0 });
  resetClaimSearch();
  expect((await searchClaims('officers')).length).toBe(1);
  expect(claimSearchStats().loaded).toBe(false);
});
