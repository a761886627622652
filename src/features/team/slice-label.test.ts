import { describe, expect, it } from 'vitest';
import { dateProblem, sliceLabel } from '@/features/team/slice-label';

describe('sliceLabel', () => {
  it('says how the articles were chosen', () => {
    expect(
      sliceLabel({ tag: ' budget ', publishedFrom: '2026-03-01', publishedTo: '2026-03-31' }, false),
    ).toBe('tag “budget”, published 2026-03-01 to 2026-03-31');
    expect(sliceLabel({ publishedFrom: '2026-03-01' }, false)).toBe('published from 2026-03-01');
    expect(sliceLabel({ publishedTo: '2026-03-31' }, true)).toBe(
      'chosen by hand from published up to 2026-03-31',
    );
    expect(sliceLabel({}, false)).toBe('all articles');
  });
  it('refuses a range that ends before it starts', () => {
    expect(dateProblem('2026-04-01', '2026-03-01')).toMatch(/after/);
    expect(dateProblem('2026-03-01', '2026-03-01')).toBeNull();
    expect(dateProblem('', '2026-03-01')).toBeNull();
  });
});
