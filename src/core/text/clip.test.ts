import { expect, test } from 'vitest';
import { clip } from './clip';

test('a text within the limit is kept; a longer one is cut to the limit with an ellipsis', () => {
  expect(clip('Ferry fares', 11)).toBe('Ferry fares');
  expect(clip('Ferry fares rise', 11)).toBe('Ferry fare…');
  expect(clip('Ferry fares rise', 7)).toBe('Ferry…');
});
