import { expect, test } from 'vitest';
import { rankClaimIndex } from './claim-index';
import { madeUpWarmIndex, WARM_UP_QUERIES, warmUpSteps } from './warm-up';

test('every warm-up query matches some made-up claims (a query matching none would warm nothing)', () => {
  const index = madeUpWarmIndex(400);
  for (const q of WARM_UP_QUERIES) expect(rankClaimIndex(index, q, 100).hits.length, q).toBeGreaterThan(0);
});

test('the warm-up runs in small steps and ends', () => {
  let steps = 0;
  for (const _ of warmUpSteps(2, 100)) steps++;
  // the made-up index in steps of 50 documents, its pack and load, then each query a step
  expect(steps).toBeGreaterThan(2 * WARM_UP_QUERIES.length);
});
