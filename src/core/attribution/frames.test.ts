import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';

// Invented sentences; each case is a reporting pattern of English news copy, not a corpus sentence.
const claimsOf = (text: string) => {
  const x = extractClaims(`Title line\n\n${text}`);
  const byId = new Map(x.speakers.map((s) => [s.id, s.name]));
  return x.claims.map((c) => ({ speaker: byId.get(c.speakerId ?? ''), text: c.text }));
};

describe('cues the subject reader used to lose (round five)', () => {
  // [what the case shows, sentence, speaker, the claim's text]
  test.each([
    [
      'a year between the source and the cue',
      'A report by the Tallow River Trust in 2024 warned that the estuary was dying.',
      'Tallow River Trust report',
      'that the estuary was dying',
    ],
    [
      'a year after a body',
      'The Harlow Tenants Union in 2019 warned rents would double within five years.',
      'Harlow Tenants Union',
      'rents would double within five years',
    ],
    [
      'a date after the subject, with a colon',
      'The county council on March 3 warned: the bridge is unsafe for lorries.',
      'county council',
      'the bridge is unsafe for lorries',
    ],
    [
      '", then said" after a first predicate',
      'Mayor Lena Ortiz thanked the volunteers, then said the depot would close in June.',
      'Lena Ortiz',
      'the depot would close in June',
    ],
    [
      '"and said" after a verb the subject reader does not know',
      'Councillor Rhys Tanner met the residents and said the levy would be scrapped.',
      'Rhys Tanner',
      'the levy would be scrapped',
    ],
    [
      '"by saying" after the main clause',
      'Senator Mia Kovac ended the hearing by saying she would subpoena the agency.',
      'Mia Kovac',
      'she would subpoena the agency',
    ],
    [
      '"before adding that"',
      'Darren Pike praised his forwards before adding that the defence had let them down.',
      'Darren Pike',
      'that the defence had let them down',
    ],
    [
      '"while arguing" after a comma',
      'Premier Alana Reid ruled out new taxes, while arguing the state should borrow for the rail line.',
      'Alana Reid',
      'the state should borrow for the rail line',
    ],
  ])('%s', (_what, sentence, speaker, text) => {
    expect(claimsOf(sentence)).toContainEqual({ speaker, text });
  });

  test('an addressee verb followed by a clause keeps the clause its subject', () => {
    expect(claimsOf('The Tallow River Trust warned the estuary was dying.')).toEqual([
      { speaker: 'Tallow River Trust', text: 'the estuary was dying' },
    ]);
    expect(claimsOf('Ms Okafor warned the council would go bust by April.')).toEqual([
      { speaker: 'Ms Okafor', text: 'the council would go bust by April' },
    ]);
    expect(claimsOf('Ms Okafor told the council the fund would go bust by April.')).toEqual([
      { speaker: 'Ms Okafor', text: 'the fund would go bust by April' },
    ]);
  });

  test('the gates that keep non-reports out still hold', () => {
    // A count before a participle is an adjective; a participle with a bare object reports nothing; a fronted
    // "after …ing" clause has no main-clause subject before it.
    expect(claimsOf('The party had 300 pledged delegates by March.')).toEqual([]);
    expect(claimsOf('Justice Ama Boateng broke her silence by asking questions from the bench.')).toEqual([]);
    expect(claimsOf('The mayor quit her job before announcing her run in April.')).toEqual([]);
    expect(claimsOf('Now, after arguing with the host on air, Mr Keane walked out.')).toEqual([]);
  });

  test('plural and mass nouns of evidence report findings like a document; a person only with `that` (round ten)', () => {
    expect(claimsOf('The reports show the trust changed its plans in March.')).toEqual([
      { speaker: 'reports', text: 'the trust changed its plans in March' },
    ]);
    expect(claimsOf("Last year's police statistics show that burglaries fell by a third.")).toEqual([
      { speaker: "Last year's police statistics", text: 'that burglaries fell by a third' },
    ]);
    expect(claimsOf('Mr Keane found the door was open.')).toEqual([]);
    expect(claimsOf('Mr Keane found the door open.')).toEqual([]);
  });

  test('"with 30 percent of voters saying …": the share of a poll is the speaker of its participle', () => {
    expect(
      claimsOf(
        'The mayor has improved her standing, with 30 percent of voters saying they trust her on housing.',
      ),
    ).toEqual([{ speaker: '30 percent of voters', text: 'they trust her on housing' }]);
    expect(claimsOf('The council closed the road, with two lorries saying nothing.')).toEqual([]);
  });

  test('a plea to a charge is not a report; a clause after "admitted" or "denied being" is', () => {
    expect(claimsOf('Gary Lowther, 52, admitted breaching health and safety law.')).toEqual([]);
    expect(claimsOf('Stokesby denies causing death by careless driving.')).toEqual([]);
    expect(claimsOf('Mr Keane admitted that he had lied to the panel.')).toEqual([
      { speaker: 'Mr Keane', text: 'that he had lied to the panel' },
    ]);
    expect(claimsOf('Mr Keane denied being drunk.')).toEqual([{ speaker: 'Mr Keane', text: 'being drunk' }]);
  });

  test('a second report after ", and then" is its own claim; a coordinated predicate stays one', () => {
    expect(
      claimsOf(
        'Mayor Lena Ortiz said the depot would close, and then pointed out that the buses would still run.',
      ),
    ).toEqual([
      { speaker: 'Lena Ortiz', text: 'the depot would close' },
      { speaker: 'Lena Ortiz', text: 'that the buses would still run' },
    ]);
    expect(claimsOf('Ms Okafor said the fund would shrink and would not recover before 2030.')).toEqual([
      { speaker: 'Ms Okafor', text: 'the fund would shrink and would not recover before 2030' },
    ]);
  });

  test('a date right after the cue, with no "that", is not content', () => {
    expect(claimsOf('The mayor said on Monday the depot would close.')).toEqual([
      { speaker: 'mayor', text: 'the depot would close' },
    ]);
    expect(claimsOf('Police told reporters on Tuesday morning a man had been arrested.')).toEqual([
      { speaker: 'Police', text: 'a man had been arrested' },
    ]);
    // After the attribution and its date, a gloss is the reporter's, not a second report.
    expect(
      claimsOf(
        'Forty cases have now been confirmed in Brayford, health officials said on Friday, up from 29 a week ago.',
      ),
    ).toEqual([{ speaker: 'health officials', text: 'Forty cases have now been confirmed in Brayford' }]);
    // A cue followed only by its date is still no claim.
    expect(claimsOf('The mayor said on Monday.')).toEqual([]);
  });
});

