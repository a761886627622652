import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';

/** Speaker name of each claim, in order. */
const speakersOf = (text: string) => {
  const x = extractClaims(text);
  const byId = new Map(x.speakers.map((s) => [s.id, s.name]));
  return x.claims.map((c) => [byId.get(c.speakerId ?? ''), c.speakerMention?.text]);
};

describe('speaker resolution', () => {
  test('a later short form and a title join the full name', () => {
    const x = extractClaims(
      'Title line\n\nDr Jane Roe, the county coroner, said the inquest would resume.\n\nDr Roe added: “We need more time.”',
    );
    expect(x.speakers.map((s) => [s.name, s.role])).toEqual([['Jane Roe', 'the county coroner']]);
    expect(x.speakers[0]!.aliases).toContain('Dr Roe');
  });

  test('a pronoun resolves to the latest subject, not a name mentioned later in the clause', () => {
    expect(
      speakersOf('Title line\n\nTom Hale met Sara Diaz on Monday.\n\n“It went well,” he said.').map(
        ([name]) => name,
      ),
    ).toEqual(['Tom Hale']);
  });

  test('a group noun resolves to the group named before', () => {
    expect(
      speakersOf(
        'Title line\n\nA group of Green councillors on Leeds City Council published a report, which claims that bus routes are failing.\n\nThe group say they have spoken to drivers.',
      ).map(([name]) => name),
    ).toEqual(['Green councillors on Leeds City Council', 'Green councillors on Leeds City Council']);
  });

  test('an office resolves to the person a caption says holds it', () => {
    const cap = 'Ann Moss, Chief Fire Officer';
    const x = extractClaims(
      `Fire chief says summer will be dry\n\n${cap}\n${cap}\n\nThe chief fire officer said crews were stretched.`,
    );
    const byId = new Map(x.speakers.map((s) => [s.id, s.name]));
    expect(x.claims.map((c) => byId.get(c.speakerId ?? ''))).toEqual(['Ann Moss', 'Ann Moss']);
  });

  test('a name inside a quotation is not the speaker of that quotation', () => {
    expect(
      speakersOf(
        'Title line\n\nMinister Raj Patel said: “Since Lord Smith’s review, much has improved.”',
      ).map(([name]) => name),
    ).toEqual(['Raj Patel']);
  });
});

describe('organisations, their spokespeople and their documents', () => {
  const names = (text: string) => {
    const x = extractClaims(text);
    const byId = new Map(x.speakers.map((s) => [s.id, s]));
    return x.claims.map((c) => byId.get(c.speakerId ?? '')!);
  };

  test('a spokeswoman speaks for her body, and "she" goes on speaking for it', () => {
    const found = names(
      'Title line\n\nA spokeswoman for the Department for Digital, Culture, Media and Sport said the review would report in May. “We are listening to fans,” she said.',
    );
    expect(found.map((s) => s.name)).toEqual([
      'Department for Digital, Culture, Media and Sport',
      'Department for Digital, Culture, Media and Sport',
    ]);
    expect(found[0]).toMatchObject({ type: 'organization', role: 'spokeswoman' });
  });

  test('"he" after a spokeswoman is someone else', () => {
    const found = names(
      'Title line\n\nMayor Tom Reyes said the bridge was safe. A spokeswoman for the State Department of Transportation said inspections were up to date. “It is fine,” he said.',
    );
    expect(found.map((s) => s.name)).toEqual([
      'Tom Reyes',
      'State Department of Transportation',
      'Tom Reyes',
    ]);
  });

  test('a document is named by its author after "according to"', () => {
    const found = names(
      'Title line\n\nAccording to a poll conducted by Ridgeway Research last month, 41 per cent of voters back the plan.',
    );
    expect(found.map((s) => [s.name, s.type])).toEqual([['Ridgeway Research poll', 'document']]);
  });

  test('a body named in full is not merged into another body that shares one of its words', () => {
    const found = names(
      'Title line\n\nThe Council of Social Service said renters had been forgotten.\n\nThe Property Council was more upbeat. “Relief for buyers will help,” it said.',
    );
    expect(found.map((s) => s.name)).toEqual(['Council of Social Service', 'Property Council']);
  });
});

describe('speakers, round two (session 16): names and glosses on unseen news', () => {
  const nameOf = (sentence: string) => speakersOf(`Title line\n\n${sentence}`).map(([name]) => name);

  test('capitalised words joined by "&" are one firm, never its last word', () => {
    expect(nameOf('Procter & Gamble said it would raise prices in the spring.')).toEqual([
      'Procter & Gamble',
    ]);
    expect(nameOf('A spokesman for Marks & Spencer said the stores would stay open.')).toEqual([
      'Marks & Spencer',
    ]);
    expect(nameOf('"We acted at once," said Johnson & Johnson in a statement.')).toEqual([
      'Johnson & Johnson',
    ]);
    const firm = extractClaims('Title line\n\nJohnson & Johnson said the recall was voluntary.').speakers[0];
    expect(firm?.type).toBe('organization');
  });

  test('an ampersand in a firm before a role does not make a coordination of two people', () => {
    const x = extractClaims(
      'Title line\n\nBramwell & Co analyst Kate Oduya said the slowdown had spread beyond furniture.',
    );
    expect(x.speakers.map((s) => [s.name, s.type])).toEqual([['Kate Oduya', 'person']]);
  });

  test('a party-state label between commas or in brackets is a role, never the speaker', () => {
    expect(nameOf('Rep. Jane Smith, D-Ohio, said the bill would pass.')).toEqual(['Jane Smith']);
    expect(
      nameOf("Sen. Laura Whitfield, D-Mich., the bill's sponsor, said the vote sent a message."),
    ).toEqual(['Laura Whitfield']);
    expect(
      nameOf('Rep. Eric Salas, R-Ohio, whose district includes Millbrook, said the House would act.'),
    ).toEqual(['Eric Salas']);
    expect(nameOf('In Berea, Gov. John Kasich (R-OH), said, "I\'m getting ready."')).toEqual(['John Kasich']);
    expect(nameOf('Sen. Rand Paul, R-Ky., told Fox News that polls could be wrong.')).toEqual(['Rand Paul']);
  });
});

