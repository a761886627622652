import { describe, expect, test } from 'vitest';
import { checkworthyLevel, formatCheckworthy, formatCheckworthyAtLeast } from './checkworthiness';

describe('the check-worthiness scale', () => {
  test('the panel, the table and the filter all say points out of 100', () => {
    expect(formatCheckworthy(0.35)).toBe('35 / 100');
    expect(formatCheckworthy(0.1)).toBe('10 / 100');
    expect(formatCheckworthyAtLeast(0.3)).toBe('30 / 100 or more');
    expect(formatCheckworthy(1.4)).toBe('100 / 100');
  });

  test('levels', () => {
    expect([0.1, 0.35, 0.6].map(checkworthyLevel)).toEqual(['Low', 'Medium', 'High']);
  });
});
