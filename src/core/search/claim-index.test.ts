import { describe, expect, test } from 'vitest';
import {
  claimSearchDoc,
  createClaimIndex,
  removeClaimDoc,
  searchClaimIndex,
  upsertClaimDoc,
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