describe('speakers, round two (session 16): spokespeople, firms and back-references', () => {
  const names = (text: string) => speakersOf(`Title line\n\n${text}`).map(([name]) => name);

  test('a body named before the spokesperson word is the speaker', () => {
    expect(names('A Home Office spokesman said decisions were being made faster.')).toEqual(['Home Office']);
    expect(names('A Channel 8 spokesperson said the network wished her well.')).toEqual(['Channel 8']);
    expect(names('An NHS spokeswoman said beds were available.')).toEqual(['NHS']);
    // A person's surname is not a body, and "One" is not part of the name.
    expect(names('One Clinton spokesman has called it overclassification.')).not.toContain('One Clinton');
  });

  test('a spokesperson for a lower-case body or office speaks for the one named before', () => {
    expect(
      names(
        'The Environment Protection Agency said the river had peaked.\n\nResidents said the defences failed. A spokesman for the agency said they had performed as designed.',
      ),
    ).toEqual(['Environment Protection Agency', 'Residents', 'Environment Protection Agency']);
    expect(
      names(
        'Brackenridge Council said roads were closed.\n\nMost shops were shut. A spokeswoman for the council said shelters were open.',
      ),
    ).toEqual(['Brackenridge Council', 'Brackenridge Council']);
    expect(
      names(
        'The Health Minister, Ryan Sato, said the figures reflected flu.\n\nA spokeswoman for the minister said extra staff had been sent.',
      ),
    ).toEqual(['Ryan Sato', 'Ryan Sato']);
    // Left as the unnamed spokesperson: "a council spokeswoman" does not point back to one council named before;
    // with two councils named, "the council" alone cannot tell which; with nothing named before.
    const unresolved: [string, string][] = [
      [
        'Brackenridge Council said roads were closed.\n\nA council spokeswoman said shelters were open.',
        'council spokeswoman',
      ],
      [
        'Brackenridge Council said roads were closed. Ellan Parish Council said halls were open.\n\nA spokeswoman for the council said shelters were open.',
        'spokeswoman for the council',
      ],
      ['A spokesman for the agency said the defences held.', 'spokesman for the agency'],
    ];
    for (const [text, speaker] of unresolved) expect(names(text).at(-1)).toBe(speaker);
  });

  test('a firm described as one is a body, and "the company" is the firm named just before', () => {
    const x = extractClaims(
      'Title line\n\nKestrel Foods, the maker of Hearthside soups, said profit fell 18 per cent.\n\nThe company said revenue was flat.',
    );
    expect(x.speakers.map((s) => [s.name, s.type])).toEqual([['Kestrel Foods', 'organization']]);
    expect(x.claims.map((c) => c.speakerId)).toEqual(['s1', 's1']);
    expect(
      extractClaims('Title line\n\nThe union Unite said the closure was a blow.').speakers.map((s) => [
        s.name,
        s.type,
      ]),
    ).toEqual([['Unite', 'organization']]);
    expect(names('The Italian firm Cosmo Pharmaceuticals said the merger was off.')).toEqual([
      'Cosmo Pharmaceuticals',
    ]);
  });

  test('"the company" is not a firm named before something else was mentioned', () => {
    expect(
      names(
        'Orvane Holdings said sales rose.\n\nThe Dow closed down 24 points, analysts said. The company said it would cut jobs.',
      ),
    ).toEqual(['Orvane Holdings', 'analysts', 'company']);
  });

  test('"his" and "her" look for the latest person of that gender', () => {
    expect(
      names(
        'Hillary Clinton said she would debate Bernie Sanders in April.\n\nBut his campaign said the date was unfair.',
      ),
    ).toEqual(['Hillary Clinton', 'Bernie Sanders']);
  });
});

describe('speakers, round two (session 16): ranks, offices and appositives', () => {
  const named = (sentence: string) =>
    extractClaims(`Title line\n\n${sentence}`).speakers.map((s) => [s.name, s.type, s.role]);

  test('a rank or calling before a name is a role, not part of the name', () => {
    expect(named('Detective Sergeant Paul Rigby said the inquiry took two years.')).toEqual([
      ['Paul Rigby', 'person', 'Detective Sergeant'],
    ]);
    expect(named('Police Constable Amy Ward said the road was busy.')).toEqual([
      ['Amy Ward', 'person', 'Police Constable'],
    ]);
    expect(named('Rancher Ray Tolliver said he had moved his cattle.')[0]?.[0]).toBe('Ray Tolliver');
    expect(named('Senate Minority Whip Dick Durbin said the bill was dead.')[0]?.[0]).toBe('Dick Durbin');
    // A surname that is also a calling stays a surname.
    expect(named('Paul Farmer said the charity would appeal.')[0]?.[0]).toBe('Paul Farmer');
  });

  test('a plural group noun opening the subject is its head: "Residents of Millbrook"', () => {
    expect(
      named('Residents of Millbrook, the village where the train derailed, said they were waiting.'),
    ).toEqual([['Residents of Millbrook', 'group', null]]);
  });

  test('a reservoir, a dam or a canal is a place, never a person', () => {
    for (const place of ['Fenby Reservoir', 'Kellow Dam', 'Ashby Canal'])
      expect(named(`${place} said in a statement that levels were falling.`)[0]?.[1]).toBe('organization');
  });

  test('an office named by its seat is an office, not the place', () => {
    expect(named('The Conservative MP for Harrowby added that hotels were full.')).toEqual([
      ['Conservative MP for Harrowby', 'person', 'Conservative MP for Harrowby'],
    ]);
  });

  test('a name, its role and a relative clause between commas: the name speaks', () => {
    expect(
      named(
        'Dr Rupert Calloway, head of research at the charity Dementia Research UK, who was not involved in the study, said the results were encouraging.',
      ),
    ).toEqual([['Rupert Calloway', 'person', 'head of research at the charity Dementia Research UK']]);
  });
});

describe('speakers, round two (session 16): survey respondents', () => {
  test('a bare count of respondents before the cue is the speaker, as a share is', () => {
    const x = extractClaims(
      'Title line\n\nIn the survey, 52 had a favourable view of the mayor, 43 said the same for her rival.',
    );
    expect(x.claims.map((c) => [x.speakers.find((s) => s.id === c.speakerId)?.name, c.text])).toEqual([
      ['43', 'the same for her rival'],
    ]);
  });
});

describe('speakers, round three (session 17): names that look like other words, offices and their holders', () => {
  const names = (text: string) => {
    const x = extractClaims(`Title line\n\n${text}`);
    return x.claims.map((c) => {
      const s = x.speakers.find((sp) => sp.id === c.speakerId);
      return [s?.name, s?.type];
    });
  };
  const only = (text: string) => names(text).map(([n]) => n);

  test('a month after a courtesy title or a first name is a surname', () => {
    expect(names('Ms. May said the roads were closed. Mr June told reporters the school had shut.')).toEqual([
      ['Ms. May', 'person'],
      ['Mr June', 'person'],
    ]);
    expect(
      names('“It is cold,” said forecaster Diane May.\n\nMs. May said the frost would last until Friday.'),
    ).toEqual([
      ['Diane May', 'person'],
      ['Diane May', 'person'],
    ]);
  });

  test('a courtesy title keeps a surname that is also a place word a person', () => {
    expect(names('Ms Marsh said the ward was short of nurses.')).toEqual([['Ms Marsh', 'person']]);
  });

  test('a possessive place before a coordinated office stays whole', () => {
    expect(
      names("South Yorkshire's police and crime commissioner said the force would cut 140 posts."),
    ).toEqual([["South Yorkshire's police and crime commissioner", 'person']]);
  });

  test('an unnamed calling in the lede is the person the next paragraph names with it', () => {
    expect(
      names(
        'A senior surgeon has warned that closing the ward would put lives at risk.\n\nOwen Price, a consultant paediatric surgeon, said the plan was unsafe.',
      ),
    ).toEqual([
      ['Owen Price', 'person'],
      ['Owen Price', 'person'],
    ]);
  });

  test('never the second person named after it, nor an anonymous source deep in the story', () => {
    expect(
      only(
        'The energy secretary has said bills will not rise.\n\nRachel Kemp said the cap would hold.\n\nHer opposite number, shadow energy secretary Kwame Boateng, said the promise was empty.',
      ),
    ).toEqual(['energy secretary', 'Rachel Kemp', 'Kwame Boateng']);
    expect(
      only(
        'Lede line one.\n\nLede line two.\n\nSomething happened.\n\n“We have work to do,” said a longtime adviser, who asked not to be named.\n\nDavid Axon, a longtime adviser to the governor, said the race was close.',
      ),
    ).toEqual(['longtime adviser', 'David Axon']);
  });

  test('a relative clause rests on its pronoun: the speaker is the antecedent, the mention is "who"', () => {
    expect(
      speakersOf('Title line\n\nThe plan was backed by Tom Hale, who said it would save £2m a year.'),
    ).toEqual([['Tom Hale', 'who']]);
  });

  test('a participle report after "by" is the main verb subject\'s, not the object before it', () => {
    expect(
      speakersOf('Title line\n\nTom Hale defended his plan by citing a poll that showed support for it.'),
    ).toEqual([['Tom Hale', 'Tom Hale']]);
  });

  test('a state or country alone is a place, never a person nor a he/she', () => {
    expect(names('A salesman from Sumter, South Carolina, says the senator will win.')).toEqual([
      ['salesman from Sumter', 'unknown'],
    ]);
    expect(
      only(
        'Jeb Hollis campaigned hard.\n\nIn South Carolina, he prevailed even after a brutal race, and he said the win was big.',
      ),
    ).toEqual(['Jeb Hollis']);
  });

  test('a town and its state inside an appositive do not end it: the name before speaks', () => {
    expect(
      only(
        'Cory James, 22, of Flint, Mich., said he had not given up.\n\nMary Holt, at a town hall in Columbus, Ohio, said she would win.',
      ),
    ).toEqual(['Cory James', 'Mary Holt']);
  });
});

