import { describe, expect, test } from 'vitest';
import {
  claimSearchDoc,
  createClaimIndex,
  removeClaimDoc,
  searchClaimIndex,
  upsertClaimDoc,
  warmUpQueries,
} from './claim-index';
import { packClaimIndex, unpackClaimIndex } from './packed-index';

const claim = (id: string, text: string, extra: Partial<{ notes: string; tags: string[] }> = {}) => ({
  id,
  text,
  notes: extra.notes ?? '',
  ratingNote: '',
  tags: extra.tags ?? [],
});
const billings = { name: 'Alan Billings', aliases: ['Dr Billings', 'the commissioner'] };
const jay = {
  title: 'Independent Inquiry into Child Sexual Exploitation in Rotherham',
  publisher: 'Alexis Jay',
};

const docs = [
  claimSearchDoc(claim('c1', 'We have 200 more officers than in 2014.'), billings, []),
  claimSearchDoc(claim('c2', 'Victims are listened to now.', { notes: 'check the survey' }), billings, [jay]),
  claimSearchDoc(claim('c3', 'The Jay report changed everything.', { tags: ['inquiry'] }), null, []),
];

describe('claim search index', () => {
  test('finds by claim text, speaker alias, source title, notes and tags, best first', () => {
    const index = createClaimIndex(docs);
    expect(searchClaimIndex(index, 'officers').map((h) => h.id)).toEqual(['c1']);
    expect(
      searchClaimIndex(index, 'commissioner')
        .map((h) => h.id)
        .sort(),
    ).toEqual(['c1', 'c2']);
    expect(searchClaimIndex(index, 'exploitation').map((h) => h.id)).toEqual(['c2']);
    expect(searchClaimIndex(index, 'survey').map((h) => h.id)).toEqual(['c2']);
    expect(searchClaimIndex(index, 'inquiry').map((h) => h.id)).toEqual(['c3', 'c2']); // tag beats source title
  });

  test('prefixes, typos in longer words, accents and case are forgiven; all words must match', () => {
    const index = createClaimIndex(docs);
    expect(searchClaimIndex(index, 'offic').map((h) => h.id)).toEqual(['c1']);
    expect(searchClaimIndex(index, 'ofifcers').map((h) => h.id)).toEqual(['c1']);
    expect(searchClaimIndex(index, 'BÍLLINGS victims').map((h) => h.id)).toEqual(['c2']);
    expect(searchClaimIndex(index, '   ')).toEqual([]);
  });

  test('updates one document without a rebuild', () => {
    const index = createClaimIndex(docs);
    upsertClaimDoc(index, claimSearchDoc(claim('c1', 'Crime fell by a third.'), billings, []));
    expect(searchClaimIndex(index, 'officers')).toEqual([]);
    expect(searchClaimIndex(index, 'crime').map((h) => h.id)).toEqual(['c1']);
    removeClaimDoc(index, 'c3');
    removeClaimDoc(index, 'never-there');
    expect(searchClaimIndex(index, 'jay').map((h) => h.id)).toEqual(['c2']);
    upsertClaimDoc(index, claimSearchDoc(claim('c4', 'New officers start today.'), null, []));
    expect(searchClaimIndex(index, 'officers').map((h) => h.id)).toEqual(['c4']);
  });
});

describe('searchClaimIndex against MiniSearch’s own search', () => {
  // many documents, many with equal scores (the same words), so the limit cuts through ties
  const words = ['hospital', 'crime', 'police', 'housing', 'budget', 'hospitals', 'hospice'];
  const many = Array.from({ length: 1_500 }, (_, i) =>
    claimSearchDoc(
      claim(
        `m${String((i * 7919) % 1_500).padStart(4, '0')}`,
        `${words[i % 7]} ${words[(i * 3) % 7]} ${i % 11}`,
      ),
      i % 5 === 0 ? billings : null,
      i % 9 === 0 ? [jay] : [],
    ),
  );
  const index = createClaimIndex(many);

  test.each([
    ['hospital', 100],
    ['hospital', 2_000],
    ['hospitl crime', 50],
    ['police 3', 10],
    ['billings hous', 300],
    ['hosp', 1],
    ['nothing-like-it', 10],
  ])('"%s", limit %i: the same hits, scores and order', (query, limit) => {
    const expected = index
      .search(query)
      .slice(0, limit)
      .map((r) => ({ id: String(r.id), score: r.score }));
    expect(searchClaimIndex(index, query, limit)).toEqual(expected);
    // and on the index as a start loads it (packed, its ids read from the arrays)
    expect(searchClaimIndex(unpackClaimIndex(packClaimIndex(index)), query, limit)).toEqual(expected);
  });
});

