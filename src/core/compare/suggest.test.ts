import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';
import { type QuestionSuggestion, type SuggestClaim, similarities, suggestQuestions } from './suggest';
import { stem, termsOf } from './terms';

const claim = (id: string, speakerId: string, text: string): SuggestClaim => ({ id, speakerId, text });

/** The claim ids of the suggestion holding `id`, or null when no suggestion holds it. */
const groupOf = (suggestions: readonly QuestionSuggestion[], id: string) =>
  suggestions.find((s) => s.claimIds.includes(id))?.claimIds.toSorted() ?? null;

describe('terms', () => {
  test('one stem for the forms of a word', () => {
    expect(new Set(['exploitation', 'exploiting', 'exploited', 'exploits'].map(stem))).toEqual(
      new Set(['exploit']),
    );
    expect(stem('allegations')).toBe(stem('alleged'));
    expect(stem('investigation')).toBe(stem('investigated'));
    expect(stem('children')).toBe(stem('child'));
  });

  test('names, numbers and phrases, no stop words or lone sentence-initial capitals', () => {
    const keys = termsOf(
      'Since Alexis Jay’s report, 1,400 children were abused. The Ministry of Justice said so.',
    ).map((t) => t.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'e:alexis jay',
        'e:jay',
        'n:1400',
        'e:ministry of justice',
        'w:abus',
        'w:child',
      ]),
    );
    expect(keys).not.toContain('e:since');
    expect(keys).not.toContain('e:the');
    expect(keys.some((k) => k === 'w:the' || k === 'w:said' || k === 'w:were')).toBe(false);
  });
});

describe('question suggestions, small claim sets', () => {
  test('housing: two speakers on rents in Leeds grouped, the bypass and the striker left apart', () => {
    const claims = [
      claim('h1', 'mayor', 'Rents in Leeds rose by 12% last year, the fastest rise in the north.'),
      claim('h2', 'landlords', 'Leeds rents have risen 12 per cent because there are too few homes to let.'),
      claim('h3', 'council', 'The new bypass will open to traffic in May after two years of roadworks.'),
      claim('h4', 'club', 'The football club has signed a striker from Portugal on a three-year contract.'),
      claim('h5', 'tenants', 'Tenants in Leeds cannot afford rents that rise 12% in a single year.'),
    ];
    const out = suggestQuestions(claims);
    expect(groupOf(out, 'h1')).toEqual(['h1', 'h2', 'h5']);
    expect(groupOf(out, 'h3')).toBeNull();
    expect(groupOf(out, 'h4')).toBeNull();
    const rents = out.find((s) => s.claimIds.includes('h1'))!;
    expect(rents.speakerIds.toSorted()).toEqual(['landlords', 'mayor', 'tenants']);
    expect(rents.terms).toEqual(expect.arrayContaining(['Leeds']));
    expect(rents.wording).toMatch(/^What do the speakers say about .*Leeds.*\?$/);
  });

  test('health: two matters, each grouped with its own speakers', () => {
    const claims = [
      claim('n1', 'minister', 'Waiting lists for hip operations have fallen to 6,000 patients in Kent.'),
      claim('n2', 'surgeons', 'In Kent 6,000 patients still wait more than a year for hip operations.'),
      claim('n3', 'union', 'Nurses pay has been cut in real terms and nurses are leaving the profession.'),
      claim('n4', 'minister', 'Nurses received a fair pay rise this spring, the largest in a decade.'),
      claim('n5', 'charity', 'Air pollution near schools in Manchester is above the legal limit.'),
    ];
    const out = suggestQuestions(claims);
    expect(groupOf(out, 'n1')).toEqual(['n1', 'n2']);
    expect(groupOf(out, 'n3')).toEqual(['n3', 'n4']);
    expect(groupOf(out, 'n5')).toBeNull();
    expect(out.find((s) => s.claimIds.includes('n1'))!.terms).toEqual(expect.arrayContaining(['6,000']));
  });

  test('one speaker saying related things is no question to compare; unattributed claims are left out', () => {
    const claims = [
      claim('c1', 'scientist', 'Coral bleaching on the Great Barrier Reef reached record levels in 2024.'),
      claim('c2', 'scientist', 'Bleaching of coral on the Great Barrier Reef will recur as the sea warms.'),
      { id: 'c3', speakerId: null, text: 'Coral bleaching on the Great Barrier Reef was reported in 2024.' },
      claim('c4', 'tourism board', 'Visitor numbers to Cairns hotels grew this winter.'),
    ];
    expect(suggestQuestions(claims)).toEqual([]);
    const withAnother = [
      ...claims,
      claim('c5', 'minister', 'The Great Barrier Reef is not in danger from bleaching.'),
    ];
    const out = suggestQuestions(withAnother);
    expect(out).toHaveLength(1);
    expect(out[0]!.claimIds.toSorted()).toEqual(['c1', 'c2', 'c5']);
    expect(out[0]!.terms.join(' ')).toMatch(/Great Barrier Reef/);
  });

  test('the same claims give the same suggestion id, whatever their order', () => {
    const claims = [
      claim('a', 'x', 'Bus fares in Bristol will double to £4 in April.'),
      claim('b', 'y', 'Doubling Bristol bus fares to £4 is unfair on commuters.'),
    ];
    const [one] = suggestQuestions(claims);
    const [two] = suggestQuestions(claims.toReversed());
    expect(one!.id).toBe(two!.id);
    expect(one!.claimIds.toSorted()).toEqual(['a', 'b']);
  });

  test('similarities are symmetric and 1 on the diagonal', () => {
    const { sim } = similarities(['rents in Leeds', 'Leeds rents rose', 'bypass opens']);
    expect(sim[0]![0]).toBe(1);
    expect(sim[0]![1]).toBeCloseTo(sim[1]![0]!);
    expect(sim[0]![2]).toBe(0);
  });
});