/** Speaker name of each claim of a whole article, in order. */
const namesIn = (text: string) => {
  const x = extractClaims(text);
  return x.claims.map((c) => x.speakers.find((s) => s.id === c.speakerId)?.name);
};

describe('speakers, round four (session 18): opening adverbials, titles, pronouns', () => {
  const only = (text: string) => {
    const x = extractClaims(`Title line\n\n${text}`);
    return x.claims.map((c) => x.speakers.find((sp) => sp.id === c.speakerId)?.name);
  };

  test('an opening adverbial or participle clause is never a one-word speaker', () => {
    expect(
      only(
        'Hours later, Senator Tom Arkwright returned the compliment, telling reporters he admired her.\n\nBack in 1999, Mr. Dunmore praised the plan, telling CNBC it would work.\n\nFacing mounting criticism, Mayor Ruth Okoro released a statement, insisting the budget was sound.\n\nLater in the day, she escalated her attacks, criticizing him for his votes.',
      ),
    ).toEqual(['Tom Arkwright', 'Mr. Dunmore', 'Ruth Okoro', 'Ruth Okoro']);
    expect(
      only('Having announced the settlement, Judge Harold Berman said both sides had acted in good faith.'),
    ).not.toContain('Having');
    // A name before a comma is still a name; "Having said that," is the author's formula, no report.
    expect(only('Manning, the council leader, said the vote would be close.')).toEqual(['Manning']);
    expect(only('Having said that, Little Brampton is not a place that gives up easily.')).toEqual([]);
    // "Facing questions": the cue word is the participle's object; a name in -ing before its verb is a name.
    expect(only('Facing questions from reporters, Ambrose said the freeze would only delay a rise.')).toEqual(
      ['Ambrose'],
    );
    expect(only('Boreing said the members will still meet.')).toEqual(['Boreing']);
  });
});

describe('speakers, round four (session 18): short titles and pronouns', () => {
  test("a short title with its dot (Coun., Ald., Supt., Det. Insp.) is the speaker's title, not the speaker", () => {
    expect(
      namesIn(
        'Title line\n\n“We will not cut the budget,” said Coun. Teodor Vashti, who chairs the finance committee.\n\n“It is a matter for the council,” said Ald. Maria Quint.\n\n“The figures are wrong,” said Supt. Gareth Lomax.\n\nDet. Insp. Rhona Bell said the inquiry would continue.\n\n“It was cold,” said Pvt. Ann Roe.',
      ),
    ).toEqual(['Teodor Vashti', 'Maria Quint', 'Gareth Lomax', 'Rhona Bell', 'Ann Roe']);
  });

  test('an unresolved "They" is nobody a later "he" can mean: he is the man named since', () => {
    expect(
      namesIn(
        'Title line\n\nThey said the talks had been constructive.\n\nMayor Ruth Okoro and Tom Bexley, the plant manager, toured the site. He said the plant would reopen in May.',
      ),
    ).toEqual(['They', 'Tom Bexley']);
  });

  test('"they" after a coordination of two bodies is both of them, "it" only one', () => {
    expect(
      namesIn(
        'Title line\n\nThe Harwick Water Company and the Amalgamated Press Workers Union met on Tuesday. They said the talks had been constructive.\n\nIt said the water was safe.',
      ),
    ).toEqual(['Harwick Water Company and the Amalgamated Press Workers Union', 'Harwick Water Company']);
  });
});

describe('speakers, round four (session 18): survey subjects', () => {
  const named = (text: string) => {
    const x = extractClaims(`Title line\n\n${text}`);
    return x.claims.map((c) => {
      const s = x.speakers.find((sp) => sp.id === c.speakerId);
      return [s?.name, s?.type];
    });
  };

  test('a numeric share is a group of respondents, never a person named "Six"', () => {
    expect(
      named(
        'Six in 10 say the toll would make them drive less.\n\nNine out of ten said they had never been asked.\n\nSeven in 10 Republicans said the toll was unfair.',
      ),
    ).toEqual([
      ['Six in 10', 'group'],
      ['Nine out of ten', 'group'],
      ['Seven in 10 Republicans', 'group'],
    ]);
  });

  test('"those who …" is named by its relative clause', () => {
    expect(named('Those who spoke to the Gazette said the money should go to repairs.')).toEqual([
      ['Those who spoke to the Gazette', 'group'],
    ]);
  });
});

describe('speakers, round four (session 18): spokespeople and offices', () => {
  test('a bare "A spokeswoman said" right after a body spoke is the body', () => {
    expect(
      namesIn(
        'Title line\n\nThe Fernvale Minor Hockey Association said in a statement that it welcomed the freeze. A spokeswoman said ice fees would stay at this season’s rates.\n\nTom Hale said the rink would open. A spokesman said staff would be recalled.',
      ),
    ).toEqual([
      'Fernvale Minor Hockey Association',
      'Fernvale Minor Hockey Association',
      'Tom Hale',
      'spokesman',
    ]);
  });

  test('a verb before a courtesy title ends the phrase: the object of "cheered" has no role "Residents cheered"', () => {
    const x = extractClaims('Title line\n\nResidents cheered Ms Lowe, who said the library would stay open.');
    expect(x.speakers.map((s) => [s.name, s.role])).toEqual([['Ms Lowe', null]]);
  });

  test('a later definite appositive names the fuller office of the lede', () => {
    expect(
      namesIn(
        "Commissioner warns over rural crime\n\nNorth Riding's police and crime commissioner has warned that rural thefts are rising.\n\nThe commissioner, Paul Whitcombe, said farm thefts had doubled in two years.",
      ),
    ).toEqual(['Paul Whitcombe', 'Paul Whitcombe', 'Paul Whitcombe']);
  });
});