describe('speakers the clause readers used to get wrong (round five, two lines in mention.ts)', () => {
  test('a party label in the appositive is a role, not the speaker', () => {
    expect(claimsOf('Doug Prentice, a Republican, said the ruling was disappointing.')).toEqual([
      { speaker: 'Doug Prentice', text: 'the ruling was disappointing' },
    ]);
    expect(claimsOf('Sen. Paul Ames, R-Ohio, said the ruling was disappointing.')).toEqual([
      { speaker: 'Paul Ames', text: 'the ruling was disappointing' },
    ]);
    // The name in the appositive is still the speaker when the phrase before it is a role.
    expect(claimsOf('Its duty manager, Fiona Lister, said the ruling was disappointing.')).toEqual([
      { speaker: 'Fiona Lister', text: 'the ruling was disappointing' },
    ]);
  });

  test('"A state judge …, ruling that": a speech verb after a determiner is a noun in the main subject', () => {
    expect(
      claimsOf(
        'A state judge on Thursday blocked the county from closing four libraries, ruling that the board had skipped a hearing.',
      ),
    ).toEqual([{ speaker: 'state judge', text: 'that the board had skipped a hearing' }]);
  });
});

describe('documents and polls with a modifier before the cue (round six)', () => {
  // [what the case shows, sentence, speaker, the claim's text]
  test.each([
    [
      'a time word after the poll',
      'A Harwick College poll out Monday showed the mayor with a nine-point lead.',
      'Harwick College poll',
      'the mayor with a nine-point lead',
    ],
    [
      'a participle phrase with a place',
      'Exit polls taken in Marlow County found that most voters had decided in the last week.',
      'Exit polls',
      'that most voters had decided in the last week',
    ],
    [
      'a memo obtained by a news agency is the memo’s, not the agency’s',
      'A budget memo obtained by The Ledger says the county will cut 300 posts.',
      'budget memo',
      'the county will cut 300 posts',
    ],
    [
      'a place word after a plural of evidence',
      'Polls there show the senator is trailing her challenger.',
      'Polls',
      'the senator is trailing her challenger',
    ],
    [
      'a mass noun of evidence after an adjective',
      'Recent polling shows that the levy is unpopular in the suburbs.',
      'Recent polling',
      'that the levy is unpopular in the suburbs',
    ],
    [
      'a report "by" a body with "and" in its name',
      'A 2021 report by the Centre for Housing and Transport Research found that fares had doubled.',
      '2021 report',
      'that fares had doubled',
    ],
    [
      'a numeral with a thousands comma inside the source',
      'A survey of 1,200 nurses found that most had considered leaving the profession.',
      'survey of 1,200 nurses',
      'that most had considered leaving the profession',
    ],
  ])('%s', (_what, sentence, speaker, text) => {
    expect(claimsOf(sentence)).toEqual([{ speaker, text }]);
  });

  test('figures "published by" a body stay the body’s; a spokesman "for the report" is no document', () => {
    expect(
      claimsOf('Figures published by the Office for Rail Statistics show that delays rose by a fifth.'),
    ).toEqual([{ speaker: 'Office for Rail Statistics', text: 'that delays rose by a fifth' }]);
    expect(claimsOf('A spokesman for the report’s authors said the figures were sound.')).toEqual([
      { speaker: 'spokesman for the report’s authors', text: 'the figures were sound' },
    ]);
  });

  test('a thousands comma ends neither the source of "according to" nor its clause', () => {
    expect(
      claimsOf(
        'Rents rose 9 percent last year, according to a study of 7,400 households by Vale University.',
      ),
    ).toEqual([
      { speaker: 'study of 7,400 households by Vale University', text: 'Rents rose 9 percent last year' },
    ]);
  });

  test('"According to" a long source at the sentence’s start: the content starts after its comma', () => {
    expect(
      claimsOf(
        'According to early results of exit polls conducted for the Harwick Courier and two television stations by Marlow Research, most voters decided in the last week.',
      ).map((c) => c.text),
    ).toEqual(['most voters decided in the last week']);
  });

  test('a poll’s share with a qualifier before it is the speaker, and a second share cuts the first report', () => {
    expect(claimsOf('More than six in 10 said the levy should be scrapped.')).toEqual([
      { speaker: 'More than six in 10', text: 'the levy should be scrapped' },
    ]);
    expect(claimsOf('About four out of 10 voters said they had decided in the last week.')).toEqual([
      { speaker: 'About four out of 10 voters', text: 'they had decided in the last week' },
    ]);
    expect(
      claimsOf('Most said the town was safer, while nearly eight in 10 said they still locked their doors.'),
    ).toEqual([
      { speaker: 'Most', text: 'the town was safer' },
      { speaker: 'nearly eight in 10', text: 'they still locked their doors' },
    ]);
    // A count of people is not a share.
    expect(claimsOf('Police arrested about 40 protesters said to be students.')).toEqual([]);
  });

  test('a finding participle after a poll inside "with" or "despite" is the poll’s, up to the phrase’s comma', () => {
    expect(
      claimsOf('The mayor will need the suburbs, with recent polls showing a tightening of the race.'),
    ).toEqual([{ speaker: 'recent polls', text: 'a tightening of the race' }]);
    expect(claimsOf('Despite polls showing her well behind, Ortiz campaigned in every ward.')).toEqual([
      { speaker: 'polls', text: 'her well behind' },
    ]);
  });

  test('a colon inside a report opens the next one', () => {
    expect(
      claimsOf(
        'National polling shows why the levy is in trouble: A Harwick College poll found that 60 percent of voters oppose it.',
      ),
    ).toEqual([
      { speaker: 'National polling', text: 'why the levy is in trouble' },
      { speaker: 'Harwick College poll', text: 'that 60 percent of voters oppose it' },
    ]);
  });
});

