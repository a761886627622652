import { describe, expect, test } from 'vitest';
import { mergeAliases, speakerKey } from './speaker-key';

describe('speakerKey', () => {
  test('ignores case, punctuation, spacing and accents', () => {
    expect(speakerKey('  Alan   BILLINGS ')).toBe('alan billings');
    expect(speakerKey('Zoë O’Brien-Smith')).toBe('zoe obrien smith');
  });

  test('drops leading honorifics but keeps a bare title', () => {
    expect(speakerKey('Dr. Alan Billings')).toBe('alan billings');
    expect(speakerKey('Sir Keir Starmer')).toBe('keir starmer');
    expect(speakerKey('Lord')).toBe('lord');
  });

  test('is empty for a name with no letters', () => {
    expect(speakerKey(' — ')).toBe('');
  });
});

describe('mergeAliases', () => {
  test('adds new names once, keeping the first spelling', () => {
    expect(
      mergeAliases(['Dr Billings'], ['dr. billings', 'Alan Billings', 'Alan  Billings', 'Billings']),
    ).toEqual(['Dr Billings', 'Alan Billings', 'Billings']);
  });

  test('leaves out names equal to an excepted one (the canonical name)', () => {
    expect(mergeAliases([], ['Alan Billings', 'Dr Billings'], ['Alan Billings'])).toEqual(['Dr Billings']);
  });
});
