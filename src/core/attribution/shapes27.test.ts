import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';
import { claimsOf } from './test-claims';

// Invented sentences; each case is a reporting pattern of English news copy, not a corpus sentence.

describe('clauses and cues (round 27)', () => {
  // [what the case shows, paragraph, every claim]
  test.each([
    [
      'an object called a quoted name names a thing',
      'Residents set up a website called “Save the Pier” that collects pledges from local firms.',
      [],
    ],
    [
      'an object called a capitalised name names a thing',
      'The group organised a festival called Night Market at a former depot in the docks.',
      [],
    ],
    [
      'an object called an article and a quoted name names a thing',
      'Councillors criticised the levy called an “entry charge,” in which visitors pay at the gate.',
      [
        {
          kind: 'mixed',
          speaker: 'Councillors',
          cue: 'criticised',
          text: 'the levy called an “entry charge,” in which visitors pay at the gate',
        },
      ],
    ],
    [
      'a subject called an object and a complement still speaks',
      'The mayor called Hartley “a menace to the town” on Tuesday.',
      [{ kind: 'mixed', speaker: 'mayor', cue: 'called', text: 'Hartley “a menace to the town” on Tuesday' }],
    ],
    [
      'after a relative word the noun phrase before called is its subject',
      'The pier closed in what the mayor called “a sad day for the town.”',
      [{ kind: 'mixed', speaker: 'mayor', cue: 'called', text: '“a sad day for the town.”' }],
    ],
    [
      'a questioning participle after its noun is a reduced passive; the later verb is the cue',
      'Shoppers questioned outside the store on Saturday said prices had risen sharply since the spring.',
      [
        {
          kind: 'indirect',
          speaker: 'Shoppers',
          cue: 'said',
          text: 'prices had risen sharply since the spring',
        },
      ],
    ],
    [
      'a questioning participle after a plural that is also a subject word',
      'Residents questioned outside the town hall said the debate had gone on too long.',
      [{ kind: 'indirect', speaker: 'Residents', cue: 'said', text: 'the debate had gone on too long' }],
    ],
    [
      'the agent of a reduced passive before the cue is not its subject',
      'Voters surveyed by the Gazette in March said the council should resign.',
      [{ kind: 'indirect', speaker: 'Voters', cue: 'said', text: 'the council should resign' }],
    ],
    [
      'a questioning verb with an object stays the cue',
      'The senator questioned whether the new plan would work at all.',
      [
        {
          kind: 'indirect',
          speaker: 'senator',
          cue: 'questioned',
          text: 'whether the new plan would work at all',
        },
      ],
    ],
    [
      'a subject phrase of people with of and an infinitive before the cue',
      'Organisers of the campaign to save the pier said they had raised half the money.',
      [{ kind: 'indirect', speaker: 'Organisers', cue: 'said', text: 'they had raised half the money' }],
    ],
    [
      'a subject phrase with an infinitive after its head',
      'The last minister to resign from the cabinet says he does not expect the party to recover.',
      [
        {
          kind: 'indirect',
          speaker: 'last minister',
          cue: 'says',
          text: 'he does not expect the party to recover',
        },
      ],
    ],
    [
      'a name and others with a relative clause before the cue',
      'Pratt and others who want to keep the pier said the vote would be close.',
      [{ kind: 'indirect', speaker: 'Pratt and others', cue: 'said', text: 'the vote would be close' }],
    ],
    [
      'a speech noun after an of-phrase is no cue of this kind',
      'One of the central claims of the mayor’s speech does not stand up to scrutiny.',
      [],
    ],
    [
      'a framing participle’s phrase before the cue is no content; a one-word answer is',
      'Asked on the radio who leads the party, Delgado said Pratt.',
      [{ kind: 'indirect', speaker: 'Delgado', cue: 'said', text: 'Pratt' }],
    ],
    [
      'a framing participle’s phrase before a pronoun’s cue is no content',
      'Turning his attention to the general election, he said he was the candidate best suited to win, and that he would.',
      [
        {
          kind: 'indirect',
          speaker: 'he',
          cue: 'said',
          text: 'he was the candidate best suited to win, and that he would',
        },
      ],
    ],
    [
      'an opening adverbial before a mid-sentence source is no report of its own',
      'In addition, according to the council, nearly nine thousand more homes will need repairs.',
      [
        {
          kind: 'indirect',
          speaker: 'council',
          cue: 'according to',
          text: 'nearly nine thousand more homes will need repairs',
        },
      ],
    ],
    [
      'a bare subject word before a mid-sentence source is no report of its own',
      'Fundraising, according to the campaign, has surged in the same period.',
      [{ kind: 'indirect', speaker: 'campaign', cue: 'according to', text: 'has surged in the same period' }],
    ],
    [
      'a participle opening the words after a name-colon label is no cue of theirs',
      'The panel met for an hour.\n\nJo Pratt: Saying to people “tax the rich” — everyone pictures someone else.',
      [
        {
          kind: 'indirect',
          speaker: 'Jo Pratt',
          cue: ':',
          text: 'Saying to people “tax the rich” — everyone pictures someone else',
        },
      ],
    ],
    [
      'a coordinated clause with its own subject and speech verb is another report',
      'Delgado said hackers broke into the council computers and she accused Pratt of helping them.',
      [
        {
          kind: 'indirect',
          speaker: 'Delgado',
          cue: 'said',
          text: 'hackers broke into the council computers',
        },
        { kind: 'indirect', speaker: 'Delgado', cue: 'accused', text: 'Pratt of helping them' },
      ],
    ],
    [
      'after a dash, a bare plural and its speech verb start another report',
      'Some traders say the market should close early - others say it has never been busier.',
      [
        { kind: 'indirect', speaker: 'Some traders', cue: 'say', text: 'the market should close early' },
        { kind: 'indirect', speaker: 'others', cue: 'say', text: 'it has never been busier' },
      ],
    ],
    [
      'a noun phrase whose last word looks like a speech verb does not start another report',
      'The trust said the vote raises both the immediate costs and the internal questions it must answer.',
      [
        {
          kind: 'indirect',
          speaker: 'trust',
          cue: 'said',
          text: 'the vote raises both the immediate costs and the internal questions it must answer',
        },
      ],
    ],
    [
      'a participle after a closing mark typed as two apostrophes starts its own report',
      "The trust told investors that fears about the pier were ''overblown,'' adding that the site had ''real upside.''",
      [
        { kind: 'mixed', speaker: 'trust', cue: 'told', text: "that fears about the pier were ''overblown" },
        { kind: 'mixed', speaker: 'trust', cue: 'adding', text: "that the site had ''real upside.''" },
      ],
    ],
    [
      'a pluperfect coordinated clause stays inside the same report',
      'Pratt said he had spoken to Ames by phone and the senator had promised to listen.',
      [
        {
          kind: 'indirect',
          speaker: 'Pratt',
          cue: 'said',
          text: 'he had spoken to Ames by phone and the senator had promised to listen',
        },
      ],
    ],
    [
      'after a closing mark and a comma, a pronoun and its speech verb start another report',
      'Pratt said he had "written to the minister today," and he said he hoped for an answer soon.',
      [
        { kind: 'mixed', speaker: 'Pratt', cue: 'said', text: 'he had "written to the minister today,"' },
        { kind: 'indirect', speaker: 'Pratt', cue: 'said', text: 'he hoped for an answer soon' },
      ],
    ],
    [
      'a run of titled names before the coordinated speech verb',
      'Delgado said she would back the plan, while Coun. Amy Lott and Coun. Ben Hale said they would abstain.',
      [
        { kind: 'indirect', speaker: 'Delgado', cue: 'said', text: 'she would back the plan' },
        {
          kind: 'indirect',
          speaker: 'Coun. Amy Lott and Coun. Ben Hale',
          cue: 'said',
          text: 'they would abstain',
        },
      ],
    ],
    [
      'a closing time phrase after a postposed cue is no content',
      'The trust received £2m from undisclosed donors, the Westhaven Echo reported ten days ago.',
      [
        {
          kind: 'indirect',
          speaker: 'Westhaven Echo',
          cue: 'reported',
          text: 'The trust received £2m from undisclosed donors',
        },
      ],
    ],
    [
      'a month word ending a name before a person’s aside is a surname',
      'Kyaw Thant May, 60, a doctor, said she still feared the army.',
      [{ kind: 'indirect', speaker: 'Kyaw Thant May', cue: 'said', text: 'she still feared the army' }],
    ],
    [
      'a month after an opening preposition stays a date',
      'Since May, the council has met twice, Ms Pell said.',
      [{ kind: 'indirect', speaker: 'Ms Pell', cue: 'said', text: 'Since May, the council has met twice' }],
    ],
    [
      'an aside between dashes typed as two hyphens before the cue',
      'The three trustees -- Mr Hale, Ms Lott and Mr Amar -- agreed there were qualified buyers for the pier.',
      [
        {
          kind: 'indirect',
          speaker: 'three trustees',
          cue: 'agreed',
          text: 'there were qualified buyers for the pier',
        },
      ],
    ],
  ])('%s', (_what, paragraph, expected) => {
    expect(claimsOf(paragraph)).toEqual(expected);
  });

  test('name-colon labels: a party tag after the name, no space before the quotation, a long audience label', () => {
    const x = extractClaims(
      'Delgado To Farmers Worried About The Drought: We Will Not Abandon You\n\nThe hearing ran late.\n\n' +
        'Rep. Dana Rusk (R-Ohio):"We will not stop asking questions."\n\n' +
        'Sen. Omar Leland (D-Vt.): "This was a partisan exercise."\n\nMayor Ana Delgado spoke at the fair.',
    );
    const byId = new Map(x.speakers.map((s) => [s.id, s.name]));
    expect(x.claims.map((c) => [byId.get(c.speakerId ?? ''), c.text])).toEqual([
      ['Ana Delgado', 'We Will Not Abandon You'],
      ['Dana Rusk', '"We will not stop asking questions."'],
      ['Omar Leland', '"This was a partisan exercise."'],
    ]);
  });

  test('a name ending in a place word is a person when an aside fits only a person', () => {
    for (const aside of ['a parent at the school', '42', 'who runs the cafe by the gates']) {
      const x = extractClaims(
        `Title line\n\nLee Marsh, ${aside}, said the timetable was confusing. “It changes every week,” she said.`,
      );
      expect(x.speakers.map((s) => [s.name, s.type])).toEqual([['Lee Marsh', 'person']]);
      expect(x.claims.map((c) => c.speakerId)).toEqual([x.speakers[0]!.id, x.speakers[0]!.id]);
    }
  });

  test('a live blog’s time stamp run into the next heading is no part of its speaker', () => {
    const x = extractClaims(
      'Title line\n\nLiveblog\nJo Pratt FeaturedMarch 3, 2026 9:52PMKell Says The Bridge Will Reopen In June\n' +
        'The roads minister spoke to reporters at the depot.',
    );
    const byId = new Map(x.speakers.map((s) => [s.id, s.name]));
    expect(x.claims.map((c) => [byId.get(c.speakerId ?? ''), c.speakerMention?.text, c.text])).toEqual([
      ['Kell', 'Kell', 'The Bridge Will Reopen In June'],
    ]);
  });
});