describe('speakers, round five (session 19): participle reports', () => {
  // [what it shows, the article's body (after a title line), [speaker name, mention] of each claim]
  const cases: [string, string, [string, string][]][] = [
    [
      "a participle report in a later sentence is its own sentence's subject's, not the paragraph's first speaker",
      'Mayor Tina Ruiz said the budget was balanced. Councillor Omar Pike hit back on Tuesday, calling the plan a fantasy.\n\nGreta Lund said the vote would wait. Ivo Marsh, who chairs the board, said it could not, adding that time was short.',
      [
        ['Tina Ruiz', 'Mayor Tina Ruiz'],
        ['Omar Pike', 'Councillor Omar Pike'],
        ['Greta Lund', 'Greta Lund'],
        ['Ivo Marsh', 'Ivo Marsh'],
        ['Ivo Marsh', 'Ivo Marsh'],
      ],
    ],
    [
      'an opening he or she is the subject whatever its verb: the mention is the pronoun',
      'Lawyer Tim Bosk met the board on Monday. He went on to rebut the letter, writing that the reporters had named themselves.',
      [['Tim Bosk', 'He']],
    ],
    [
      "a relative clause's subject is not the sentence's: the participle keeps the paragraph's speaker",
      'Vladimir Orlov said the talks had failed. This year, he rose to the defence of Sepp Blatter, the embattled head of the world football body, FIFA, who is under criminal investigation, saying Blatter should be given a prize.',
      [
        ['Vladimir Orlov', 'Vladimir Orlov'],
        ['Vladimir Orlov', 'Vladimir Orlov'],
      ],
    ],
    [
      'Washington D.C. is a place, never the man a later "he" means',
      "Last September, Glenn Bek called Palin a clown when commenting on her speech following Donald Trump's at a Washington D.C. rally. He apologised the next day, saying it was childish.",
      [
        ['Glenn Bek', 'Glenn Bek'],
        ['Glenn Bek', 'He'],
      ],
    ],
    [
      "a second cue between two quotations of one sentence is its own subject's",
      'Brafman said, "The zeal is uncharacteristic." Prosecutor Ann Wells replied, "Nothing here is ordinary."\n\nMarco Fell said, "We will appeal." He added, "It will take a year."',
      [
        ['Brafman', 'Brafman'],
        ['Ann Wells', 'Prosecutor Ann Wells'],
        ['Marco Fell', 'Marco Fell'],
        ['Marco Fell', 'He'],
      ],
    ],
    [
      'a participle or "including" phrase between commas is an aside: the name before it speaks',
      'But Pena Nieto, contradicting Trump, said Mexico would not pay.\n\nSeveral candidates, including Rhoda Kemp, said the border should close.\n\nSandra Inman, a supporter from Jackson, Miss., attending the Tea Party Coalition Convention, said she could not vote.',
      [
        ['Pena Nieto', 'Pena Nieto'],
        ['Several candidates', 'Several candidates'],
        ['Sandra Inman', 'Sandra Inman'],
      ],
    ],
    [
      "a participle before a quotation is its own sentence's subject's, unless an earlier cue of the sentence speaks",
      '"We are done," Mayor Tina Ruiz said on Monday. Councillor Omar Pike hit back on Tuesday, saying: "They are not done."\n\nMateen left early, Adel Nefzi said, adding, "He was not very religious."',
      [
        ['Tina Ruiz', 'Mayor Tina Ruiz'],
        ['Omar Pike', 'Councillor Omar Pike'],
        // (Round 29: the postposed `said` keeps its own report, "Mateen left early".)
        ['Adel Nefzi', 'Adel Nefzi'],
        ['Adel Nefzi', 'Adel Nefzi'],
      ],
    ],
  ];
  test.each(cases)('%s', (_, body, expected) => {
    expect(speakersOf(`Title line\n\n${body}`)).toEqual(expected);
  });
});

describe('speakers, round six (session 20): one speaker per person, no title in a name', () => {
  /** Name, type and role of each claim's speaker, in order. */
  const entitiesOf = (text: string) => {
    const x = extractClaims(text);
    const byId = new Map(x.speakers.map((s) => [s.id, s]));
    return x.claims.map((c) => {
      const s = byId.get(c.speakerId ?? '');
      return [s?.name, s?.type, s?.role];
    });
  };

  // [what, article, [speaker name, speaker mention] of each claim]
  const cases: [string, string, [string, string][]][] = [
    [
      'a calling or office before a name is its role, not part of the name',
      'Title line\n\nCouncilwoman Priya Danforth said the levy was unfair. Grower Derek Pallister, 71, said the judging was a joke. Trustee Callum Brandt said the school would close.',
      [
        ['Priya Danforth', 'Councilwoman Priya Danforth'],
        ['Derek Pallister', 'Grower Derek Pallister'],
        ['Callum Brandt', 'Trustee Callum Brandt'],
      ],
    ],
    [
      'a title before capitals, or a known surname alone, is the person already named',
      'Title line\n\nSenator Lachlan Ryan asked about the backlog.\n\nSenator RYAN: The backlog is a disgrace.\n\nThe ward is full, said Helen Marsh, a nurse at the infirmary.\n\nMarsh said staff were exhausted.',
      [
        ['Lachlan Ryan', 'Senator RYAN'],
        ['Helen Marsh', 'Helen Marsh'],
        ['Helen Marsh', 'Marsh'],
      ],
    ],
    [
      'a town after an address is part of the address, and KC ends a name like Jr',
      'Title line\n\nNeil Garside, 52, of Ashby Road, Loughborough, said he had taken nothing.\n\nSimon Reade KC said the money was gone. "There was no centre," said Mr Reade.',
      [
        ['Neil Garside', 'Neil Garside'],
        ['Simon Reade KC', 'Simon Reade KC'],
        ['Simon Reade KC', 'Mr Reade'],
      ],
    ],
    [
      "a bare spokesman who is a body's voice is the next he",
      'Title line\n\nTrust director Bethany Kaur said the spills were routine.\n\nKestrel Holdings disputed the figures. A spokesman said the monitors had been faulty. "We are investing £310 million," he said.',
      [
        ['Bethany Kaur', 'Trust director Bethany Kaur'],
        ['Kestrel Holdings', 'A spokesman'],
        ['Kestrel Holdings', 'he'],
      ],
    ],
    [
      "a headline's bare noun is the one body the article names with it",
      'Survey: One in three farmers may quit\n\nA survey for the Upland Farmers’ Union found that a third of hill farmers are considering leaving.',
      [
        ['survey for the Upland Farmers’ Union', 'Survey'],
        ['survey for the Upland Farmers’ Union', 'A survey for the Upland Farmers’ Union'],
      ],
    ],
    [
      'a surname first seen with a first name after a preposition is that person, not the office of the lede',
      'Bus cuts anger villages\n\nA county councillor has warned that villages will be cut off.\n\nA petition started by Margaret Sowerby has 2,300 signatures. Mrs Sowerby said she would keep going.',
      [
        ['county councillor', 'A county councillor'],
        ['Margaret Sowerby', 'Mrs Sowerby'],
      ],
    ],
    [
      "a subject read out of the predicate is no speaker: the sentence's own subject is",
      'Title line\n\nSenator Ruth Calloway has offered few ideas for cutting the deficit aside from stating that the Treasury should sell its buildings.\n\nGovernor Ana Ruiz has spent most of her week campaigning in the north without mentioning the budget.',
      [
        ['Ruth Calloway', 'Senator Ruth Calloway'],
        ['Ana Ruiz', 'Governor Ana Ruiz'],
      ],
    ],
    [
      'an `it` in a quotation\'s cue that found nobody is the body opening its own sentence, not a speaker named "it"',
      'Title line\n\nThe Harbour Board approved new mooring fees on Monday, which it described as a "fair settlement" for boat owners.',
      [['Harbour Board', 'it']],
    ],
  ];
  test.each(cases)('%s', (_, text, expected) => {
    expect(speakersOf(text)).toEqual(expected);
  });

  test('a capitalised firm noun opening the phrase makes the name a body, which "the firm" then means', () => {
    expect(
      entitiesOf(
        'Title line\n\nOperator Kestrel Buses said the route was no longer viable.\n\nA spokeswoman for the firm added that fares would rise.',
      ).map(([name, type]) => [name, type]),
    ).toEqual([
      ['Kestrel Buses', 'organization'],
      ['Kestrel Buses', 'organization'],
    ]);
  });

  test('a person first named by title and surname alone is the unnamed office of the lede', () => {
    expect(
      entitiesOf(
        'Dam inquiry hears warnings were parked\n\nThe former chief engineer of Northwater told the inquiry on Monday that he had parked warnings for three years.\n\nNorthwater’s chief executive, Joanna Keyes, said the company had followed guidance.\n\nMr Pryor said the board had never given him the budget.',
      ),
    ).toEqual([
      ['Mr Pryor', 'person', 'former chief engineer of Northwater'],
      ['Joanna Keyes', 'person', 'Northwater’s chief executive'],
      ['Mr Pryor', 'person', 'former chief engineer of Northwater'],
    ]);
  });
});

