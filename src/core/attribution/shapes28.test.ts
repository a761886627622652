import { describe, expect, test } from 'vitest';
import { claimsOf } from './test-claims';

// Invented sentences; each case is a reporting pattern of English news copy, not a corpus sentence.

const speakersOf = (text: string) => claimsOf(text).map((c) => `${c.speaker}: ${c.text}`);

describe('an office with a state (round 28)', () => {
  test('"the Ohio governor" is the governor named with Ohio, not the last governor named', () => {
    expect(
      speakersOf(
        'Ohio Gov. Dale Varner toured a plant in Akron. Gov. Ellen Marsh of New Jersey said the race was open. ' +
          'The Ohio governor said he would not attack anyone.',
      ),
    ).toEqual(['Ellen Marsh: the race was open', 'Dale Varner: he would not attack anyone']);
  });

  test('a possessive state and a two-word state', () => {
    expect(
      speakersOf(
        'New Mexico Attorney General Rosa Tillman filed the suit. Attorney General Ben Oduya of Vermont said he ' +
          'would join it. New Mexico’s attorney general said the suit would go ahead.',
      ),
    ).toEqual(['Ben Oduya: he would join it', 'Rosa Tillman: the suit would go ahead']);
  });

  test('a party-state label places a senator', () => {
    expect(
      speakersOf(
        'Sen. Carl Hebden, R-Pa., said the bill was flawed. Sen. Nora Quist, D-Minn., said it was sound. ' +
          'The Pennsylvania senator said he would vote against it.',
      ),
    ).toEqual([
      'Carl Hebden: the bill was flawed',
      'Nora Quist: it was sound',
      'Carl Hebden: he would vote against it',
    ]);
  });

  test('no one placed in the state: not the governor placed in another one', () => {
    const [, second] = speakersOf(
      'Gov. Ellen Marsh of New Jersey said the race was open. The Ohio governor said he would not attack anyone.',
    );
    expect(second).toBe('Ohio governor: he would not attack anyone');
  });

  test('a governor the article never placed may still be the state’s governor', () => {
    const [, second] = speakersOf(
      'Gov. Ellen Marsh said the race was open. The Ohio governor said she would not attack anyone.',
    );
    expect(second).toBe('Ellen Marsh: she would not attack anyone');
  });
});
