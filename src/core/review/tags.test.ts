import { describe, expect, test } from 'vitest';
import { normalizeTag, suggestTags, withoutTag, withTag } from './tags';

describe('tags', () => {
  test('a tag of only spaces is no tag', () => {
    expect(normalizeTag('   \t ')).toBeNull();
    expect(withTag(['crime'], '   ')).toEqual(['crime']);
  });

  test('white space is folded and length capped', () => {
    expect(normalizeTag('  child   safety ')).toBe('child safety');
    expect(normalizeTag('x'.repeat(200))).toHaveLength(60);
  });

  test('no duplicates ignoring case; removal ignores case too', () => {
    expect(withTag(['Crime'], 'crime')).toEqual(['Crime']);
    expect(withTag(['crime'], 'police')).toEqual(['crime', 'police']);
    expect(withoutTag(['Crime', 'police'], 'crime')).toEqual(['police']);
  });

  test('suggestions: prefix matches first, then by use, excluding tags already on the claim', () => {
    const used = new Map([
      ['statistics', 3],
      ['police', 9],
      ['crime stats', 5],
      ['stats', 1],
    ]);
    expect(suggestTags(used, 'stat', [])).toEqual(['statistics', 'stats', 'crime stats']);
    expect(suggestTags(used, '', ['police'])).toEqual(['crime stats', 'statistics', 'stats']);
  });
});
