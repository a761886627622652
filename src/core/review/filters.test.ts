import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { VERDICTS } from '../model/types';
import {
  type ClaimFilters,
  claimMatchesFilters,
  EMPTY_FILTERS,
  type FilterableClaim,
  filtersFromParams,
  filtersToParams,
  hasActiveFilters,
} from './filters';

const claim: FilterableClaim = {
  id: 'c1',
  articleId: 'a1',
  speakerId: 's1',
  verdict: 'false',
  tags: ['Crime'],
  kind: 'direct',
  checkworthy: { score: 0.7 },
};
const noSource = () => false;

describe('claim filters', () => {
  test('a bookmarked URL reads back into the same filters', () => {
    const f: ClaimFilters = {
      ...EMPTY_FILTERS,
      q: 'jay report',
      speakerIds: ['s1', 's2'],
      verdicts: ['false', 'mostly false'],
      tags: ['crime'],
      source: 'without',
      minCheckworthy: 0.5,
      sort: 'checkworthy',
      desc: true,
    };
    expect(filtersFromParams(filtersToParams(f))).toEqual(f);
    expect(filtersToParams(EMPTY_FILTERS)).toEqual([]);
  });

  test('round-trips any valid filters', () => {
    const arb = fc.record({
      q: fc.string().map((s) => s.trim()),
      articleIds: fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,8}$/)),
      speakerIds: fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,8}$/)),
      verdicts: fc.uniqueArray(fc.constantFrom(...VERDICTS)),
      tags: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/)),
      kinds: fc.uniqueArray(fc.constantFrom('direct' as const, 'indirect' as const, 'mixed' as const)),
      source: fc.constantFrom('any' as const, 'with' as const, 'without' as const),
      minCheckworthy: fc.option(fc.constantFrom(0, 0.25, 0.5, 1)),
      sort: fc.constantFrom('article' as const, 'updated' as const, 'speaker' as const),
      desc: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (f) => {
        expect(filtersFromParams(filtersToParams(f))).toEqual(f);
      }),
    );
  });

  test('junk in the URL is dropped, not thrown on', () => {
    const f = filtersFromParams([
      ['verdict', 'bogus'],
      ['kind', '<script>'],
      ['min', 'NaN'],
      ['sort', 'drop table'],
      ['source', 'maybe'],
      ['min', '7'],
    ]);
    expect(f).toEqual({ ...EMPTY_FILTERS, minCheckworthy: 1 });
  });

  test('each filter narrows; tags ignore case; source uses the lookup', () => {
    expect(claimMatchesFilters(claim, EMPTY_FILTERS, noSource)).toBe(true);
    expect(claimMatchesFilters(claim, { ...EMPTY_FILTERS, speakerIds: ['s2'] }, noSource)).toBe(false);
    expect(claimMatchesFilters(claim, { ...EMPTY_FILTERS, verdicts: ['false'] }, noSource)).toBe(true);
    expect(claimMatchesFilters(claim, { ...EMPTY_FILTERS, tags: ['crime'] }, noSource)).toBe(true);
    expect(claimMatchesFilters(claim, { ...EMPTY_FILTERS, minCheckworthy: 0.8 }, noSource)).toBe(false);
    expect(claimMatchesFilters(claim, { ...EMPTY_FILTERS, source: 'without' }, noSource)).toBe(true);
    expect(claimMatchesFilters(claim, { ...EMPTY_FILTERS, source: 'with' }, noSource)).toBe(false);
    expect(
      claimMatchesFilters({ ...claim, speakerId: null }, { ...EMPTY_FILTERS, speakerIds: ['s1'] }, noSource),
    ).toBe(false);
  });

  test('sorting alone is not an active filter', () => {
    expect(hasActiveFilters({ ...EMPTY_FILTERS, sort: 'updated', desc: true })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, q: 'x' })).toBe(true);
  });
});