describe('nominal cues (round six, speech-nouns.ts)', () => {
  test('a common noun’s claim, a plural possessive’s warnings, a claim "by" or criticism "from" a speaker', () => {
    expect(claimsOf('Inflation stayed low, belying budget hawks’ warnings that rates would soar.')).toEqual([
      { speaker: 'budget hawks', text: 'that rates would soar' },
    ]);
    expect(
      claimsOf('The ministry pushed back against claims by union leaders that the depot would close.'),
    ).toEqual([{ speaker: 'union leaders', text: 'that the depot would close' }]);
    expect(claimsOf('The mayor has faced criticism from residents that the bins are never emptied.')).toEqual(
      [{ speaker: 'residents', text: 'that the bins are never emptied' }],
    );
  });

  test('a document’s warning named by someone else is the document’s; the naming is the quoted phrase', () => {
    expect(
      claimsOf(
        'Commissioner Gil Marchetti called the memo’s warning that routes would vanish “a scare tactic.”',
      ),
    ).toEqual([
      { speaker: 'memo', text: 'that routes would vanish' },
      { speaker: 'Gil Marchetti', text: '“a scare tactic.”' },
    ]);
  });

  test('"Despite polls showing X, CLAUSE, according to Y": the clause starts after the poll’s phrase', () => {
    expect(
      claimsOf(
        'Despite polls showing the levy behind, supporters have raised $312,000, according to state filings.',
      ),
    ).toEqual([
      { speaker: 'polls', text: 'the levy behind' },
      { speaker: 'state filings', text: 'supporters have raised $312,000' },
    ]);
  });

  test('the clause ends before the main predicate when it has a verb of its own', () => {
    expect(
      claimsOf('Mayor Jo Hale spoke first. Her demand that the council resign went unanswered.'),
    ).toEqual([{ speaker: 'Jo Hale', text: 'that the council resign' }]);
    expect(
      claimsOf('Councillor Dev Rana’s claim that the mayor “invented the deficit” drew laughter.').map(
        (c) => c.text,
      ),
    ).toEqual(['that the mayor “invented the deficit”']);
    // The content's own verb is not the predicate: "that taxes fell was disputed".
    expect(claimsOf('Dev Rana’s claim that taxes fell was disputed.').map((c) => c.text)).toEqual([
      'that taxes fell',
    ]);
  });
});

