import { beforeEach, expect, test } from 'vitest';
import type { Claim, ClaimId } from '@/core/model/types';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { db } from './db';
import {
  claimSearchStats,
  resetClaimSearch,
  searchClaimsHere,
  warmClaimSearchHere,
  warmUpQueryCode,
} from './search';

/** An imported article and 300 claims of its own words, numbered. */
async function library(): Promise<void> {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const template = (await db.claims.toArray())[0]!;
  const copies: Claim[] = Array.from({ length: 300 }, (_, i) => ({
    ...template,
    id: `copy-${String(i).padStart(6, '0')}` as ClaimId,
    text: `copy number ${i} of ${i % 7 === 0 ? 'hospital' : 'harbour'} figures`,
  }));
  await db.claims.bulkPut(copies);
}

const queries = ['hospital', 'harbour figures', 'hospitl', 'hosp', 'copy 12', 'figures 3'];

beforeEach(async () => {
  await resetDb();
  resetClaimSearch();
});

test('the warm-up runs its queries when nobody has asked one, and answers after it are unchanged', async () => {
  await library();
  await warmClaimSearchHere();
  // a word, a prefix, a typo, two words, a word and a number (claim-index.test.ts), three times
  expect(await warmUpQueryCode()).toBe(15);
  expect(claimSearchStats().warmUpQueries).toBe(15);
  const warmed = await Promise.all(queries.map((q) => searchClaimsHere(q, 1_000)));
  // the same library, the same index, no warm-up
  resetClaimSearch();
  await warmClaimSearchHere();
  expect(await Promise.all(queries.map((q) => searchClaimsHere(q, 1_000)))).toEqual(warmed);
  expect(warmed.every((hits) => hits.length > 0)).toBe(true);
});

test('no warm-up once a real query has been asked: it is what the warm-up would have done', async () => {
  await library();
  await warmClaimSearchHere();
  await searchClaimsHere('harbour', 10);
  expect(await warmUpQueryCode()).toBe(0);
});

test('a real query asked during the warm-up is answered before its next step, which does not run', async () => {
  await library();
  await warmClaimSearchHere();
  const warming = warmUpQueryCode();
  const hits = await searchClaimsHere('harbour', 10);
  expect(hits.length).toBeGreaterThan(0);
  expect(await warming).toBe(0);
});
