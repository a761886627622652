import { describe, expect, test } from 'vitest';
import { extractClaims } from './pipeline';

describe('extractClaims', () => {
  test('returns an empty result for empty text', () => {
    expect(extractClaims('').claims).toEqual([]);
  });
});