describe('commitments with an infinitive (round seven)', () => {
  // [what the case shows, sentence, speaker, the claim's text]
  test.each([
    [
      '"has vowed to …" after a name',
      'Gov. Nora Blake has vowed to veto the transit levy if it reaches her desk.',
      'Nora Blake',
      'to veto the transit levy if it reaches her desk',
    ],
    [
      'a time adjunct before the infinitive',
      'The dockworkers’ union pledged last week to strike every Friday until talks resume.',
      'dockworkers’ union',
      'to strike every Friday until talks resume',
    ],
    [
      'a group of people promises',
      'Republican senators promised to block the nominee before the recess.',
      'Republican senators',
      'to block the nominee before the recess',
    ],
    [
      '"claim to" with a body',
      'The coalition claims to represent 40,000 tenants across the county.',
      'coalition',
      'to represent 40,000 tenants across the county',
    ],
  ])('%s', (_what, sentence, speaker, text) => {
    expect(claimsOf(sentence)).toEqual([{ speaker, text }]);
  });

  test('not a commitment: "promise to" of a thing, an object after "to", a bare verb', () => {
    expect(claimsOf('Rising fuel costs promise to squeeze the harbour budget.')).toEqual([]);
    expect(claimsOf('The councillors agreed to the budget on Monday.')).toEqual([]);
    expect(claimsOf('Voters doubt that the mayor can do what she promises to do.')).toEqual([]);
  });

  test('"by 271 pledged delegates" is a count, not a date before a cue', () => {
    expect(
      claimsOf(
        'Ortiz leads Hale by 271 pledged delegates according to a party count, but Hale has vowed to fight on until the convention.',
      ),
    ).toEqual([
      // Since round eight, `according to` with no comma before it is read too.
      { speaker: 'party count', text: 'Ortiz leads Hale by 271 pledged delegates' },
      { speaker: 'Hale', text: 'to fight on until the convention' },
    ]);
  });

  test('"said to reporters that …": the addressee after `to` is not content', () => {
    expect(
      claimsOf('Councillor Ines Calloway said to reporters on Friday that the dredging would start in May.'),
    ).toEqual([{ speaker: 'Ines Calloway', text: 'that the dredging would start in May' }]);
  });
});

describe('nouns of commitment and demand (round seven)', () => {
  test('"her vow to …", "his call for …", "her calls for X to …", "her claim to be …" are the owner’s', () => {
    expect(
      claimsOf(
        'Mayor Ruth Vance spoke on Monday. Her vow to go after landlords who ignore repairs won applause.',
      ),
    ).toEqual([{ speaker: 'Ruth Vance', text: 'to go after landlords who ignore repairs' }]);
    expect(
      claimsOf('Councillor Obi Nkemelu repeated his call for a public inquiry into the contract.'),
    ).toEqual([{ speaker: 'Obi Nkemelu', text: 'a public inquiry into the contract' }]);
    expect(
      claimsOf(
        'Senator Paula Ames renewed her calls for the agency to release the files. Her claim to be the only candidate with a plan was mocked.',
      ),
    ).toEqual([
      { speaker: 'Paula Ames', text: 'the agency to release the files' },
      { speaker: 'Paula Ames', text: 'to be the only candidate with a plan' },
    ]);
  });

  test('not a commitment: an object after `to`, `claim for`, a proposal', () => {
    expect(
      claimsOf('The city kept its promise to the residents. Nevada is staking its claim for influence.'),
    ).toEqual([]);
    expect(claimsOf('Mayor Ruth Vance left early. Her proposal to sell the depot was shelved.')).toEqual([]);
  });
});

describe('a participle report that opens the sentence (round seven)', () => {
  // [what the case shows, sentence, the claims]
  test.each([
    [
      'a bare participle, then a named subject',
      'Conceding that a trade deal was years away, Premier Dana Lee warned that farmers would suffer.',
      [
        { speaker: 'Dana Lee', text: 'that a trade deal was years away' },
        { speaker: 'Dana Lee', text: 'that farmers would suffer' },
      ],
    ],
    [
      '"After saying …" with an adverb before the main verb',
      'After saying he was nervous, Tom Reyes only briefly asked about the depot.',
      [{ speaker: 'Tom Reyes', text: 'he was nervous' }],
    ],
    [
      'the subject with an appositive',
      'Recalling that the bank burst in 1998, Harriet Osei, who chairs the parish council, said it was never repaired.',
      [
        { speaker: 'Harriet Osei', text: 'that the bank burst in 1998' },
        { speaker: 'Harriet Osei', text: 'it was never repaired' },
      ],
    ],
  ])('%s', (_what, sentence, claims) => {
    expect(claimsOf(sentence)).toEqual(claims);
  });

  test('not a report: a framing participle, a subject that is no speaker', () => {
    expect(claimsOf('Speaking to reporters, Mayor Dana Lee said the depot would close.')).toEqual([
      { speaker: 'Dana Lee', text: 'the depot would close' },
    ]);
    expect(claimsOf('Promising rain all week, the forecast kept the crowds away.')).toEqual([]);
  });
});

