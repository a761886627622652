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
