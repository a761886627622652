import { beforeEach, expect, test } from 'vitest';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from '../articles';
import { countClaims } from '../claim-list';
import { setClaimsVerdict } from '../claims';
import { db } from '../db';
import { historyOfBatch } from '../history';
import { belowDerived } from '../testing/request-log';

beforeEach(resetDb);

/** Records, below the derived-rows middleware, when claims and facets are written and summaries and placements read. */
async function recordRequests(): Promise<string[]> {
  const log: string[] = [];
  await belowDerived('claims-put-order', (name, table) => ({
    ...table,
    mutate: (req) => {
      if (name === 'claimFacets' && req.type === 'put') {
        log.push('facets put asked');
        return table.mutate(req).then((res) => {
          log.push('facets put answered');
          return res;
        });
      }
      if (name === 'summaries' && req.type === 'put') log.push('summaries put asked');
      if (name === 'history' && req.type === 'add') log.push('history add asked');
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

test('a bulk verdict (all or nothing) asks for the new facet rows while the claims are being written, not after', async () => {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const ids = (await db.claims.where('articleId').equals(articleId).primaryKeys()) as string[];
  const log = await recordRequests();
  await setClaimsVerdict(ids as never, 'false');
  // this thread clones the facet rows while IndexedDB stores the claims, not after
  expect(log.indexOf('facets put asked')).toBeGreaterThan(log.indexOf('claims put asked'));
  expect(log.indexOf('facets put asked')).toBeLessThan(log.indexOf('claims put answered'));
  expect(await countClaims({ verdicts: ['false'] })).toBe(ids.length);
  expect((await db.claimFacets.bulkGet(ids)).every((f) => f?.v === 'false')).toBe(true);
});

test('a bulk verdict (all or nothing) asks for its count rows and its history while the facet rows are still being written', async () => {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const ids = (await db.claims.where('articleId').equals(articleId).primaryKeys()) as string[];
  const log = await recordRequests();
  await setClaimsVerdict(ids as never, 'false');
  const facetsAnswered = log.indexOf('facets put answered');
  expect(facetsAnswered).toBeGreaterThan(0);
  // IndexedDB answers the count rows' read after the claims, before the facets (asked in that order)
  expect(log.indexOf('summaries read asked')).toBeLessThan(log.indexOf('facets put asked'));
  // nothing after the facets waits on this thread: the counts and the history are already asked
  expect(log.indexOf('summaries put asked')).toBeGreaterThan(0);
  expect(log.indexOf('summaries put asked')).toBeLessThan(facetsAnswered);
  expect(log.indexOf('history add asked')).toBeLessThan(facetsAnswered);
  expect(await countClaims({ verdicts: ['false'] })).toBe(ids.length);
  expect((await historyOfBatch((await db.history.orderBy('id').last())!.batchId)).length).toBe(ids.length);
});
