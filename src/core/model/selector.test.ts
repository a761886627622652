import { describe, expect, test } from 'vitest';
import { selectorFromRange } from './selector';

describe('selectorFromRange', () => {
  const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(40)}`;

  test('keeps the exact words and 32 characters of context each side', () => {
    const s = selectorFromRange(text, 40, 45);
    expect(s.exact).toBe('QUOTE');
    expect(s.prefix).toBe('a'.repeat(32));
    expect(s.suffix).toBe('b'.repeat(32));
  });

  test('shortens the context at the edges of the text', () => {
    expect(selectorFromRange('He said "yes".', 0, 2)).toEqual({
      exact: 'He',
      prefix: '',
      suffix: ' said "yes".',
    });
  });

  test('rejects a range outside the text', () => {
    expect(() => selectorFromRange('abc', 2, 5)).toThrow(RangeError);
    expect(() => selectorFromRange('abc', 2, 1)).toThrow(RangeError);
  });
});
