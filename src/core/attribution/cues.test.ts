import { describe, expect, test } from 'vitest';
import { tokenize } from '../text/tokens';
import { findCues } from './cues';

const cuesOf = (text: string) => {
  const tokens = tokenize(text, 0, text.length);
  return findCues(tokens, () => false).map((c) => text.slice(tokens[c.from]!.start, tokens[c.to]!.end));
};

describe('findCues', () => {
  test('finds speech verbs and "according to"', () => {
    expect(cuesOf('The minister said the plan works, according to aides.')).toEqual(['said', 'according to']);
  });

  test('needs a particle for "called" and "pointed", unless a quotation follows "called"', () => {
    expect(cuesOf('She called for calm and pointed out the risks.')).toEqual(['called for', 'pointed out']);
    expect(cuesOf('He called the police.')).toEqual([]);
    expect(cuesOf('He called the deal “a disaster”.')).toEqual(['called']);
  });

  test('does not take nouns after a determiner for verbs', () => {
    expect(cuesOf('The report found a claim in the statement.')).toEqual(['found']);
    expect(cuesOf('Their report was late.')).toEqual([]);
  });

  test('ambiguous verbs do not introduce reported speech', () => {
    expect(cuesOf('The war continues and the state says nothing.')).toEqual(['says']);
  });
});

describe('"called" as a cue', () => {
  test('with an object and a complement', () => {
    expect(cuesOf('She called the incident a disgrace.')).toEqual(['called']);
    expect(cuesOf('The council called an emergency session.')).toEqual([]);
  });
});

describe('reports that were not made', () => {
  test('a modal with "have" before the verb (round nine)', () => {
    expect(cuesOf('He should have insisted on a vote, and she would have said no.')).toEqual([]);
    expect(cuesOf('He has insisted on a vote.')).toEqual(['insisted']);
  });
});