describe('question suggestions on the reference article', () => {
  const dir = fileURLToPath(new URL('../attribution/fixtures/rotherham/', import.meta.url));
  const text = readFileSync(`${dir}article.txt`, 'utf8');
  const x = extractClaims(text);
  const name = new Map(x.speakers.map((s) => [s.id, s.name]));
  const claims = x.claims.map((c) => ({ id: c.id, speakerId: c.speakerId, text: c.text }));
  const out = suggestQuestions(claims);
  const speakersOf = (s: QuestionSuggestion) => s.speakerIds.map((id) => name.get(id)!).toSorted();
  const find = (pattern: RegExp) => x.claims.find((c) => pattern.test(c.text))!.id;

  test('every suggestion brings together claims of at least two speakers, each claim once', () => {
    expect(out.length).toBeGreaterThanOrEqual(3);
    for (const s of out) expect(s.speakerIds.length).toBeGreaterThanOrEqual(2);
    const all = out.flatMap((s) => s.claimIds);
    expect(new Set(all).size).toBe(all.length);
  });

  test('the councillors’ findings, the MP relaying them and the commissioner on exploitation are one matter', () => {
    const gangs = find(/organised gangs are sexually exploiting/);
    const group = out.find((s) => s.claimIds.includes(gangs))!;
    expect(speakersOf(group)).toEqual(expect.arrayContaining(['Alan Billings', 'Alexander Stafford']));
    expect(group.claimIds).toContain(find(/multiple current examples/));
    expect(group.wording).toMatch(/child sexual exploitation/);
  });

  test('the minister and the commissioner on the allegations, the minister and the inquiry on improvement', () => {
    const allegations = out.find((s) =>
      s.claimIds.includes(find(/must be thoroughly and properly investigated/)),
    )!;
    expect(allegations.claimIds).toContain(find(/What has been alleged is untrue/));
    expect(allegations.terms).toContain('allegations');
    const improvement = out.find((s) => s.claimIds.includes(find(/continue to drive improvement/)))!;
    expect(speakersOf(improvement)).toEqual(
      expect.arrayContaining(['James Cartlidge', 'independent inquiry']),
    );
  });

  test('the commissioner speaking to his district commander is no matter shared with anyone', () => {
    expect(groupOf(out, find(/spoke to the district commander/))).toBeNull();
  });
});