describe('searchClaimIndex against MiniSearch’s own search, random libraries and queries', () => {
  const VOCAB =
    'hospital hospitals hospice hostile police polite policy crime prime crimes rail trail bíllings billing report reports'.split(
      ' ',
    );
  const stream = (seed: number) => {
    let x = seed;
    const rand = () => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return x / 0x7fffffff;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    return { rand, pick, text: (n: number) => Array.from({ length: n }, () => pick(VOCAB)).join(' ') };
  };

  /** A library of 800 claims, then edited: replaced and removed ones leave their postings behind. */
  function library(edited: boolean) {
    const { rand, pick, text } = stream(7);
    const doc = (id: string) =>
      claimSearchDoc(
        claim(id, text(2 + Math.floor(rand() * 8)), {
          notes: rand() < 0.3 ? text(2) : '',
          tags: rand() < 0.2 ? [pick(VOCAB)] : [],
        }),
        rand() < 0.3 ? billings : null,
        rand() < 0.2 ? [jay] : [],
      );
    const index = createClaimIndex(Array.from({ length: 800 }, (_, i) => doc(`r${i}`)));
    if (edited) {
      for (let i = 0; i < 800; i += 9) upsertClaimDoc(index, doc(`r${i}`));
      for (let i = 3; i < 800; i += 17) removeClaimDoc(index, `r${i}`);
    }
    return index;
  }

  const { rand, pick } = stream(11);
  const queries = Array.from({ length: 40 }, () =>
    Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
      const w = pick(VOCAB);
      // whole words, typed prefixes, and typos
      return rand() < 0.3 ? w.slice(0, 3 + Math.floor(rand() * 3)) : rand() < 0.3 ? `${w.slice(0, -1)}x` : w;
    }).join(' '),
  );

  test.each([
    ['as built', false, false],
    ['edited, removed documents’ postings still in', true, false],
    ['edited, then packed and loaded', true, true],
  ])('%s: the same hits, scores and order', (_, edited, loaded) => {
    // two copies: a search drops removed documents' postings as it meets them, which changes later scores
    const make = () => (loaded ? unpackClaimIndex(packClaimIndex(library(edited))) : library(edited));
    const ours = make();
    const theirs = make();
    if (edited) expect(ours.dirtCount).toBeGreaterThan(0);
    for (const q of queries) {
      for (const limit of [5, 100, 10_000]) {
        const expected = theirs
          .search(q)
          .slice(0, limit)
          .map((r) => ({ id: String(r.id), score: r.score }));
        expect(searchClaimIndex(ours, q, limit), `"${q}" limit ${limit}`).toEqual(expected);
      }
    }
  });
});

test("the warm-up's queries: every shape a person types, of the index's own frequent words, each finding claims", () => {
  const many = [
    ...docs,
    ...Array.from({ length: 40 }, (_, i) =>
      claimSearchDoc(claim(`w${i}`, `Officers counted ${1990 + i} victims in Rotherham`), billings, []),
    ),
  ];
  const index = unpackClaimIndex(packClaimIndex(createClaimIndex(many)));
  const shapes = warmUpQueries(index);
  const [word, prefix, typo, two, number] = shapes;
  expect(shapes).toHaveLength(5);
  expect(word).toMatch(/^\p{L}{6,}$/u);
  expect(prefix).toBe(word!.slice(0, 4));
  expect(typo).toHaveLength(word!.length - 1);
  expect(two).toMatch(/^\p{L}{6,} \p{L}{5}$/u);
  expect(number).toMatch(/^\p{L}{6,} \d\d$/u);
  for (const q of shapes) expect(searchClaimIndex(index, q, 10).length, q).toBeGreaterThan(0);
  expect(warmUpQueries(createClaimIndex([]))).toEqual([]);
});