describe('speakers, round seven (session 21): live blogs and offices', () => {
  const cases: [string, string, (string | undefined)[][]][] = [
    [
      'a qualifier makes another office: the chancellor is not the shadow chancellor named after her',
      'Budget live: fuel duty frozen\n\nThe chancellor has confirmed that fuel duty will be frozen for a fifth year.\n\n“Families are still struggling,” she told MPs.\n\nThe shadow chancellor, Mel Stride, said the budget was “a tax raid”.\n\nLaura Trott, the shadow chief secretary, said the figures did not add up.\n\nThe chancellor is on her feet. She opens by saying the economy has “turned a corner”.',
      [
        ['chancellor', 'The chancellor'],
        ['chancellor', 'she'],
        ['Mel Stride', 'Mel Stride'],
        ['Laura Trott', 'Laura Trott'],
        ['chancellor', 'She'],
      ],
    ],
    [
      'an office is not the deputy or vice office of a person named before',
      'Title line\n\nDeputy mayor Ann Roe said the budget was short.\n\nThe mayor said the city would borrow.\n\nVice President Tom Hale said the talks had stalled. The president said they would resume.',
      [
        ['Ann Roe', 'Deputy mayor Ann Roe'],
        ['mayor', 'The mayor'],
        ['Tom Hale', 'Vice President Tom Hale'],
        ['president', 'The president'],
      ],
    ],
    [
      'an opposition leader is not the leader, and a former mayor keeps "former" in his role: he is not the mayor',
      'Title line\n\nThe leader of the council has confirmed that charges will be frozen.\n\nThe opposition leader, Cllr Owen Pryce, said the budget was a raid.\n\nFormer mayor Dev Arora said the car park had been left to rot. The mayor said the chamber should keep calm.',
      [
        ['leader of the council', 'The leader of the council'],
        ['Owen Pryce', 'Cllr Owen Pryce'],
        ['Dev Arora', 'Former mayor Dev Arora'],
        ['mayor', 'The mayor'],
      ],
    ],
    [
      "a live blog's time-and-author line is no speaker, and no antecedent for the next post's she",
      'Budget live: fuel duty frozen\n\nThe chancellor has confirmed that fuel duty will be frozen.\n\nThe OBR said growth would slow.\n\n12.31 GMT Rowena Hart\n\nThe chancellor is on her feet. She opens by saying the economy has “turned a corner”.\n\n12.40 GMT\nPriya Nair\n\nShe says the deficit will fall “by a third”.',
      [
        ['chancellor', 'The chancellor'],
        ['OBR', 'The OBR'],
        ['chancellor', 'She'],
        ['chancellor', 'She'],
      ],
    ],
    [
      "a participle after a perfect's auxiliary opens the predicate, not the speaker: the subject before the auxiliary speaks",
      'Title line\n\nTenant groups have launched petitions calling on the council to cap rents.\n\nMayor Ruth Okafor has drawn large crowds describing the plan as fair.\n\nCouncillor Ali Brennan, who had given speeches criticizing the cap, was absent.',
      [
        ['Tenant groups', 'Tenant groups'],
        ['Ruth Okafor', 'Mayor Ruth Okafor'],
        ['Ali Brennan', 'who'],
      ],
    ],
    [
      '"X came from NAME, who said" is NAME\'s; an acronym of a body named before is that body',
      'Title line\n\nThe sharpest criticism came from Priya Natarajan of the Wessex Commuters’ Association, who said passengers had run out of patience.\n\nThe World Health Organization said cases had tripled. Romania reported the most cases, the WHO said.',
      [
        ['Priya Natarajan', 'who'],
        ['World Health Organization', 'The World Health Organization'],
        ['World Health Organization', 'the WHO'],
      ],
    ],
    [
      'an acronym first, its full name after: one body, under its full name',
      'Teachers vote to strike\n\nThe NEU says schools could close for three days.\n\nTeachers have voted to strike, the National Education Union (NEU) has announced.',
      [
        ['National Education Union', 'The NEU'],
        ['National Education Union', 'the National Education Union'],
      ],
    ],
    [
      'a body noun alone before an appositive name makes the name a body, which "the firm" then means',
      'Title line\n\nThe operator, Halden Aggregates, says the extension will secure 45 jobs.\n\nThe retailer, Kestrel Foods, said sales had fallen. A spokeswoman for the firm said stores would stay open.',
      [
        ['Halden Aggregates', 'Halden Aggregates'],
        ['Kestrel Foods', 'Kestrel Foods'],
        ['Kestrel Foods', 'A spokeswoman for the firm'],
      ],
    ],
    [
      'a soft hyphen or zero-width space inside a name neither splits it nor stays in it',
      'Title line\n\nMaria Gonzá\u00adlez, a tenant, said the rise was “impossible”.\n\nThe mayor, Tom\u200bas Ber\u200bger, said the city would act. Ms Gonzá\u00adlez said she was not convinced.',
      [
        ['Maria González', 'Maria Gonzá\u00adlez'],
        ['Tomas Berger', 'Tom\u200bas Ber\u200bger'],
        ['Maria González', 'Ms Gonzá\u00adlez'],
      ],
    ],
  ];
  test.each(cases)('%s', (_, text, expected) => {
    expect(speakersOf(text)).toEqual(expected);
  });
});

describe('speakers, round eight (session 22): subjects the reader missed', () => {
  const cases: [string, string, (string | undefined)[][]][] = [
    [
      'an -ed adjective in an appositive is not the first verb a coordinated "and said" shares',
      'Title line\n\nMarsh’s neighbour, retired nurse Ida Fenwick, called him reckless and said the hedge had to go.',
      [
        ['Ida Fenwick', 'retired nurse Ida Fenwick'],
        ['Ida Fenwick', 'retired nurse Ida Fenwick'],
      ],
    ],
    [
      'a body noun with modifiers before an appositive name: the name is the body, and the speaker',
      'Title line\n\nThe growers’ marketing body, the Tamar Fruit Board, said prices would fall by a fifth.',
      [['Tamar Fruit Board', 'the Tamar Fruit Board']],
    ],
    [
      'a headline closing on a plural possessive group and its cue',
      'Keep the night bus, cyclists’ group urges\n\nBy Ann Roe\n\nThe council met on Monday.',
      [['cyclists’ group', 'cyclists’ group']],
    ],
    [
      'a headline closing on "researchers find"',
      'Hedgerows hold more birds than thought, researchers find\n\nBy Ann Roe\n\nThe council met on Monday.',
      [['researchers', 'researchers']],
    ],
    [
      'an indefinite appositive between a name and its relative pronoun is the name’s role',
      'Title line\n\nThe committee heard from Tobias Wren, a ferry pilot of thirty years, who said the channel had silted up.',
      [['Tobias Wren', 'who']],
    ],
    [
      'the appositive may end in a place name; a trade group with modifiers before a body’s name is that body',
      'Title line\n\nThe board heard from Ann Cole, a baker near Ely, who said flour had doubled in price.\n\nThe millers’ lobby group, the Fenmoor Millers Federation, said stocks were low.',
      [
        ['Ann Cole', 'who'],
        ['Fenmoor Millers Federation', 'the Fenmoor Millers Federation'],
      ],
    ],
    [
      'a capitalised name right after "The" with no first name or title is a body, with no role "The"',
      'Title line\n\nThe Harlow Courier reported in March that the pool would close.\n\nIt said repairs would cost £2m.',
      [
        ['Harlow Courier', 'The Harlow Courier'],
        ['Harlow Courier', 'It'],
      ],
    ],
    [
      '"described X as “…”" with no subject read before: X is no speaker',
      'Title line\n\nMarsh said the fee was fair.\n\nThe deal led the team to describe the vote as “a rout.”',
      [['Marsh', 'Marsh']],
    ],
  ];
  test.each(cases)('%s', (_what, text, expected) => {
    expect(speakersOf(text)).toEqual(expected);
  });
});

