import { describe, expect, test } from 'vitest';
import {
  claimSearchDoc,
  createClaimIndex,
  removeClaimDoc,
  searchClaimIndex,
  upsertClaimDoc,
} from './claim-index';

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