describe('poll respondents as speakers (round seven)', () => {
  test('"47% say", "Six in 10 say", "those surveyed said", "say by 55%-41% that", "said by phone that"', () => {
    expect(
      claimsOf('On transit the split is sharp: 47% say the levy should be scrapped.').map((c) => c.text),
    ).toEqual(['the levy should be scrapped']);
    expect(claimsOf('Six in 10 say the mayor is decisive.')).toEqual([
      { speaker: 'Six in 10', text: 'the mayor is decisive' },
    ]);
    expect(
      claimsOf('By a wide margin, those surveyed in March said the depot should stay open.').map(
        (c) => c.text,
      ),
    ).toEqual(['the depot should stay open']);
    expect(
      claimsOf('Tenants in the survey say by 55%-41% that rents are too high.').map((c) => c.text),
    ).toEqual(['that rents are too high']);
    expect(claimsOf('Mayor Dana Lee said by phone that the road was shut.')).toEqual([
      { speaker: 'Dana Lee', text: 'that the road was shut' },
    ]);
  });

  test('not a report: credits after "by", a passive agent', () => {
    expect(claimsOf('(Additional reporting by Ann Holt and Raj Patel; Editing by Tom Fry.)')).toEqual([]);
  });
});

describe('a long aside between the subject and its cue (round seven)', () => {
  // [what the case shows, sentence, speaker, the claim's text]
  test.each([
    [
      'an appositive with a town, a state and a relative clause',
      'Cory Vance, a bus driver from Flint, Mich., who is a member of the union, said the new rota was unsafe.',
      'Cory Vance',
      'the new rota was unsafe',
    ],
    [
      'an aside between dashes',
      'The party chairman -- who has clashed with the board for months -- said the audit was overdue.',
      'party chairman',
      'the audit was overdue',
    ],
  ])('%s', (_what, sentence, speaker, text) => {
    expect(claimsOf(sentence)).toEqual([{ speaker, text }]);
  });

  test('a participle report in the aside is the subject’s too, up to its comma', () => {
    expect(
      claimsOf(
        'Cllr Ada Okafor, citing “the worst winter in memory,” said the depot could not reopen before May.',
      ),
    ).toEqual([
      { speaker: 'Ada Okafor', text: '“the worst winter in memory,”' },
      { speaker: 'Ada Okafor', text: 'the depot could not reopen before May' },
    ]);
  });

  test('not a subject: a clause before the comma, an inverted cue', () => {
    expect(claimsOf('The plan is dead, said Mayor Tom Reyes.')).toEqual([
      { speaker: 'Tom Reyes', text: 'The plan is dead' },
    ]);
    expect(claimsOf('But because the mayor is away, he feels free to skip, say, the budget vote.')).toEqual(
      [],
    );
  });
});

describe('subjects the readers lost: contractions, sentence adverbs, a pronoun before any verb (round seven)', () => {
  // [what the case shows, sentence, the claim's text]
  test.each([
    [
      '"He’s predicting …": `’s` is `is` after a pronoun',
      'He’s predicting the levy will pass easily.',
      'the levy will pass easily',
    ],
    [
      '"however" between the subject and its cue',
      'Councillor Tia Moss however said the pool would stay shut.',
      'the pool would stay shut',
    ],
    [
      '"himself" after the subject',
      'Mayor Tia Moss herself said on Tuesday that the pool would stay shut.',
      'that the pool would stay shut',
    ],
    [
      'a pronoun, a verb no reader knows, then ", but said"',
      'She brought the debt down to $42,000 in five years, but said she could not afford a house.',
      'she could not afford a house',
    ],
  ])('%s', (_what, sentence, text) => {
    expect(claimsOf(sentence).map((c) => c.text)).toEqual([text]);
  });
});

