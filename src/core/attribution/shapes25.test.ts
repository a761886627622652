import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';

// Invented sentences; each case is a reporting pattern of English news copy, not a corpus sentence.
const claimsOf = (text: string) => {
  const x = extractClaims(`Title line\n\n${text}`);
  const byId = new Map(x.speakers.map((s) => [s.id, s.name]));
  return x.claims.map((c) => ({ kind: c.kind, speaker: byId.get(c.speakerId ?? ''), text: c.text }));
};

describe('quotations and namings (round 25)', () => {
  // [what the case shows, paragraph, every claim]
  test.each([
    [
      'a partitive subject after the quotation',
      '“It was inevitable,” one of the former directors of the harbour trust said.',
      [
        {
          kind: 'direct',
          speaker: 'one of the former directors of the harbour trust',
          text: 'It was inevitable,',
        },
      ],
    ],
    [
      'a long subject with a coordinated owner after the quotation',
      '“We saw it coming,” the former chairman of the harbour trust and its pension fund said.',
      [
        {
          kind: 'direct',
          speaker: 'former chairman of the harbour trust and its pension fund',
          text: 'We saw it coming,',
        },
      ],
    ],
    [
      'a contact relative before a preposed quotation: its own subject speaks',
      'It was a decision critics described as “a giveaway” to developers.',
      [{ kind: 'direct', speaker: 'critics', text: 'a giveaway' }],
    ],
    [
      '`branded` before a quotation in a relative clause',
      'The levy, which Councillor Amy Lott branded “a tax on tourism”, will start in May.',
      [{ kind: 'mixed', speaker: 'Amy Lott', text: '“a tax on tourism”' }],
    ],
    [
      '`dubbed` with an object and a quotation',
      'Councillor Amy Lott dubbed the plan “a white elephant”.',
      [{ kind: 'mixed', speaker: 'Amy Lott', text: 'the plan “a white elephant”' }],
    ],
    ['`branded` with no quotation is no report', 'The firm branded its vans in red.', []],
    ['a weather warning is no report', 'Forecasters issued an amber warning for rain across the north.', []],
    [
      'a warning with content is',
      'Forecasters issued a statement warning that roads would flood.',
      [{ kind: 'indirect', speaker: 'Forecasters', text: 'that roads would flood' }],
    ],
    [
      'a cue with an addressee between commas interrupts one report',
      'Fares would rise, Mr Vayle told a meeting, because fuel costs had risen.',
      [
        { kind: 'indirect', speaker: 'Mr Vayle', text: 'Fares would rise' },
        { kind: 'indirect', speaker: 'Mr Vayle', text: 'because fuel costs had risen' },
      ],
    ],
    [
      'a participle after a main clause with an irregular past',
      'The council hit back, noting that the trust had been warned twice.',
      [{ kind: 'indirect', speaker: 'council', text: 'that the trust had been warned twice' }],
    ],
    ['`told` then a clause with no addressee is a passive', 'The inquiry told warnings were ignored.', []],
    [
      '`told` with an addressee then a clause',
      'The inspector told MPs fares would rise.',
      [{ kind: 'indirect', speaker: 'inspector', text: 'fares would rise' }],
    ],
  ])('%s', (_what, paragraph, claims) => {
    expect(claimsOf(paragraph)).toEqual(claims);
  });

  test('a headline’s `X told` is X being told', () => {
    const x = extractClaims(
      'Care home inquiry told warnings were ignored\n\nThe inquiry heard from six former staff.',
    );
    expect(x.claims).toEqual([]);
  });

  test('a quotation over three paragraphs whose cue comes in the third', () => {
    const text =
      '“We have lost three crews in a year.\n\n“The older boats need more work than we can give them.\n\n' +
      '“We will restore the timetable,” the operator’s chief executive, Dana Pell, said.\n\nIslanders were angry.';
    expect(claimsOf(text)).toEqual([
      { kind: 'direct', speaker: 'Dana Pell', text: 'We have lost three crews in a year.' },
      { kind: 'direct', speaker: 'Dana Pell', text: 'The older boats need more work than we can give them.' },
      { kind: 'direct', speaker: 'Dana Pell', text: 'We will restore the timetable,' },
    ]);
  });

  test('a straight-quoted excerpt is not claimed by a curly quotation inside it', () => {
    const text =
      'From a column by Jo Hart:\n\n"The pier was sold cheaply.\n\n“It was a giveaway,” Ms Lott said at the time.';
    expect(claimsOf(text).map((c) => c.text)).toEqual(['It was a giveaway,']);
  });

  test('a programme’s title after the cue is no quotation', () => {
    expect(claimsOf('“The pier is safe,” Ms Lott told the radio program “Island Morning.”')).toEqual([
      { kind: 'direct', speaker: 'Ms Lott', text: 'The pier is safe,' },
    ]);
  });

  test('an open quotation with no speaker of its own waits for its cue, not an earlier speaker', () => {
    const text =
      'The levy, Ms Lott said, was “a tax on tourism”.\n\nThe pier closed in May.\n\n“We lost three crews in a year.\n\n' +
      '“The boats are old.\n\n“We did our best,” Dana Pell said.';
    expect(
      claimsOf(text)
        .filter((c) => c.kind === 'direct')
        .map((c) => c.speaker),
    ).toEqual(['Dana Pell', 'Dana Pell', 'Dana Pell']);
  });
});
