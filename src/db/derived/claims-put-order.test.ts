import { beforeEach, expect, test } from 'vitest';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from '../articles';
import { countClaims } from '../claim-list';
import { addTagToClaims, setClaimsVerdict } from '../claims';
import { db } from '../db';
import { belowDerived } from '../testing/request-log';
import { storedClaims } from '../testing/stored-claims';
import { hotKeysOf } from './hot-keys';

beforeEach(resetDb);

/** These claims' rows as IndexedDB holds them (below every middleware). */
const storedRows = async (ids: readonly string[]) =>
  (await storedClaims(db)).filter((c) => ids.includes(c.id));

const sameKeys = (a: readonly string[] | undefined, b: readonly string[]) =>
  a !== undefined && a.length === b.length && a.every((k, i) => k === b[i]);

/** Records, below the derived-rows middleware, when claims and facets are written and summaries and placements read. */
async function recordRequests(): Promise<string[]> {
  const log: string[] = [];
  await belowDerived('claims-put-order', (name, table) => ({
    ...table,
    mutate: (req) => {
      if (name === 'claimFacets' && req.type === 'put') log.push('facets put asked');
      if (name !== 'claims') return table.mutate(req);
      log.push('claims put asked');
      return table.mutate(req).then((res) => {
        log.push('claims put answered');
        return res;
      });
    },
    getMany: (req) => {
      if (name === 'summaries') log.push('summaries read asked');
      return table.getMany(req);
    },
    query: (req) => {
      if (name === 'placedClaims') log.push('placements read asked');
      return table.query(req);
    },
  }));
  return log;
}

test('a bulk verdict asks for the summary rows and placements it moves while the claims are still being written', async () => {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const ids = (await db.claims.where('articleId').equals(articleId).primaryKeys()) as string[];
  const log = await recordRequests();
  await setClaimsVerdict(ids as never, 'false');
  const answered = log.indexOf('claims put answered');
  expect(answered).toBeGreaterThan(0);
  // IndexedDB answers them after the claims (in the order asked), but this thread asked before that:
  // the facet rows were worked out meanwhile, and their write is asked as soon as the claims are in
  expect(log.indexOf('summaries read asked')).toBeGreaterThan(log.indexOf('claims put asked'));
  expect(log.indexOf('summaries read asked')).toBeLessThan(answered);
  expect(log.indexOf('placements read asked')).toBeLessThan(answered);
  // and what they read was right: the counts moved with the verdicts
  expect(await countClaims({ verdicts: ['false'] })).toBe(ids.length);
});

test('a bulk verdict writes the claims with their hot keys and no facet row', async () => {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const ids = (await db.claims.where('articleId').equals(articleId).primaryKeys()) as string[];
  const facetsBefore = await db.claimFacets.bulkGet(ids);
  const log = await recordRequests();
  await setClaimsVerdict(ids as never, 'false');
  expect(log).toContain('claims put asked');
  expect(log).not.toContain('facets put asked');
  expect(await countClaims({ verdicts: ['false'] })).toBe(ids.length);
  expect(await db.claimFacets.bulkGet(ids)).toEqual(facetsBefore);
  const stored = await storedRows(ids);
  expect(stored.every((c) => c.verdict === 'false' && sameKeys(c.hk, hotKeysOf(c)))).toBe(true);
  expect(stored.every((c) => c.hk.some((k) => k.startsWith('v=false')))).toBe(true);
});

test('a bulk tag edit (all or nothing) asks for the new facet rows while the claims are being written, not after', async () => {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const ids = (await db.claims.where('articleId').equals(articleId).primaryKeys()) as string[];
  const log = await recordRequests();
  await addTagToClaims(ids as never, 'Budget');
  // this thread clones the facet rows while IndexedDB stores the claims, not after
  expect(log.indexOf('facets put asked')).toBeGreaterThan(log.indexOf('claims put asked'));
  expect(log.indexOf('facets put asked')).toBeLessThan(log.indexOf('claims put answered'));
  expect((await db.claimFacets.bulkGet(ids)).every((f) => f?.t.includes('Budget'))).toBe(true);
});

test('no claim read through Dexie carries its hot keys', async () => {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const ids = (await db.claims.where('articleId').equals(articleId).primaryKeys()) as string[];
  expect((await storedRows(ids)).every((c) => c.hk.length > 0)).toBe(true);
  const reads = [
    await db.claims.get(ids[0] as never),
    ...(await db.claims.bulkGet(ids as never)),
    ...(await db.claims.where('articleId').equals(articleId).toArray()),
    ...(await db.claims.toArray()),
    ...(await db.claims
      .toCollection()
      .filter(() => true)
      .toArray()),
  ];
  const each: unknown[] = [];
  await db.claims.each((c) => {
    each.push(c);
  });
  await db.transaction('rw', db.claims, () =>
    db.claims.toCollection().modify((c) => {
      each.push({ ...c });
    }),
  );
  expect(reads.length + each.length).toBeGreaterThan(ids.length * 5);
  for (const row of [...reads, ...each]) expect(row).not.toHaveProperty('hk');
  // and a claim written back from such a read has its hot keys again
  expect((await storedRows(ids)).every((c) => sameKeys(c.hk, hotKeysOf(c)))).toBe(true);
});