describe('according to without a comma, shares and their lists (round eight)', () => {
  // [what the case shows, sentence, speaker, the claim's text]
  test.each([
    [
      'a postposed source with no comma',
      'Bus ridership in Harlow rose 12 percent last year according to the transit authority.',
      'transit authority',
      'Bus ridership in Harlow rose 12 percent last year',
    ],
    [
      'no comma, before a conjunction',
      'The Tallow River Trust leads the count by 40 members according to the Harlow Gazette, but the vote is not until May.',
      'Harlow Gazette',
      'The Tallow River Trust leads the count by 40 members',
    ],
    [
      'a participle after a poll that is the source',
      'Some 55 percent of tenants said the rent cap should stay, according to a Harlow Gazette poll released Thursday.',
      'Harlow Gazette poll',
      'Some 55 percent of tenants said the rent cap should stay',
    ],
    [
      'a share with a two-word qualifier',
      'The survey of 900 riders was published on Monday. Upwards of 40 percent said they would drive instead.',
      'Upwards of 40 percent',
      'they would drive instead',
    ],
    [
      '"with 47% … saying" (the percent sign is a token of its own)',
      'The survey was out on Friday, with 47% of renters saying their rent had doubled.',
      '47% of renters',
      'their rent had doubled',
    ],
  ])('%s', (_what, sentence, speaker, claim) => {
    expect(claimsOf(sentence)).toContainEqual({ speaker, text: claim });
  });

  test('a list of shares is one report per share', () => {
    const claims = claimsOf(
      'The survey was out on Monday. In it, 47% say the bus service is improving, 30% say it is getting worse and 18% say it is unchanged.',
    ).map((c) => c.text);
    expect(claims).toEqual(
      expect.arrayContaining(['the bus service is improving', 'it is getting worse', 'it is unchanged']),
    );
  });

  test('a comparison with another share that reports on its own ends the clause', () => {
    const claims = claimsOf(
      'The survey was out on Monday. Some 58 percent of riders said the fares were fair, compared with 31 percent who said they were too high.',
    ).map((c) => c.text);
    expect(claims).toContain('the fares were fair');
  });

  test('"…,” she said, adding that X is “…”: the second quotation is inside a mixed clause', () => {
    expect(
      claimsOf(
        '“The depot is a disgrace,” Councillor Ines Calloway said, adding that the authority had “run out of excuses.”',
      ),
    ).toEqual([
      { speaker: 'Ines Calloway', text: 'The depot is a disgrace,' },
      { speaker: 'Ines Calloway', text: 'that the authority had “run out of excuses.”' },
    ]);
  });

  test('not a source: according to plan, according to their preference', () => {
    expect(claimsOf('The new timetable started on Monday and the trains ran according to plan.')).toEqual([]);
    expect(claimsOf('Most riders simply pick a seat according to their own preference.')).toEqual([]);
  });
});

describe('a relative clause inside the sentence reports for its antecedent (round nine)', () => {
  // [what the case shows, sentence, speaker, the claim's text]
  test.each([
    [
      'a share compared with another share',
      'Some 58 percent of riders said the fares were fair, compared with 31 percent who said they were too high.',
      '31 percent',
      'they were too high',
    ],
    [
      '"including 18% who say" (the percent sign is a token of its own)',
      'Most tenants were unhappy with the landlord, including 18% who say they would move out.',
      '18%',
      'they would move out',
    ],
    [
      'a share in words after a comparison',
      'Half of the nurses wanted a strike, compared with four in 10 who said they preferred more talks.',
      'four in 10',
      'they preferred more talks',
    ],
    [
      'a named antecedent with a non-restrictive relative clause, in the object',
      'The last question came from Tomas Reyes, who said the depot should never have closed.',
      'Tomas Reyes',
      'the depot should never have closed',
    ],
  ])('%s', (_what, sentence, speaker, claim) => {
    expect(claimsOf(sentence)).toContainEqual({ speaker, text: claim });
  });

  test('"Among those who said …, most backed Lee": the relative report ends at its comma', () => {
    expect(
      claimsOf('Among those who said they cared most about the rent, most backed Lee.').map((c) => c.text),
    ).toEqual(['they cared most about the rent']);
  });

  test('a dash gloss after a postposed cue is not the content (the lead is)', () => {
    expect(
      claimsOf(
        'The county faces a $14 million gap next year, Treasurer Glen Morrow said on Tuesday — a shortfall that would be its largest since 2009.',
      ),
    ).toEqual([{ speaker: 'Glen Morrow', text: 'The county faces a $14 million gap next year' }]);
  });

  test('an antecedent that is no speaker is not read', () => {
    expect(claimsOf('The bus stopped near the depot who said nothing.')).toEqual([]);
    expect(claimsOf('Dinner was held in the hall, which said little about the host.')).toEqual([]);
  });
});

describe('a relative subject after the main clause’s verb (round ten)', () => {
  test('"Nobody knows who said …": an indirect question has no speaker, so no claim', () => {
    expect(claimsOf('Nobody knows who said the plan would work.')).toEqual([]);
  });

  // [what the case shows, sentence, every claim]
  test.each([
    [
      'the object of `met` is the antecedent, not the phrase over the verb',
      'The mayor met residents who said the plan would fail.',
      [{ speaker: 'residents', text: 'the plan would fail' }],
    ],
    [
      'after `heard from`, a verb coordinated in the relative clause shares its antecedent',
      'The board heard from Dale Pruitt, who said the fee was unfair and urged the board to look again.',
      [
        { speaker: 'Dale Pruitt', text: 'the fee was unfair' },
        { speaker: 'Dale Pruitt', text: 'the board to look again' },
      ],
    ],
    [
      'the coordinated verb of a relative clause ends at its closing comma',
      'Dale Pruitt, who said the fee was unfair and urged the board to look again, spoke first.',
      [
        { speaker: 'Dale Pruitt', text: 'the fee was unfair' },
        { speaker: 'Dale Pruitt', text: 'the board to look again' },
      ],
    ],
    [
      'after an appositive name, the phrase the subject reader opens at the verb',
      'The transport lead, Cllr Peter Dunmore, met drivers who said late buses were often cancelled.',
      [{ speaker: 'drivers', text: 'late buses were often cancelled' }],
    ],
    [
      '`which` after a verb and a preposition: the body it names',
      'The school won a grant from the Harwick Arts Council, which said the project would reach 900 pupils.',
      [{ speaker: 'Harwick Arts Council', text: 'the project would reach 900 pupils' }],
    ],
  ])('%s', (_what, sentence, claims) => {
    expect(claimsOf(sentence)).toEqual(claims);
  });

  // The subject reader now finds every antecedent above by itself; `relativeOverVerb` still keeps the main clause
  // out of the speaker's role and aliases (without it: role "Reeves praised councillor").
  test('"Reeves praised councillor Amy Lott, who said …": the antecedent’s phrase starts after the verb', () => {
    const x = extractClaims(
      'Title line\n\nLater, Reeves praised councillor Amy Lott, who said the fund was overdue.',
    );
    expect(x.claims.map((c) => c.text)).toEqual(['the fund was overdue']);
    expect(x.speakers.map(({ name, role, aliases }) => ({ name, role, aliases }))).toEqual([
      { name: 'Amy Lott', role: 'councillor', aliases: ['councillor Amy Lott'] },
    ]);
  });
});

