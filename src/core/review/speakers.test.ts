import { describe, expect, test } from 'vitest';
import { mergeAliases, speakerKey } from './speakers';

describe('speakers', () => {
  test('key ignores titles, case, possessives and punctuation', () => {
    expect(speakerKey('Dr Alan Billings')).toBe('alan billings');
    expect(speakerKey('Prof. Alexis Jay’s')).toBe('alexis jay');
    expect(speakerKey('  JAMES  CARTLIDGE ')).toBe('james cartlidge');
  });

  test('merging aliases drops duplicates and the name itself', () => {
    expect(
      mergeAliases('Alan Billings', ['Dr Billings', 'Alan Billings'], ['dr billings', 'Police chief', ' ']),
    ).toEqual(['Dr Billings', 'Police chief']);
  });
});
