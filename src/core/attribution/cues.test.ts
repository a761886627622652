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

// Round eleven (attr22): [what the case shows, sentence, the cues found].
describe('round eleven (attr22)', () => {
  test.each([
    ['"first" in a passive is no adverb', 'The move was first reported by MSNBC.', []],
    ['"first" before the verb is an adverb', 'The employee first said he did not recall it.', ['said']],
    ['"first" after a name is an adverb', 'The Tennessean first reported the decision.', ['reported']],
    [
      '"first" after a determiner is an adjective',
      'Her first report was late, and the first claims were wrong.',
      [],
    ],
    ['"first" after an owner is an adjective', "Trump's first tweet was measured.", []],
    ['an infinitive report with "that"', 'She went on to say that the plan had failed.', ['say']],
    ['an infinitive report with a particle', 'He was quick to point out that few had voted.', ['point out']],
    [
      'an infinitive report with a pronoun clause',
      'He seemed to indicate he knows her tendencies.',
      ['indicate'],
    ],
    ['an infinitive with a noun phrase is no report', 'He took to Twitter to say thanks.', []],
    ['an expected report is not made', 'She is expected to argue that the law is void.', []],
    [
      '"emphasizing" is a cue',
      'She defended the deal, emphasizing that it was enforceable.',
      ['emphasizing'],
    ],
    [
      '"pointing out" is a cue',
      'He replied, pointing out that the vote was close.',
      ['replied', 'pointing out'],
    ],
    [
      'a relative "that" after a document',
      'It ran a new poll that shows more voters oppose the plan.',
      ['shows'],
    ],
    ['"that claims" after a verb is a noun', 'She said that claims of fraud were false.', ['said']],
    ['a relative "that" after a person is not read', 'The people that reported it left.', []],
    ['"responds that"', 'Sanders responds that he does not need the rules.', ['responds']],
    [
      '"responded that" after a time word',
      'The campaign on Tuesday responded that it had moved.',
      ['responded'],
    ],
    ['"posted on Twitter that"', 'Trump posted on Twitter that the stock would crash.', ['posted']],
    [
      '"continued to insist": the infinitive is the cue',
      'He continued to insist that the vote was rigged.',
      ['insist'],
    ],
    ['"responded to" is no report', 'The state that voted first responded to the ruling.', []],
  ])('%s', (_what, sentence, cues) => {
    expect(cuesOf(sentence)).toEqual(cues);
  });
});

describe('"pointed to" (round 24)', () => {
  test('what is pointed to is reported; not before a preposition', () => {
    expect(cuesOf('Blackwell pointed to the polls. Critics point to the cost.')).toEqual([
      'pointed to',
      'point to',
    ]);
    expect(cuesOf('The trends they point to with alarm are real.')).toEqual([]);
  });

  test('"pointing to" is a participle report of the main clause', () => {
    const text = 'Clinton brushed aside the loss, pointing to a big win in Mississippi.';
    const tokens = tokenize(text, 0, text.length);
    expect(findCues(tokens, () => false).map((c) => c.participle)).toEqual([true]);
  });
});
