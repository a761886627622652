import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';
import { claimsOf } from './test-claims';

// Invented sentences; each case is a reporting pattern of English news copy, not a corpus sentence.

describe('clauses and cues (round 26)', () => {
  // [what the case shows, paragraph, every claim]
  test.each([
    [
      'a question with no question word ends at the next clause’s comma',
      'When a reporter asked Ms Pell about the sale, the chief executive said she had to go to a meeting.',
      [{ kind: 'indirect', speaker: 'chief executive', cue: 'said', text: 'she had to go to a meeting' }],
    ],
    [
      'a question with no question word ends at a coordinated verb',
      'The Gazette asked 612 tenants about their homes last year and found that most wanted to leave.',
      [{ kind: 'indirect', speaker: 'Gazette', cue: 'found', text: 'that most wanted to leave' }],
    ],
    [
      'a request after an adjunct between commas',
      'The Gazette asked the council, in a letter to its leader, to reopen the pier.',
      [
        {
          kind: 'indirect',
          speaker: 'Gazette',
          cue: 'asked',
          text: 'the council, in a letter to its leader, to reopen the pier',
        },
      ],
    ],
    [
      'a naming participle after a plain noun phrase, then the verb, is a reduced passive',
      'The candidate labeled “a leader who cannot be trusted” continues to lead the polls.',
      [],
    ],
    [
      'a reduced passive with its agent names nobody here',
      'A project dubbed “the bridge to nowhere” by residents was cancelled.',
      [],
    ],
    [
      'a naming with an object stays a report',
      'The mayor labeled the plan “a disgrace” on Monday.',
      [{ kind: 'mixed', speaker: 'mayor', cue: 'labeled', text: 'the plan “a disgrace” on Monday' }],
    ],
    [
      'a measure with a comparison after a mid-sentence cue is the reporter’s gloss',
      'The new trains will arrive in March, the company said, two months later than it had promised investors.',
      [{ kind: 'indirect', speaker: 'company', cue: 'said', text: 'The new trains will arrive in March' }],
    ],
    [
      'a clause after a mid-sentence cue is more of the report',
      'The trains are late, the company said, because of a shortage of parts.',
      [
        { kind: 'indirect', speaker: 'company', cue: 'said', text: 'The trains are late' },
        { kind: 'indirect', speaker: 'company', cue: 'said', text: 'because of a shortage of parts' },
      ],
    ],
    [
      'a participle after a relative clause with a preposition reports for its subject',
      'The council’s first salvo was a web advert in which children use a toy bulldozer to flatten a model village, yelling “compulsory purchase!”',
      [{ kind: 'direct', speaker: 'children', cue: 'yelling', text: 'compulsory purchase!' }],
    ],
    [
      'a participle after `where` and a subject that speaks, with a particle verb',
      'The council released a video where residents walk through the flooded streets, saying the drains had failed.',
      [{ kind: 'indirect', speaker: 'residents', cue: 'saying', text: 'the drains had failed' }],
    ],
    [
      'a relative clause whose subject cannot speak leaves the main clause’s',
      'The council met in a hall where the heating failed, saying it would move next year.',
      [{ kind: 'indirect', speaker: 'council', cue: 'saying', text: 'it would move next year' }],
    ],
    [
      'a source after a report vouches for the relative clause before it',
      'The campaign said it hired Kat Pine, who has been outspoken on taxes, according to the Ledger.',
      [
        { kind: 'indirect', speaker: 'campaign', cue: 'said', text: 'it hired Kat Pine' },
        { kind: 'indirect', speaker: 'Ledger', cue: 'according to', text: 'who has been outspoken on taxes' },
      ],
    ],
    [
      'a noun phrase after the source of `according to` is a gloss on the source',
      'The court needs a third judge, according to the Judicial Conference, the policy-making arm of the courts.',
      [
        {
          kind: 'indirect',
          speaker: 'Judicial Conference',
          cue: 'according to',
          text: 'The court needs a third judge',
        },
      ],
    ],
  ])('%s', (_what, paragraph, claims) => {
    expect(claimsOf(paragraph)).toEqual(claims);
  });

  test('a headline’s `X told that …` is X being told', () => {
    const x = extractClaims(
      'Care home inquiry told that warnings were ignored\n\nThe inquiry heard from six former staff.',
    );
    expect(x.claims).toEqual([]);
  });
});
