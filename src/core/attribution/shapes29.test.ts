import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';
import { claimsOf, shapes } from './test-claims';

// Invented sentences; each case is a reporting pattern of English news copy, not a corpus sentence.

shapes('how or of what it was said is no content (round 29)', [
  [
    'a participle after the cue’s comma',
    'The vote was close. Mr. Holt said, gripping the rail with both hands.',
    [],
  ],
  [
    'a participle, then the `that` clause',
    'Mr. Holt said, gripping the rail, that the plan would fail.',
    ['Mr. Holt: that the plan would fail'],
  ],
  ['`said as` a clause', 'Senator Ada Wren said as she opened the count in Dover.', []],
  ['`said of` a thing', 'Tom Ruiz, the chairman, said of the meeting he had with the mayor last week.', []],
  [
    '`said of` it, then `that`',
    'Mr. Lint said of the meeting that it had been cordial.',
    ['Mr. Lint: that it had been cordial'],
  ],
  [
    '`said about` a thing, after a quoted question (round 30: the question is hers)',
    '“Why would anyone do that?” Ms. Kerr said about the mayor’s plan to close the pier.',
    ['Ms. Kerr: Why would anyone do that?'],
  ],
  [
    'guard: a parenthetical cue’s participle is the content’s',
    'Meanwhile, the firm is cutting costs, they say, closing two plants in an attempt to save cash.',
    ['they: the firm is cutting costs', 'they: closing two plants in an attempt to save cash'],
  ],
  [
    'guard: `said about` a number',
    'Ms. Kerr said about 40 people had come.',
    ['Ms. Kerr: about 40 people had come'],
  ],
]);

shapes('a postposed `according to` source runs to its comma or dash (round 29)', [
  [
    'a long source with a participle',
    'The plan drew few backers. Turnout rose sharply, according to early results of the exit survey conducted by Marlow Research for the Ledger and two stations.',
    ['early results of the exit survey: Turnout rose sharply'],
  ],
  [
    'a relative clause in the source',
    'The plan drew few backers. The agency is reviewing the contracts, according to three officials who spoke to the Ledger but were not authorized to speak on the record.',
    ['three officials: The agency is reviewing the contracts'],
  ],
  [
    'a dash after the source opens the reporter’s gloss',
    'The plan drew few backers. The levy raised only $2 billion, according to the Budget Policy Office - half a percent of the county’s output.',
    ['Budget Policy Office: The levy raised only $2 billion'],
  ],
]);

shapes('`calls NAME ADJECTIVE` (round 29)', [
  [
    'an un-…-ed adjective, after an opening date',
    'On Tuesday, Dunmore called Quill unqualified and said the vote should be delayed.',
    ['Dunmore: Quill unqualified', 'Dunmore: the vote should be delayed'],
  ],
  ['a plain adjective from the list', 'Ms. Roe called Mr. Lake dishonest.', ['Ms. Roe: Mr. Lake dishonest']],
  [
    'a straight single mark opening the complement',
    "Ms. Roe called the Lake plan 'reckless,' but backed it.",
    ["Ms. Roe: the Lake plan 'reckless,' but backed it"],
  ],
]);

describe('a headline `calls`, a group label (round 29)', () => {
  const headline = (text: string) => {
    const x = extractClaims(text);
    return x.claims.filter((c) => c.kind === 'headline').map((c) => c.text);
  };
  test.each([
    ['Tensions rise after Dunmore calls Quill unqualified;', 'Quill unqualified'],
    ["Agency calls 22 files of Holt 'top secret.'", "22 files of Holt 'top secret.'"],
    ['Insiders: Quill will rebound in Kent.', 'Quill will rebound in Kent'],
  ])('%s', (title, claim) => {
    expect(headline(`${title}\n\nThe county board met on Tuesday. Ms. Varga said she had doubts.`)).toEqual([
      claim,
    ]);
  });
});