describe('findings and complements read since round ten', () => {
  // [what the case shows, sentence, every claim]
  test.each([
    [
      '"found that" + a clause, for people',
      'The researchers found that tenants in older blocks paid more for heating.',
      [{ speaker: 'researchers', text: 'that tenants in older blocks paid more for heating' }],
    ],
    [
      '"called" + a pronoun + a bare complement',
      'In a heated exchange, Councillor Ruth Amis called him reckless and left the chamber.',
      [{ speaker: 'Ruth Amis', text: 'him reckless' }],
    ],
    [
      'a second report after ", after" is cut from the first',
      'Six in 10 riders say the service is reliable, after half said so in the spring survey.',
      [
        { speaker: 'Six in 10 riders', text: 'the service is reliable' },
        { speaker: 'half', text: 'so' },
      ],
    ],
  ])('%s', (_what, sentence, claims) => {
    expect(claimsOf(sentence)).toEqual(claims);
  });

  test('"called" + a determiner-headed object + an adjective; "said so" + an adjunct ends at `so`', () => {
    expect(claimsOf('Rahman called the current timetable useless and left early.')).toEqual([
      { speaker: 'Rahman', text: 'the current timetable useless' },
    ]);
    expect(claimsOf('Last spring half the riders said so in a survey.').map((c) => c.text)).toEqual(['so']);
  });

  test('no finding or complement where none is reported', () => {
    expect(claimsOf('The council called the emergency services and closed the road.')).toEqual([]);
    expect(claimsOf('He found that in the attic, under a sheet.')).toEqual([]);
    expect(claimsOf('Ms Amis called him back on Tuesday.')).toEqual([]);
    expect(claimsOf('The coach called them to the bench.')).toEqual([]);
  });
});

describe('evaluations with a bare adjective, round twelve', () => {
  test('"called" + an object + an adjective in -ing or from the short list, also after "a" and before "after"', () => {
    expect(claimsOf('Anglers have called a new water-quality study overdue after the spills.')).toEqual([
      { speaker: 'Anglers', text: 'a new water-quality study overdue' },
    ]);
    expect(claimsOf('Reddaway called the readings alarming and left.')).toEqual([
      { speaker: 'Reddaway', text: 'the readings alarming' },
    ]);
    expect(claimsOf('Councillor Priya Lal called the company’s response disappointing.')).toEqual([
      { speaker: 'Priya Lal', text: 'the company’s response disappointing' },
    ]);
  });

  test('a noun in -ing is no complement', () => {
    expect(claimsOf('The clerk called the office this morning.')).toEqual([]);
    expect(claimsOf('The mayor called a meeting after the hearing.')).toEqual([]);
  });
});

describe('participle reports of the core verbs before a clause, round twelve', () => {
  test('`pledging that`, `pointing out that`, `reporting that`, `advising X to`: the main clause’s subject reports', () => {
    expect(
      claimsOf('Then Ms Varga broke with the party line, pledging that the depot would stay open.'),
    ).toEqual([{ speaker: 'Ms Varga', text: 'that the depot would stay open' }]);
    expect(claimsOf('Dr Okoro went with the odds, pointing out that the vaccine had worked before.')).toEqual(
      [{ speaker: 'Okoro', text: 'that the vaccine had worked before' }],
    );
    expect(claimsOf('Ms Hale lashed out at the board, advising the chairman to resign.')).toEqual([
      { speaker: 'Ms Hale', text: 'the chairman to resign' },
    ]);
  });

  test('one bare word left before a participle report is no claim', () => {
    expect(claimsOf('The report had recommended approval, concluding that the scheme would help.')).toEqual([
      { speaker: 'report', text: 'that the scheme would help' },
    ]);
  });

  test('not before a noun phrase or punctuation', () => {
    expect(claimsOf('With 98 percent of precincts reporting, the result was close.')).toEqual([]);
    expect(claimsOf('The clerk finished the count on Friday, concluding the review.')).toEqual([]);
  });
});

