import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';
import { matchSpeakers } from './speaker-match';
import type { Speaker, SpeakerId } from './types';

/** Imports articles one after another into one library, as a user would, and returns who said each claim. */
function importAll(articles: readonly string[]) {
  let library: Speaker[] = [];
  let n = 0;
  const said: { text: string; speaker: string }[][] = [];
  for (const text of articles) {
    const x = extractClaims(text);
    const m = matchSpeakers(x.speakers, library, () => `sp${++n}` as SpeakerId, 1);
    const merged = new Map(m.merged.map(({ after }) => [after.id, after]));
    library = [...library.map((s) => merged.get(s.id) ?? s), ...m.created];
    const name = (id: string | null) => library.find((s) => s.id === m.speakerIdOf.get(id ?? ''))?.name ?? '';
    said.push(x.claims.map((c) => ({ text: c.text, speaker: name(c.speakerId) })));
  }
  return { library, said };
}

const campaign = `Voss opens Ohio push

Republican Harold Voss said the plant closures were a national disgrace. Democrat Ellen Marsh and Republican Harold Voss say they oppose the trade deal.

Mrs. Voss said she would campaign in Dayton next week.`;

const rally = `Voss rally draws thousands

Harold Voss told supporters in Toledo that the deal would cost 40,000 jobs.

“We will win Ohio,” Mr Voss said.`;

const family = `The other Voss

Clara Voss, the candidate's sister, said the family had always voted in Dayton.

Ellen Marsh said the campaign would release its tax plan on Monday.`;

describe('speakers across articles (pairs and triples of articles sharing people)', () => {
  test('a husband and wife, and a coordination, are never merged into one speaker', () => {
    const { said } = importAll([campaign]);
    const [a] = said;
    expect(a!.find((c) => c.text.startsWith('the plant closures'))?.speaker).toBe('Harold Voss');
    expect(a!.find((c) => c.text.startsWith('she would campaign'))?.speaker).toBe('Mrs. Voss');
    expect(a!.find((c) => c.text.startsWith('they oppose'))?.speaker).toBe('Ellen Marsh and Harold Voss');
  });

  test('the same man under his usual variants is one speaker across two articles', () => {
    const { library, said } = importAll([campaign, rally]);
    expect(said[1]!.map((c) => c.speaker)).toEqual(['Harold Voss', 'Harold Voss']);
    expect(library.filter((s) => s.name === 'Harold Voss')).toHaveLength(1);
  });

  test('a sister with another first name stays apart; a second article names Ellen Marsh again', () => {
    const { library, said } = importAll([campaign, rally, family]);
    expect(said[2]!.map((c) => c.speaker)).toEqual(['Clara Voss', 'Ellen Marsh']);
    const people = library
      .filter((s) => s.type === 'person')
      .map((s) => s.name)
      .sort();
    expect(people).toEqual(['Clara Voss', 'Ellen Marsh', 'Harold Voss', 'Mrs. Voss']);
  });

  test('a lone surname that fits two library people is not guessed', () => {
    const { said } = importAll([campaign, family, 'Voss again\n\n“It is over,” Voss said.']);
    const speaker = said[2]![0]!.speaker;
    expect(['Harold Voss', 'Clara Voss', 'Mrs. Voss']).not.toContain(speaker);
  });
});