describe('`its` people (round 29)', () => {
  const speakers = (text: string) => claimsOf(text).map((c) => c.speaker);
  test('"its backers" after a document: the body, not the document', () => {
    expect(
      speakers(
        'The Ridge Trust said it wants to build a dam on the Avon. Critics say the dam would flood farms, and a ' +
          'batch of emails released on Monday showed the trust knew it. But its backers say the dam is needed.',
      ),
    ).toEqual(['Ridge Trust', 'Critics', 'batch of emails', 'Ridge Trust']);
  });
  test('guard: "its authors" may be a document’s', () => {
    expect(
      speakers(
        'The Ridge Trust said it wants to build a dam. A study released on Monday found the dam would flood ' +
          'farms. Its authors say the risk is high.',
      ).at(-1),
    ).toBe('study');
  });
});

shapes('a postposed cue, then `adding` a quotation (round 29)', [
  [
    'the lead is the first cue’s, the quotation the participle’s',
    'Roe and Lake will meet next week, Pell said, adding, “They need to talk.”',
    ['Pell: Roe and Lake will meet next week', 'Pell: They need to talk.'],
  ],
  [
    'a content between the cue and the participle',
    'Pell said there was no meeting planned, adding: “If one is proposed we will consider it.”',
    ['Pell: there was no meeting planned', 'Pell: If one is proposed we will consider it.'],
  ],
]);

test('`according to` after a closing mark typed as two apostrophes (round 29)', () => {
  expect(
    claimsOf("The visit in May became ''the high point of their friendship,'' according to Mr. Hale.").map(
      (c) => `${c.speaker}: ${c.text}`,
    ),
  ).toEqual(["Mr. Hale: The visit in May became ''the high point of their friendship,''"]);
});

test('guard: a rubric label in a headline is no speaker (round 29)', () => {
  const x = extractClaims(
    'Breaking: Quill will rebound in Kent.\n\nThe board met on Tuesday. Ms. Varga said she had doubts.',
  );
  expect(x.claims.filter((c) => c.kind === 'headline')).toEqual([]);
});

shapes('`maintained` a noun phrase is no report (round 29)', [
  ['a lead kept', 'In the Senate race, Ms. Roe maintained her double-digit lead over Mr. Lake.', []],
  [
    'guard: a clause after it is',
    'But the campaign has long maintained they were not marked at the time.',
    ['campaign: they were not marked at the time'],
  ],
]);

describe('which body speaks (round 29)', () => {
  test.each([
    [
      'a possessive place before a named body: the body, not a person with the place as surname',
      'Ohio voted for the plan, Gov. Dale Ohio said on Monday. ' +
        "Ohio's state-owned utility Buckeye Water said it would raise rates.",
      ['Dale Ohio', 'Buckeye Water'],
    ],
    [
      'a body is not a survey group it shares a modifier with; a source’s appositive',
      'Turnout rose, according to early results of a county survey. The dam would cost $80 million, according to ' +
        "the county budget office. The plan became ''the best deal we could get,'' according to Tom Ruiz, the clerk.",
      ['early results of a county survey', 'county budget office', 'Tom Ruiz'],
    ],
  ])('%s', (_what, paragraph, speakers) => {
    expect(claimsOf(paragraph).map((c) => c.speaker)).toEqual(speakers);
  });
});

shapes('an inverted `wrote` after a comma, and its appositive (round 29)', [
  [
    'a possessive appositive after the inverted speaker is no content',
    'The family had been traveling together for a week, wrote film director Omar Laban, Salim’s nephew, on Facebook.',
    ['Omar Laban: The family had been traveling together for a week'],
  ],
  [
    'the closing mark stays with the quotation before an inverted cue with an appositive',
    'In this race, "money does not mean they will win," said Jenna Gold, Avon’s director of sales.',
    ['Jenna Gold: In this race, "money does not mean they will win,"'],
  ],
]);