describe('speakers, round nine (session 23): titles, headline prefixes and offices', () => {
  /** Name and role of each claim's speaker, in order. */
  const rolesOf = (text: string) => {
    const x = extractClaims(text);
    const byId = new Map(x.speakers.map((s) => [s.id, [s.name, s.role]]));
    return x.claims.map((c) => byId.get(c.speakerId ?? ''));
  };

  test('a title that says no office is no role: "Dr", "Prof.", "the Rev."', () => {
    expect(
      rolesOf(
        'Title line\n\nDr Eve Tab said the ward would close.\n\n“It is a loss,” said Prof. Omar Lindqvist.\n\nThe Rev. Ann Roe said the parish would help.\n\nLead author Dr Priya Raman said the data were clear.',
      ),
    ).toEqual([
      ['Eve Tab', null],
      ['Omar Lindqvist', null],
      ['Ann Roe', null],
      ['Priya Raman', 'Lead author'],
    ]);
  });

  const cases: [string, string, string[]][] = [
    [
      'a headline prefix holding a verb is no speaker’s name',
      'Mayor Addresses Flood Crisis: ‘We Will Rebuild’\n\nBy Ann Roe\n\nMayor Tom Hale visited Eastfield on Monday. “We will rebuild,” he said.',
      ['Tom Hale', 'Tom Hale'],
    ],
    [
      'its subject speaks the headline’s quotation the body does not repeat',
      'Council Leader Defends Closures: ‘There Is No Money Left’\n\nBy Ann Roe\n\nCllr Ruth Aske, the council’s leader, said the budget was spent.',
      ['Ruth Aske', 'Ruth Aske'],
    ],
    [
      'a short title read as its office: "the governor" is Gov. Frank Delgado',
      'Title line\n\nGov. Frank Delgado toured the dam on Monday.\n\n“Nobody is taking this water,” the governor said.',
      ['Frank Delgado'],
    ],
    [
      '"the superintendent" is Supt. Gareth Lomax, "the professor" Prof. Ann Roe',
      'Title line\n\nSupt. Gareth Lomax said patrols would rise.\n\nProf. Ann Roe said crime had fallen.\n\nThe superintendent said the figures were old. The professor said they were not.',
      ['Gareth Lomax', 'Ann Roe', 'Gareth Lomax', 'Ann Roe'],
    ],
    [
      'not an office with another qualifier, nor one with a seat ("the president of the board")',
      'Title line\n\nFormer Gov. Ruth Harlan said the plan would fail.\n\nThe governor said it would not. Council President Tom Vale said the vote was close. The president of the Harbour Board said nothing would change.',
      ['Ruth Harlan', 'governor', 'Tom Vale', 'president of the Harbour Board'],
    ],
    [
      'an office no one holds, right after a named person spoke, is that person named another way',
      'Title line\n\nLuis Ferrante said the deal was unfair. The congressman added that he would vote against it.\n\nHer shadow, Martin Greaves, said the pledge was empty. The Conservative MP for Harrowby added that hotels were full.',
      ['Luis Ferrante', 'Luis Ferrante', 'Martin Greaves', 'Martin Greaves'],
    ],
    [
      'not when someone else was mentioned since, nor of the other gender, nor a body’s name',
      'Title line\n\nLuis Ferrante said the deal was unfair. Ann Pike chaired the hearing. The senator said it would pass.\n\nMary Vance said the plan was late. The congressman said it was not.\n\nTom Hale said rents were high. The Brennan Center for Justice said they were not.',
      ['Luis Ferrante', 'senator', 'Mary Vance', 'congressman', 'Tom Hale', 'Brennan Center for Justice'],
    ],
    [
      'not the office that answers a question',
      'Title line\n\nTom Hale asked how many homes had been built. The Premier replied that starts were up.',
      ['Tom Hale', 'Premier'],
    ],
  ];
  test.each(cases)('%s', (_what, text, expected) => {
    expect(speakersOf(text).map(([name]) => name)).toEqual(expected);
  });
});

