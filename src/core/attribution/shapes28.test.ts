import { describe, expect, test } from 'vitest';
import { claimsOf } from './test-claims';

// Invented sentences; each case is a reporting pattern of English news copy, not a corpus sentence.

const speakersOf = (text: string) => claimsOf(text).map((c) => `${c.speaker}: ${c.text}`);

type Claim = ReturnType<typeof claimsOf>[number];

/** A table of shapes: [what the case shows, paragraph, every claim]. */
function shapes(title: string, cases: [string, string, Partial<Claim>[]][]) {
  describe(title, () => {
    test.each(cases)('%s', (_what, paragraph, claims) => {
      expect(claimsOf(paragraph)).toEqual(claims);
    });
  });
}

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

shapes('subjects (round 28)', [
  [
    'a share after a comma and a conjunction is the subject',
    'Most of the councillors back the change, and all but two said the levy should be reviewed next year.',
    [
      {
        kind: 'indirect',
        speaker: 'all but two',
        cue: 'said',
        text: 'the levy should be reviewed next year',
      },
    ],
  ],
  [
    'a child is a person a relative clause can be about',
    'The last question at the meeting was from a young child, who said she had walked to the hall from Easton.',
    [
      {
        kind: 'indirect',
        speaker: 'young child',
        cue: 'said',
        text: 'she had walked to the hall from Easton',
      },
    ],
  ],
  [
    'everyone but a name is the subject, and a bare yes is the answer',
    'Marsh asked each director whether the firm should sell. Everyone but Hollis said yes.',
    [
      { kind: 'indirect', speaker: 'Marsh', cue: 'asked', text: 'whether the firm should sell' },
      { kind: 'indirect', speaker: 'Everyone but Hollis', cue: 'said', text: 'yes' },
    ],
  ],
  [
    'an aside quoting with doubled apostrophes lies between the subject and its cue',
    "Mr. Tolland, citing ''the plain arithmetic of the budget,'' said the town could not afford a new pool.",
    [
      {
        kind: 'mixed',
        speaker: 'Mr. Tolland',
        cue: 'citing',
        text: "''the plain arithmetic of the budget,''",
      },
      {
        kind: 'indirect',
        speaker: 'Mr. Tolland',
        cue: 'said',
        text: 'the town could not afford a new pool',
      },
    ],
  ],
]);

shapes('a coordinated speech verb after another verb (round 28)', [
  [
    'a possessive and a compound adjective before the subject’s noun',
    "Brenland's state-owned investment giant Harcol runs an oil field and a cement plant in Ostova and says it has set up a fund for road projects.",
    [
      {
        kind: 'indirect',
        speaker: 'Harcol',
        cue: 'says',
        text: 'it has set up a fund for road projects',
      },
    ],
  ],
  [
    'a verb coordinated inside a relative clause after a dash is the antecedent’s',
    'The inquiry looked into the Harbour Bank, which is responsible for managing the debt - and says it cannot hope to repay.',
    [{ kind: 'indirect', speaker: 'Harbour Bank', cue: 'says', text: 'it cannot hope to repay' }],
  ],
  [
    'with no relative clause the coordinated verb is the main subject’s',
    'The trust bought the Harbour Bank in March and said it would keep every branch open.',
    [{ kind: 'indirect', speaker: 'trust', cue: 'said', text: 'it would keep every branch open' }],
  ],
]);

shapes('findings of a long document subject (round 28)', [
  [
    'a poll phrase with a passive relative clause',
    'The little polling that was done in the county before the vote showed a dead heat between Marsh and Quill.',
    [
      {
        kind: 'indirect',
        speaker: 'little polling',
        cue: 'showed',
        text: 'a dead heat between Marsh and Quill',
      },
    ],
  ],
  [
    'a collection of documents',
    'A new batch of council emails released this week showed the close ties between the trust and the planning office.',
    [
      {
        kind: 'indirect',
        speaker: 'new batch of council emails',
        cue: 'showed',
        text: 'the close ties between the trust and the planning office',
      },
    ],
  ],
  [
    'a poll named after a body with `of` in its name',
    'A University of Harlow poll out this week shows Marsh with an 8-point lead over Quill.',
    [
      {
        kind: 'indirect',
        speaker: 'University of Harlow poll',
        cue: 'shows',
        text: 'Marsh with an 8-point lead over Quill',
      },
    ],
  ],
  [
    'a relative clause with a clause of its own is no document phrase',
    'The polling that voters ignored showed a dead heat.',
    [],
  ],
]);

shapes('call for, call upon (round 28)', [
  [
    'a day between called and for',
    'The mayor called Wednesday for the harbour master to resign over the leak.',
    [
      {
        kind: 'indirect',
        speaker: 'mayor',
        cue: 'called Wednesday for',
        text: 'the harbour master to resign over the leak',
      },
    ],
  ],
  [
    'called upon',
    'After the video, the mayor called upon the police chief to restart patrols of the harbour.',
    [
      {
        kind: 'indirect',
        speaker: 'mayor',
        cue: 'called upon',
        text: 'the police chief to restart patrols of the harbour',
      },
    ],
  ],
  [
    'a name as object and an adjective',
    'Dunmore calls Quill dangerous.',
    [{ kind: 'indirect', speaker: 'Dunmore', cue: 'calls', text: 'Quill dangerous' }],
  ],
  ['a day after called with no particle is no cue', 'The mayor called Wednesday to complain.', []],
]);

shapes('after a postposed source (round 28)', [
  [
    'a conjunction after the source is the reporter’s',
    'Marsh has won 58 seats so far, according to a Gazette tally, but her path to a majority is narrowing.',
    [
      {
        kind: 'indirect',
        speaker: 'Gazette tally',
        cue: 'according to',
        text: 'Marsh has won 58 seats so far',
      },
    ],
  ],
  [
    'the source’s office after it is the reporter’s gloss',
    'Independent voters turn out at lower rates, according to Ann Roe, director of the Harlow Survey Centre, which ran the poll.',
    [
      {
        kind: 'indirect',
        speaker: 'Ann Roe',
        cue: 'according to',
        text: 'Independent voters turn out at lower rates',
      },
    ],
  ],
]);

shapes('an inverted cue after a comma (round 28)', [
  [
    'a participle phrase before the comma is no subject; the name after the cue speaks',
    'The levy would hurt small firms, forcing them to cut staff, said Ann Roe, a local economist.',
    [
      {
        kind: 'indirect',
        speaker: 'Ann Roe',
        cue: 'said',
        text: 'The levy would hurt small firms, forcing them to cut staff',
      },
    ],
  ],
  [
    'a name whose appositive is followed by a verb is the report’s subject',
    'The mayor, who was angry, said Ann Roe, the treasurer, had lied.',
    [{ kind: 'indirect', speaker: 'mayor', cue: 'said', text: 'Ann Roe, the treasurer, had lied' }],
  ],
]);

shapes('a relative clause inside an opening phrase (round 28)', [
  [
    'the report ends at the comma before the main clause, with the closing mark',
    'Under questioning from Dame Ann Roe, who chairs the panel and who said the board had been “kept in the dark for months,” Tom Hale conceded that the delay had been known since May.',
    [
      {
        kind: 'mixed',
        speaker: 'Ann Roe',
        cue: 'said',
        text: 'the board had been “kept in the dark for months,”',
      },
      {
        kind: 'indirect',
        speaker: 'Tom Hale',
        cue: 'conceded',
        text: 'that the delay had been known since May',
      },
    ],
  ],
]);
