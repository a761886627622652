import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';
import { claimsOf, shapes } from './test-claims';

// Invented sentences; each case is a reporting pattern of English news copy, not a corpus sentence.

shapes('a new subject and its own `said` after a comma end a report (round 30)', [
  [
    '`calls for` before another speaker’s report',
    'Alongside Unite calls for a recount, even a senior Republican adviser said the margin was too thin.',
    ['Unite: a recount', 'even a senior Republican adviser: the margin was too thin'],
  ],
  [
    'an adverb before a fronted `after` clause',
    'Oddly, after the board asked staff to search their files, Mr. Ruiz said one memo had turned up.',
    ['board: staff to search their files', 'Mr. Ruiz: one memo had turned up'],
  ],
  [
    'guard: a reduced relative after a noun is the report’s',
    'Mr. Ruiz asked Ana to chair the panel, a post Ana said she would gladly take.',
    ['Mr. Ruiz: Ana to chair the panel, a post Ana said she would gladly take'],
  ],
]);

shapes('a quoted question, then its speaker (round 30)', [
  [
    'a title in the tail',
    '“Why would anyone sign off on this?” Ms. Kerr said.',
    ['Ms. Kerr: Why would anyone sign off on this?'],
  ],
  [
    'the cue’s adjunct after it',
    '“Who pays for the pier?” Mr. Ruiz asked as the council met on Tuesday.',
    ['Mr. Ruiz: Who pays for the pier?'],
  ],
]);

shapes('“self-described X”: the person describes themselves (round 30)', [
  [
    'an appositive',
    'Ms. Wren met Tom Ruiz, a self-described green socialist who has run twice.',
    ['Tom Ruiz: green socialist'],
  ],
  [
    'after a longer appositive and `and`',
    'Ms. Wren met Tom Ruiz. Ruiz, a farmer from the north and self-described rural radical, said growth had stalled.',
    ['Tom Ruiz: rural radical', 'Tom Ruiz: growth had stalled'],
  ],
  [
    'a predicate, through the pronoun',
    'Tom Ruiz spoke last. He is a self-described housewife.',
    ['Tom Ruiz: housewife'],
  ],
  [
    'guard: a definite description refers, it reports nothing',
    'The self-described socialist was not there.',
    [],
  ],
]);

shapes('an inverted cue before a partitive or an office with `of` (round 30)', [
  [
    'one of a group',
    '“There is no path for the plan,” said one of those advisers, who spoke on the condition of anonymity.',
    ['one of those advisers: There is no path for the plan,'],
  ],
  [
    'an office with `of` before the name',
    '“Thanks for welcoming these families,” said master of ceremonies Ana Reyes, a Cuban engineer.',
    ['Ana Reyes: Thanks for welcoming these families,'],
  ],
  ['guard: a plain name', '“We lost,” said Ana Reyes.', ['Ana Reyes: We lost,']],
]);

shapes('a quotation between dashes with its own cue after it (round 30)', [
  [
    'the quotation alone',
    'Neither man was impressed by Ms. Kerr - “Born with a silver spoon,” Mr. Ruiz said - but they voted for her.',
    ['Mr. Ruiz: Born with a silver spoon,'],
  ],
  [
    'after a report of the same speaker',
    'Ms. Kerr suggested that the plan was unserious - “We need the details,” Ms. Kerr said - and left.',
    ['Ms. Kerr: that the plan was unserious', 'Ms. Kerr: We need the details,'],
  ],
  [
    'guard: a quotation between dashes with no cue of its own',
    'The slogan - “Dover first” - was everywhere.',
    [],
  ],
]);

shapes('photos show what they show (round 30)', [
  [
    'photos as a finding’s subject',
    'Only the families stayed. Photos showed mourners crouched over the bodies.',
    ['Photos: mourners crouched over the bodies'],
  ],
]);

