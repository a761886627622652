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
