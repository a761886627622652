import { describe, expect, test } from 'vitest';
import type { Claim } from '@/core/model/types';
import { baseFacetOf, facetOf } from './facets';

const claim = (over: Partial<Record<keyof Claim, unknown>>): Claim =>
  ({
    id: 'c-1',
    articleId: 'art-00000000000000000000000000000001',
    speakerId: 'spk-1',
    deletedAt: null,
    verdict: 'false',
    kind: 'statement',
    tags: ['Crime', 'crime', 'Budget'],
    start: 12,
    updatedAt: 1_800_000_000_000,
    checkworthy: { score: 0.42 },
    ...over,
  }) as unknown as Claim;

describe('baseFacetOf: a facet row without its keys, for counting', () => {
  test.each([
    ['a live claim with a source', claim({}), true],
    ['an unattributed claim without tags', claim({ speakerId: null, tags: [] }), false],
    ['a tombstone', claim({ deletedAt: 5 }), true],
  ])('%s: exactly facetOf without its sort and index keys', (_, c, sourced) => {
    const { o, f, ...rest } = facetOf(c, sourced, 'Ana');
    expect(o.n).toBeDefined();
    expect(baseFacetOf(c, sourced)).toStrictEqual(rest);
    expect(baseFacetOf(c, sourced)).not.toHaveProperty('f');
  });
});