describe('speakers, round ten (session 24): bodies, honours, transcripts', () => {
  const names = (text: string) => speakersOf(text).map(([name]) => name);
  const typed = (text: string) => {
    const x = extractClaims(text);
    return x.claims.map((c) => {
      const s = x.speakers.find((p) => p.id === c.speakerId);
      return [s?.name, s?.type];
    });
  };

  test('a weather warning’s colour is never its issuer', () => {
    const x = extractClaims(
      'Red warning issued as storm nears\n\nForecasters have issued a red warning for wind along the coast.\n\n"Stay indoors," said Helen Marsh, a forecaster.',
    );
    expect(x.speakers.map((s) => s.name)).toEqual(['Helen Marsh']);
  });

  test('a name ending in a body’s common noun is an organisation, not a person', () => {
    expect(
      typed(
        'Line to stay shut\n\nNetwork Rail says the line will stay closed until Monday.\n\nNorthfield Transport said it would run replacement buses. Marston Brewery said its pubs would open.',
      ),
    ).toEqual([
      ['Network Rail', 'organization'],
      ['Northfield Transport', 'organization'],
      ['Marston Brewery', 'organization'],
    ]);
  });

  test('two spokespersons of different bodies stay two speakers, each written two ways', () => {
    expect(
      names(
        'Flooding closes high street\n\nA spokesperson for the council said drains had been cleared.\n\nA spokesperson for the police said two roads would stay closed.\n\nA council spokesperson said grants were available. A police spokesperson said no looting had been reported.',
      ),
    ).toEqual([
      'spokesperson for the council',
      'spokesperson for the police',
      'spokesperson for the council',
      'spokesperson for the police',
    ]);
  });

  test('a body’s possessive spokesperson, and a name a firm appositive describes, are bodies', () => {
    expect(
      typed(
        'Rivers to peak\n\nThe Environment Agency said rivers would peak on Thursday.\n\nThe Environment Agency’s spokesperson said crews were on standby.\n\nFlood Re, the reinsurer, said claims were rising.',
      ),
    ).toEqual([
      ['Environment Agency', 'organization'],
      ['Environment Agency', 'organization'],
      ['Flood Re', 'organization'],
    ]);
  });

  test('a transcript’s cast line names its capitals labels and is no claim', () => {
    const x = extractClaims(
      'Transcript: Morning Politics\n\nSpeakers: Jo Carter (presenter), Tom Smith (transport minister)\n\nPRESENTER: Minister, will the line open on time?\n\nSMITH: We are confident it will open in the spring.\n\nPRESENTER: The unions disagree.\n\nSMITH: That is simply not the case.',
    );
    expect(x.speakers.map((s) => [s.name, s.type, s.role])).toEqual([
      ['Tom Smith', 'person', 'transport minister'],
    ]);
    expect(x.claims.map((c) => c.text)).toEqual([
      'We are confident it will open in the spring.',
      'That is simply not the case.',
    ]);
  });

  test('a transcript’s host turns are no claims, and capitals names are written as names', () => {
    const x = extractClaims(
      'Sunday Live\n\nJON KESSLER, HOST: Your opponents say it is a land grab. Is it?\n\nGOV. TERESA VANCE (D-NEV.): No. Every acre goes back to the aquifer.\n\nKESSLER: Where does the money come from?\n\nVANCE: Two-thirds of it is federal.',
    );
    const byId = new Map(x.speakers.map((s) => [s.id, s.name]));
    expect(x.claims.map((c) => [byId.get(c.speakerId ?? ''), c.kind])).toEqual([
      ['Teresa Vance', 'direct'],
      ['Teresa Vance', 'direct'],
    ]);
  });

  test('a knight or dame called by title and first name is the person named in full', () => {
    expect(
      names(
        'Hospital to recruit nurses\n\nSir Malcolm Reed, the chair of the trust, said the hospital would recruit 200 nurses.\n\n"We have listened," Sir Malcolm said.\n\nDame Ivy Hollis said the plan was overdue. Dame Ivy added that staff had been consulted.',
      ),
    ).toEqual(['Malcolm Reed', 'Malcolm Reed', 'Ivy Hollis', 'Ivy Hollis']);
  });

  test('letters after a name are no part of it, and an office before "to the inquiry" is the role', () => {
    const x = extractClaims(
      'Inquiry hears of warnings\n\nCounsel to the inquiry, Priya Lal KC, said warnings were ignored.\n\nTom Berry MP said the report should be published. Ann Duffy OBE said families had waited too long.',
    );
    expect(x.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Priya Lal KC', 'Counsel to the inquiry'],
      ['Tom Berry', 'MP'],
      ['Ann Duffy', null],
    ]);
  });

  test('"the company" is the firm named since, subject or not, and never one named before another', () => {
    expect(
      names(
        'Jobs at risk\n\nBrightwell Foods said it would close its Leeds factory.\n\nThe company said 300 jobs were at risk.\n\nShares in Halden Logistics rose after the news. The company said it was hiring drivers.\n\nUnion leaders met managers at Corran Bakeries. The firm said pay would rise.',
      ),
    ).toEqual(['Brightwell Foods', 'Brightwell Foods', 'Halden Logistics', 'Corran Bakeries']);
  });

  test('a listed firm, a "Group", an app: bodies that "the company", "the outdoor retailer" and their first word mean', () => {
    expect(
      typed(
        'Shares jump\n\nShares of Pinecrest Outdoor rose 4% after the outdoor retailer reported a profit.\n\nThe company said sales rose. Pinecrest said it was hiring.\n\nPellworth Group reported a fall in profit. The company said revenue rose.\n\nThe fitness tracking app Stridely has confirmed a breach. The company said passwords were safe.',
      ),
    ).toEqual([
      ['Pinecrest Outdoor', 'organization'],
      ['Pinecrest Outdoor', 'organization'],
      ['Pinecrest Outdoor', 'organization'],
      ['Pellworth Group', 'organization'],
      ['Pellworth Group', 'organization'],
      ['Stridely', 'organization'],
      ['Stridely', 'organization'],
    ]);
  });

  test('a generic firm noun that found no firm is not the firm a later one means', () => {
    expect(
      names(
        'Markets\n\nThe company reported earnings well above forecasts.\n\nAmazon rose 1 percent. The online retail giant reported a profit of $1.78 per share.',
      ),
    ).toEqual(['company', 'online retail giant']);
  });

  test('"a county councillor" in the lede is the councillor named next', () => {
    expect(
      names(
        'Bus cuts anger villages\n\nVillages will be cut off if three bus routes are withdrawn, a county councillor has warned.\n\nCllr Ann Vine, who represents Upper Dale on Wexcombe County Council, said the routes were a lifeline.',
      ),
    ).toEqual(['Ann Vine', 'Ann Vine']);
  });

  test('an interview’s answers are the person its headline names, not a prize named first', () => {
    expect(
      names(
        '‘I wrote the ending first’: an interview with Ines Calloway\n\nHer book was shortlisted this week for the Harwood Prize.\n\nQ: Why so long?\n\nA: I threw away about 200,000 words.',
      ),
    ).toContain('Ines Calloway');
    expect(
      names(
        '‘I wrote the ending first’: an interview with Ines Calloway\n\nHer book was shortlisted this week for the Harwood Prize.\n\nQ: Why so long?\n\nA: I threw away about 200,000 words.',
      ),
    ).not.toContain('Harwood Prize');
  });

  test('the headline, read last, is not the person who spoke just before the lede', () => {
    expect(
      names(
        "Tom Hale says budget is balanced\n\nAnn Roe, the opposition leader, said the figures were wrong.\n\nThe chancellor's claim that debt would fall was questioned by economists.",
      ),
    ).toEqual(['Tom Hale', 'Ann Roe', 'chancellor']);
  });
});

describe('speakers, round eleven (session 25): labels, furniture, firms', () => {
  const names = (text: string) => speakersOf(text).map(([name]) => name);
  const claimTexts = (text: string) => extractClaims(text).claims.map((c) => c.text);

  test('a tally or a roll of names after a name and a colon is no claim', () => {
    expect(
      claimTexts(
        'Results night\n\nDelegates after Tuesday:\n\nClinton: 547.\n\nThe count went on late into the night.\n\nIowa: Marla Denton, Jeff Oakes, Priya Raman.\n\nDenton said the result was clear.',
      ),
    ).toEqual(['the result was clear']);
  });

  test('a list of "Name: a few words" headings is no claim, a name-colon headline still is', () => {
    const text =
      'Delmont: We Will Fight On\n\nWhat each needs next week:\n\nDelmont: Win big in the cities.\n\nShe trails in the count by 180.\n\nFarrow: Hold the suburbs.\n\nHe leads among older voters.\n\nTessler: Just stay alive.\n\nHe has one state left.';
    expect(names(text)).toEqual(['Delmont']);
  });

  test('a byline label is no speaker', () => {
    expect(
      names(
        'Primary news\n\nBYLINE: Amber Stiles\n\nVoters went to the polls on Tuesday.\n\nUPDATE: More results are due.\n\nOfficials said turnout was high.',
      ),
    ).toEqual(['Officials']);
  });

  test('a show or newsletter title before a colon is no speaker', () => {
    const text =
      'Primary news\n\nVoters went to the polls on Tuesday.\n\nBreitbart News Daily: A World at War\n\nThe Ninth Circle: The Hellish View from Inside the Beltway\n\nOfficials said turnout was high.';
    expect(names(text)).toEqual(['Officials']);
  });

  test('"Council Lifts Street Trading Ban: …": a headline verb after a body, not a speaker’s name', () => {
    const text =
      'Council Lifts Street Trading Ban: \'Markets Are Back\'\n\nThe council has lifted its ban on street trading.\n\n"Markets are back and we want people to enjoy them," council leader Dana Whitlow said.';
    expect(names(text)).not.toContain('Lifts Street Trading Ban');
  });

  test('a headline office before a quotation is the one person the body gives that office', () => {
    expect(
      names(
        'Council leader: ‘We have no money left’\n\nThe leader of Harbury Council, Dana Whitlow, said the budget was gone.',
      ),
    ).toEqual(['Dana Whitlow', 'Dana Whitlow']);
  });

  test('a headline office ("Home Affairs boss") is the office holder, not a bare name sharing its words', () => {
    expect(
      names(
        'Visa backlog tops 900,000, Home Affairs boss admits\n\nHome Affairs secretary Ingrid Achterberg has admitted that the backlog has passed 900,000.',
      ),
    ).toEqual(['Ingrid Achterberg', 'Ingrid Achterberg']);
  });

  test('a one-word firm doing what firms do is the company that speaks next', () => {
    expect(
      names(
        'Folding phone unveiled\n\nOrvane on Wednesday unveiled a folding phone that it hopes will revive sales.\n\nThe device will ship in March, the company said.',
      ),
    ).toEqual(['Orvane']);
  });

  test('index labels and an amendment note are no claims', () => {
    expect(
      claimTexts(
        'Lender cuts outlook\n\nHalvard Bank cut its forecast on Monday, chief executive Ruth Amsel said.\n\nTopics: Banking; Economy\n\nRelated articles: Halvard says branches will stay open; Regulator says lenders must do more\n\nThis article was amended on 4 December. An earlier version said Ms Amsel had announced job cuts.',
      ),
    ).toEqual(['Halvard Bank cut its forecast on Monday']);
  });
});

