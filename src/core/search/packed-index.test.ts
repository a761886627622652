import { describe, expect, test } from 'vitest';
import {
  type ClaimIndex,
  type ClaimSearchDoc,
  createClaimIndex,
  removeClaimDoc,
  searchClaimIndex,
  upsertClaimDoc,
} from './claim-index';
import { packClaimIndex, unpackClaimIndex } from './packed-index';

const WORDS =
  'police officers crime victims council report inquiry hospital school Bíllings wages prices'.split(' ');

function docs(n: number, seed = 1): ClaimSearchDoc[] {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  return Array.from({ length: n }, (_, i) => ({
    id: `c${seed}-${i}`,
    text: `${pick()} ${pick()} ${pick()} rose by ${i} per cent`,
    speaker: i % 3 ? `Speaker ${i % 7} · S${i % 7}` : '',
    sources: i % 4 ? '' : `Report on ${pick()} ONS`,
    notes: i % 5 ? '' : `check ${pick()}`,
    tags: i % 6 ? '' : 'crime',
  }));
}

const QUERIES = [
  'police',
  'offic',
  'hospitl',
  'billings',
  'report crime',
  'speaker 3',
  'ons',
  'wages pri',
  'zzz',
];

const answers = (index: ClaimIndex) => QUERIES.map((q) => searchClaimIndex(index, q, 1_000));

describe('packed claim index', () => {
  test('answers every query exactly as the index it was packed from', () => {
    const original = createClaimIndex(docs(300));
    const loaded = unpackClaimIndex(packClaimIndex(original));
    expect(answers(loaded)).toEqual(answers(original));
    expect(loaded.documentCount).toBe(300);
    expect(loaded.toJSON()).toEqual(original.toJSON());
  });

  test('takes edits like the original, and packs again with untouched terms copied as they were', () => {
    const original = createClaimIndex(docs(200));
    const loaded = unpackClaimIndex(packClaimIndex(original));
    const edits = docs(60, 7).map((d, i) => ({ ...d, id: `c1-${i * 3}` })); // replaces every third claim
    for (const index of [original, loaded]) {
      for (const d of edits) upsertClaimDoc(index, d);
      for (const d of docs(20, 9)) upsertClaimDoc(index, d); // new claims
      for (let i = 1; i < 200; i += 10) removeClaimDoc(index, `c1-${i}`);
    }
    expect(answers(loaded)).toEqual(answers(original));
    const again = unpackClaimIndex(packClaimIndex(loaded));
    expect(answers(again)).toEqual(answers(original));
    expect(again.toJSON()).toEqual(original.toJSON());
  });

  test('a term not searched since the load is packed again without being unpacked', () => {
    const original = createClaimIndex(docs(50));
    const packed = packClaimIndex(original);
    const loaded = unpackClaimIndex(packed);
    searchClaimIndex(loaded, 'police');
    const repacked = packClaimIndex(loaded);
    expect(repacked.terms).toEqual(packed.terms);
    expect([...repacked.postings]).toEqual([...packed.postings]);
  });

  test('keeps large frequencies and ids exactly (several bytes a varint)', () => {
    const many = [...docs(400), { ...docs(1, 3)[0]!, id: 'echo', text: 'echo '.repeat(300) }];
    const original = createClaimIndex(many);
    const loaded = unpackClaimIndex(packClaimIndex(original));
    expect(loaded.toJSON()).toEqual(original.toJSON());
    expect(searchClaimIndex(loaded, 'echo')).toEqual(searchClaimIndex(original, 'echo'));
  });

  test('refuses what is not a packed index', () => {
    const packed = packClaimIndex(createClaimIndex(docs(5)));
    expect(() => unpackClaimIndex({ ...packed, format: 1 as 2 })).toThrow();
    expect(() => unpackClaimIndex({ ...packed, ids: [] })).toThrow();
  });
});
