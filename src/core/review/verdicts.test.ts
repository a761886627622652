import { describe, expect, test } from 'vitest';
import { VERDICTS } from '../model/types';
import { claimReviewRating, digitForVerdict, verdictForDigit, verdictNeedsSource } from './verdicts';

describe('verdicts', () => {
  test('digits 1–9 map to the scale in order and back', () => {
    VERDICTS.forEach((v, i) => {
      expect(verdictForDigit(String(i + 1))).toBe(v);
      expect(digitForVerdict(v)).toBe(i + 1);
    });
    expect(verdictForDigit('0')).toBeNull();
    expect(verdictForDigit('x')).toBeNull();
  });

  test('only rating verdicts need a source', () => {
    expect(verdictNeedsSource('unchecked')).toBe(false);
    expect(verdictNeedsSource('in progress')).toBe(false);
    expect(verdictNeedsSource('false')).toBe(true);
    expect(verdictNeedsSource('unverifiable')).toBe(true);
  });

  test('ClaimReview ratings: numeric on the truth scale, text-only off it, none when unrated', () => {
    expect(claimReviewRating('true')).toMatchObject({ ratingValue: 5, bestRating: 5, worstRating: 1 });
    expect(claimReviewRating('false')).toMatchObject({ ratingValue: 1, alternateName: 'False' });
    expect(claimReviewRating('misleading')).toEqual({ '@type': 'Rating', alternateName: 'Misleading' });
    expect(claimReviewRating('unchecked')).toBeNull();
  });
});