describe('reading passes, round eleven (session 25)', () => {
  test('a body named in the headline, read last, is not the latest body before a later speech noun', () => {
    const x = extractClaims(
      "Harbury Council backs market plan\n\nThe Market Traders Association said stalls would return to the square in January.\n\nA spokeswoman's warning that rents would rise was dismissed by traders.",
    );
    expect(x.claims.map((c) => x.speakers.find((s) => s.id === c.speakerId)?.name)).toEqual([
      'Market Traders Association',
      'Market Traders Association',
    ]);
  });
});

describe('transcripts, round eleven (session 25)', () => {
  const T =
    'Pratt on the farm bill\n\nThe senator joined the program on Thursday.\n\nMARA LINDQVIST: Senator, the bill has been stuck for months. Is it dead?\n\nOWEN PRATT: It is not dead. We expect a vote before the recess.\n\nLINDQVIST: Why should farmers believe you?\n\nPRATT: The money is there this time.\n\nLINDQVIST: Senator, thank you. Will you come back?';

  test('an unlabelled host who opens and asks makes no claims', () => {
    const x = extractClaims(T);
    const names = x.claims.map((c) => x.speakers.find((s) => s.id === c.speakerId)?.name);
    expect(names).not.toContain('Mara Lindqvist');
    expect(names).not.toContain('LINDQVIST');
    expect(names).toContain('Owen Pratt');
  });
});

describe('speakers, round twelve (session 26): entourages, roles after says, relative clauses', () => {
  test('a person’s aides, lawyers and spokesman are a group of their own, named after the person', () => {
    expect(
      speakersOf(
        'Farrow aides push back\n\nSenator Dana Farrow faced questions on Tuesday over the pension fund.\n\nFarrow\'s aides said the senator had never seen the audit.\n\nHer lawyers said the claims would be fought in court.\n\nFarrow\'s spokesman said on Wednesday that she would cooperate. The spokesman said the review would clear her.\n\n"We have nothing to hide," Farrow said later.',
      ).map(([name]) => name),
    ).toEqual([
      "Dana Farrow's aides",
      'Dana Farrow’s lawyers',
      "Dana Farrow's spokesman",
      "Dana Farrow's spokesman",
      'Dana Farrow',
    ]);
  });

  test('a body’s officials stay the body’s voice', () => {
    expect(
      speakersOf(
        'Council defends budget\n\nHarbury Council said on Monday that no services would close. Its officials said reserves were sufficient.',
      ).map(([name]) => name),
    ).toEqual(['Harbury Council', 'Harbury Council']);
  });

  test('a headline’s office after “says”, past a topic and its quotation, is the one holding it in the body', () => {
    const x = extractClaims(
      "Park cafe lease row: 'We were never told the rent would double', says owner\n\nMaria Costa, the cafe's owner, said the new lease had been signed without her knowledge.\n\nThe council said the rent reflected market rates.",
    );
    const head = x.claims.find((c) => c.kind === 'headline');
    expect(x.speakers.find((s) => s.id === head?.speakerId)?.name).toBe('Maria Costa');
    expect(head?.speakerMention?.text).toBe('owner');
  });

  test('the `it` of a relative clause is the sentence’s subject, not the body named last before it', () => {
    expect(
      speakersOf(
        'Dock strike to go ahead\n\nDock workers at Felmore will strike next week after talks broke down, the Dockers Union said.\n\nThe port\'s owner, Hutchison Ports, said it had offered a 7% pay rise to the Dockers Union, which it described as "fair and affordable".',
      ).map(([name]) => name),
    ).toEqual(['Dockers Union', 'Hutchison Ports', 'Hutchison Ports']);
  });

  test('“including Mr Jebens” is an example inside the subject, not the speaker nor the end of the subject', () => {
    expect(
      speakersOf(
        'Islanders split over ferry plan\n\nA public meeting on Skarra was held on Thursday.\n\nNumerous islanders interviewed at the meeting, including Mr Jebens, said the changes would cut them off from the mainland.',
      ),
    ).toEqual([['Numerous islanders', 'Numerous islanders']]);
  });

  test('name-colon titles: a name after a preposition, a pair in a headline, an interjection', () => {
    for (const head of [
      'Big Win For Delmont: Union Holds Off On Endorsement',
      'Halvorsen and Pryce: A tortured friendship',
      'Wow: Mayor Responds To Critics With One Line',
    ]) {
      const x = extractClaims(
        `${head}\n\nMayor Ann Delmont met Tom Halvorsen and Ruth Pryce on Monday, and the union met nobody.`,
      );
      expect(x.claims.filter((c) => c.kind === 'headline')).toEqual([]);
    }
  });

  test('a speaker, “to” or “at” and an audience before a colon: the speaker, when the article names her', () => {
    const x = extractClaims(
      'Delmont to Market Traders: Rents will be frozen\n\nMayor Ann Delmont told the Harbury Traders Association on Monday that the council would act.\n\nBack to School: What parents need to know',
    );
    const names = x.claims.map((c) => [x.speakers.find((s) => s.id === c.speakerId)?.name, c.text]);
    expect(names).toContainEqual(['Ann Delmont', 'Rents will be frozen']);
    expect(names.map(([n]) => n)).not.toContain('Back');
  });

  test('a newsletter item’s source after a dash, before the colon of its quotation', () => {
    const x = extractClaims(
      'Pollster daily\n\nThe polls closed early.\n\nPOLLS NOT WRONG, JUST TOO EARLY - Mara Benton and Jon Ruiz: “The polls did not fail. They ended too early.” [Gazette.]\n\nWhat it means - More from Benton: “Late deciders moved to the challenger.”\n\nMethods matter - From the report: “Longer field periods gave better results.”',
    );
    expect(x.claims.map((c) => x.speakers.find((s) => s.id === c.speakerId)?.name)).toEqual([
      'Mara Benton and Jon Ruiz',
      'Benton',
      'report',
    ]);
  });

  test('a sentence’s opening word and a trailing day are not part of the speaker’s name', () => {
    expect(
      speakersOf(
        'Title line\n\nEven Lindsey Graham said the plan was sound.\n\nA congressional report on Wednesday said the agency had failed.\n\nWill Doyle said it was fine.',
      ).map(([name]) => name),
    ).toEqual(['Lindsey Graham', 'congressional report', 'Will Doyle']);
  });

  test('“the union’s regional organiser” is a person’s role, not an appositive that makes her a body', () => {
    expect(
      speakersOf(
        'Title line\n\nRhona Baird, the union\'s regional organiser, said members had voted to walk out.\n\n"We will not be pushed around," she said.',
      ).map(([name]) => name),
    ).toEqual(['Rhona Baird', 'Rhona Baird']);
  });
});
