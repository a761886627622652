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

describe('round eleven (attr22)', () => {
  test('"first" before the verb is an adverb unless a determiner or an owner opens it', () => {
    expect(cuesOf('The move was first reported by MSNBC.')).toEqual([]);
    expect(cuesOf('The employee first said he did not recall it.')).toEqual(['said']);
    expect(cuesOf('The Tennessean first reported the decision.')).toEqual(['reported']);
    expect(cuesOf('Her first report was late, and the first claims were wrong.')).toEqual([]);
    expect(cuesOf("Trump's first tweet was measured.")).toEqual([]);
  });

  test('an infinitive report needs a clause', () => {
    expect(cuesOf('She went on to say that the plan had failed.')).toEqual(['say']);
    expect(cuesOf('He was quick to point out that few had voted.')).toEqual(['point out']);
    expect(cuesOf('He seemed to indicate he knows her tendencies.')).toEqual(['indicate']);
    expect(cuesOf('He took to Twitter to say thanks.')).toEqual([]);
    expect(cuesOf('She is expected to argue that the law is void.')).toEqual([]);
  });

  test('"pointing out" and "emphasizing" are cues', () => {
    expect(cuesOf('She defended the deal, emphasizing that it was enforceable.')).toEqual(['emphasizing']);
    expect(cuesOf('He replied, pointing out that the vote was close.')).toEqual(['replied', 'pointing out']);
  });
});

describe('a relative "that" after a document (attr22)', () => {
  test('"a poll that shows …" is a cue; "that claims …" after a verb is not', () => {
    expect(cuesOf('It ran a new poll that shows more voters oppose the plan.')).toEqual(['shows']);
    expect(cuesOf('She said that claims of fraud were false.')).toEqual(['said']);
    expect(cuesOf('The people that reported it left.')).toEqual([]);
  });
});

describe('ambiguous verbs with a "that" clause (attr22)', () => {
  test('"responds that", "continued that", "posted on Twitter that" are cues; nouns and infinitives are not', () => {
    expect(cuesOf('Sanders responds that he does not need the rules.')).toEqual(['responds']);
    expect(cuesOf('The campaign on Tuesday responded that it had moved.')).toEqual(['responded']);
    expect(cuesOf('Trump posted on Twitter that the stock would crash.')).toEqual(['posted']);
    expect(cuesOf('He continued to insist that the vote was rigged.')).toEqual(['insist']);
    expect(cuesOf('The state that voted first responded to the ruling.')).toEqual([]);
  });
});