shapes('a document before `that`/`which` finds (round 30)', [
  [
    'a body’s name after the document',
    'The poll comes after polls by Marlow University that showed Ruiz ahead in three towns.',
    ['polls: Ruiz ahead in three towns'],
  ],
  [
    'a plural’s present',
    'Ruiz waved polls that show him ahead of Kerr in every town.',
    ['polls: him ahead of Kerr in every town'],
  ],
  [
    'guard: the document, not the sentence’s subject',
    'Kerr waved a survey that found the pier was unsafe.',
    ['survey: the pier was unsafe'],
  ],
  [
    'after the finding, the next subject’s report',
    'Following the leak of the audit, which concluded that the pier was unsafe, Kerr’s office contended that it had acted.',
    ['audit: that the pier was unsafe', 'Kerr’s office: that it had acted'],
  ],
]);

shapes('a long subject before a parenthetical cue (round 30)', [
  [
    'the predicate, longer than the subject, is the claim',
    'Whatever progress the council has made, officials said, could easily be undone by a single storm over the harbour.',
    ['officials: could easily be undone by a single storm over the harbour'],
  ],
  [
    'guard: a short predicate keeps the subject as a claim of its own',
    'Riding alone at night on the long harbour road, they said, can be hazardous.',
    ['they: Riding alone at night on the long harbour road', 'they: can be hazardous'],
  ],
  [
    'guard: a clause before the cue stays',
    'The argument would be helped, Ms. Dale said, by the calendar of the spring votes.',
    ['Ms. Dale: The argument would be helped', 'Ms. Dale: by the calendar of the spring votes'],
  ],
]);

shapes('no content where nothing was said (round 30)', [
  [
    '`said little`, then the source of the whole',
    'He came back for the last minutes of the lunch and said little, according to an aide.',
    ['aide: He came back for the last minutes of the lunch and said little'],
  ],
  [
    'a lead ending on its conjunction before `according to`',
    'Ruiz will go to the debate because, according to Ruiz, the press would call him a coward if he did not.',
    ['Ruiz: the press would call him a coward if he did not'],
  ],
  [
    'guard: `said little` before a participle keeps its speaker for the next `he`',
    'In court, Mr. Lo said little, nodding at each charge. “They are all accurate,” he said.',
    ['Mr. Lo: little, nodding at each charge', 'Mr. Lo: They are all accurate,'],
  ],
  [
    'guard: `said` something',
    'The judge then said something very strange.',
    ['judge: something very strange'],
  ],
]);

shapes('an office named after a speaker of the same sentence is someone else (round 30)', [
  [
    'a fronted clause’s speaker is not the main clause’s office',
    'As Ed Lo called for a pause, the mayor said the plan would go ahead.',
    ['Ed Lo: a pause', 'mayor: the plan would go ahead'],
  ],
  [
    'guard: in the next sentence the office may still be the same person',
    'Luis Ferrante said the deal was unfair. The congressman added that he would vote no.',
    ['Luis Ferrante: the deal was unfair', 'Luis Ferrante: that he would vote no'],
  ],
]);

shapes('an adjunct with its own relative `that` before the content (round 30)', [
  [
    '`told X in a story that ran … that …`',
    'The senator told the Ledger in a story that ran this week that he believes the port is unsafe.',
    ['senator: that he believes the port is unsafe'],
  ],
  [
    'guard: `said in a statement that …`',
    'Ms. Dale said in a statement that the port was safe.',
    ['Ms. Dale: that the port was safe'],
  ],
]);

shapes('around an `according to` source in mid-sentence (round 30)', [
  [
    'a subject before the source, a longer predicate after it',
    'One of the choices they have made, according to a person close to the talks, is to turn every attack on the fund into an attack on the mayor.',
    ['person close to the talks: is to turn every attack on the fund into an attack on the mayor'],
  ],
  [
    'guard: a verbless appositive after a postposed source',
    'There are small pockets of voters who backed Ruiz and won’t get behind Kerr, according to the Democratic chairs from Avon and Dale, two of the five most populous wards in the county.',
    [
      'Democratic chairs from Avon and Dale: There are small pockets of voters who backed Ruiz and won’t get behind Kerr',
    ],
  ],
  [
    'guard: a clause after the source',
    'About 10 p.m., according to a council timeline, the crews left for the pier.',
    ['council timeline: About 10 p.m.', 'council timeline: the crews left for the pier'],
  ],
]);