describe('a discourse connective before a postposed cue, round twelve', () => {
  test('`Still,`, `In fact,`, `Meanwhile,` open no report; `In all,` and `Now,` stay', () => {
    expect(claimsOf('Still, two in three voters back the levy, according to the survey.')).toEqual([
      { speaker: 'survey', text: 'two in three voters back the levy' },
    ]);
    expect(claimsOf('In fact, the depot never closed, Ms Varga said.').map((c) => c.text)).toEqual([
      'the depot never closed',
    ]);
    expect(claimsOf('In all, the fund raised $4 million, Ms Varga said.').map((c) => c.text)).toEqual([
      'In all, the fund raised $4 million',
    ]);
  });
});

describe('relative-clause evaluations, documents and addressees (round 24)', () => {
  // [what the case shows, sentence, every claim]
  test.each([
    [
      'a relative clause with no pronoun: the quoted naming is the claim, its own subject the speaker',
      'The council approved the rise on Monday, a move the island’s MP called “reckless”.',
      [{ speaker: 'island’s MP', text: '“reckless”' }],
    ],
    [
      'the same with a plural subject',
      'The board sold the pier, a decision critics called “a giveaway”.',
      [{ speaker: 'critics', text: '“a giveaway”' }],
    ],
    [
      'a naming with no content is no claim',
      'The council relies on the levy, an arrangement the opposition has criticized.',
      [],
    ],
    [
      '`which X called “…”` ends at its comma before the main verb',
      'The plan, which Reeves called “reckless”, was approved.',
      [{ speaker: 'Reeves', text: '“reckless”' }],
    ],
    [
      '`which X said …` ends at its comma before the main verb',
      'The new fares, which officials said would start in May, will not apply to pensioners.',
      [{ speaker: 'officials', text: 'would start in May' }],
    ],
    [
      '`which X said …` runs on over a comma that opens no main clause',
      'The fund had 30 applicants, which he said were split evenly, with a few late ones.',
      [{ speaker: 'he', text: 'were split evenly, with a few late ones' }],
    ],
    [
      'a document with an addressee and a date before its cue',
      'A submission to the council dated 3 May said the timetable was unworkable.',
      [{ speaker: 'submission', text: 'the timetable was unworkable' }],
    ],
    [
      '`by pointing out that` after an irregular past',
      'The shippers’ council hit back at the minister by pointing out that freight rates had doubled.',
      [{ speaker: 'shippers’ council', text: 'that freight rates had doubled' }],
    ],
    [
      'an addressee with an adjective: the report is the lead',
      'Fares would rise by a fifth, Mr Vayle told a public meeting in Devonport.',
      [{ speaker: 'Mr Vayle', text: 'Fares would rise by a fifth' }],
    ],
    [
      'an addressee with an adjective before `that`',
      'Mr Vayle told a packed public meeting that fares would rise.',
      [{ speaker: 'Mr Vayle', text: 'that fares would rise' }],
    ],
    [
      'what was told, not to whom',
      'The mayor later told a slightly different tale.',
      [{ speaker: 'mayor', text: 'a slightly different tale' }],
    ],
  ])('%s', (_what, sentence, claims) => {
    expect(claimsOf(sentence)).toEqual(claims);
  });

  test.each([
    ['The minister on Tuesday evening said the fares would be frozen.', 'minister'],
    ['The minister late on Tuesday said the fares would be frozen.', 'minister'],
    ['The union at the weekend said members would strike.', 'union'],
    ['The board this morning confirmed the fares would rise.', 'board'],
    ['Premier Jo Lane in a statement on Sunday said the pier was unsafe.', 'Jo Lane'],
    ['A Harbour Trust poll in June found that most islanders opposed the rise.', 'Harbour Trust poll'],
  ])('a time or setting adjunct between subject and cue is neither: %s', (sentence, speaker) => {
    expect(claimsOf(sentence).map((c) => c.speaker)).toEqual([speaker]);
  });

  test.each([
    [
      '", though X said …" after a participle report',
      'Mayor Ann Lowe defended the tax, saying it was fair, though Ms Pratt said voters would not care.',
      [
        { speaker: 'Ann Lowe', text: 'it was fair' },
        { speaker: 'Ms Pratt', text: 'voters would not care' },
      ],
    ],
    [
      'a fronted `where` clause, then a time adjunct opening the main clause',
      'Where he once claimed that the port was safe, on Tuesday night he said it posed a threat to jobs.',
      [
        { speaker: 'he', text: 'that the port was safe' },
        { speaker: 'he', text: 'it posed a threat to jobs' },
      ],
    ],
  ])('two reports in one sentence: %s', (_what, sentence, claims) => {
    expect(claimsOf(sentence)).toEqual(claims);
  });

  test('a quotation before an appositive subject and its cue is a direct quotation (round 25)', () => {
    expect(
      claimsOf('“We cannot keep the timetable,” the chief executive of the line, Dominic Vayle, said.'),
    ).toEqual([{ speaker: 'Dominic Vayle', text: 'We cannot keep the timetable,' }]);
  });
});