shapes('cue words that are no speech here (round 30)', [
  ['a credit line', 'Ortiz reported from Dover, Del.; Hale, from Avon.', []],
  ['whom one answers to', 'Mr. Ruiz reported daily to the harbour master and kept the books.', []],
  [
    'guard: `reported to` someone, then a `that` clause',
    'Ms. Dale reported to the police that her boat was gone.',
    ['Ms. Dale: that her boat was gone'],
  ],
  ['a legal charge in the passive', 'The skipper was arrested and charged with assault on the pier.', []],
  ['an adverb before it', 'It was a racially charged attack on the mayor.', []],
  ['pledged delegates', 'The figures include pledged delegates and superdelegates.', []],
  [
    'guard: an active charge is a report',
    'Prosecutors charged the skipper with assault.',
    ['Prosecutors: the skipper with assault'],
  ],
  ['before an auxiliary', 'His cost estimates have been between $8 million and $12 million.', []],
  ['`charges against`', 'Criminal charges against the skipper could set a new standard.', []],
  [
    'guard: a relative clause’s gap',
    'It is a trend that the trust predicts will continue for years.',
    ['trust: will continue for years'],
  ],
]);

shapes('more people and groups that speak (round 30)', [
  [
    'a bare office with its adjective',
    'Ruiz will back Kerr, eventually, former rival says.',
    ['former rival: Ruiz will back Kerr, eventually'],
  ],
  [
    'guard: a plural subject reads as before',
    'Delegates said the vote was rigged.',
    ['Delegates: the vote was rigged'],
  ],
]);

describe('a headline source before the colon that is no plain name (round 30)', () => {
  const headline = (title: string) => {
    const body =
      '\n\nThe council met on Tuesday. Harbour Watch and the Marsh campaign both spoke. Ms. Varga said she had doubts.';
    const x = extractClaims(`${title}${body}`);
    const byId = new Map(x.speakers.map((s) => [s.id, s.name]));
    return x.claims
      .filter((c) => c.kind === 'headline')
      .map((c) => `${byId.get(c.speakerId ?? '')}: ${c.text}`);
  };
  test.each([
    [
      'a lower-case body word',
      'Marsh camp: Rival’s plan threatens the harbour.',
      ['Marsh camp: Rival’s plan threatens the harbour'],
    ],
    [
      'a lower-case document',
      'Audit report: Council was wrong on the pier.',
      ['Audit report: Council was wrong on the pier'],
    ],
    [
      'an owner’s speech noun',
      "Greens' new warning: Floods could reach the town.",
      ['Greens: Floods could reach the town'],
    ],
    [
      'a paper’s name that reads as a verb',
      'Dover Post: Mayor Is No Better Than His Rival.',
      ['Dover Post: Mayor Is No Better Than His Rival'],
    ],
    [
      'a body named again, whose head is a rubric word',
      'Harbour Watch: Council Hid Key Pier Email For Years.',
      ['Harbour Watch: Council Hid Key Pier Email For Years'],
    ],
    [
      'a one-word document label, whose words have a cue of their own',
      'Report: Kerr to speak at the harbour dinner.',
      ['Report: Kerr to speak at the harbour dinner'],
    ],
    ['guard: a rubric', 'Watch: Mayor falls into the harbour.', []],
    ['guard: a rubric the article never names again', 'Pier Watch: Mayor falls into the harbour.', []],
    ['guard: a clause before the colon', 'Mayor’s plan fails: Pier to close.', []],
  ])('%s', (_what, title, claims) => {
    expect(headline(title)).toEqual(claims);
  });
});

describe('an `according to` source stops before its relative clause (round 30)', () => {
  const speakers = (text: string) => claimsOf(text).map((c) => c.speaker);
  test.each([
    [
      'The talks stalled, according to a senior official who spoke on condition of anonymity.',
      'senior official',
    ],
    ['The levy is popular, according to a Marlow poll released Thursday.', 'Marlow poll'],
    [
      'The levy is unpopular, according to two aides present who requested anonymity to describe the talks.',
      'two aides present',
    ],
    [
      'guard: The levy will pass, according to a fact sheet lawmakers released Monday.',
      'fact sheet lawmakers released Monday',
    ],
  ])('%s', (text, speaker) => {
    expect(speakers(text.replace(/^guard: /, ''))).toEqual([speaker]);
  });
});
