import { describe, expect, test } from 'vitest';
import {
  type ClaimIndex,
  type ClaimSearchDoc,
  createClaimIndex,
  removeClaimDoc,
  searchClaimIndex,
  upsertClaimDoc,
} from './claim-index';
import { ID_BYTES } from './id-bytes';
import {
  arraysOfStoredClaimIndex,
  type PackedClaimIndex,
  packClaimIndex,
  storedClaimIndex,
  unpackClaimIndex,
} from './packed-index';

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
    expect(repacked.format === 3 && repacked.termText).toBe(packed.format === 3 && packed.termText);
    expect([...repacked.postings]).toEqual([...packed.postings]);
  });

  test('a search reads the terms it matches from their packed bytes and leaves them packed', () => {
    const loaded = unpackClaimIndex(packClaimIndex(createClaimIndex(docs(80))));
    const hits = searchClaimIndex(loaded, 'police hospit');
    expect(hits.length).toBeGreaterThan(0);
    const term = (t: string) =>
      (loaded as unknown as { _index: { get(t: string): { packed(): unknown } | undefined } })._index.get(t);
    // a prefix match (hospital) and a whole word (police): no Map made for either
    expect(term('police')?.packed()).toBeTruthy();
    expect(term('hospital')?.packed()).toBeTruthy();
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
    expect(() => unpackClaimIndex({ ...packed, format: 1 } as unknown as PackedClaimIndex)).toThrow();
    expect(() => unpackClaimIndex({ ...packed, idEnds: new Uint32Array(0) } as PackedClaimIndex)).toThrow();
    expect(() => unpackClaimIndex({ ...packed, shortIds: packed.shortIds.slice().reverse() })).toThrow();
  });

  test('holds the ids and terms as one string each (no string per claim), in short-id order', () => {
    const original = createClaimIndex(docs(40));
    const packed = packClaimIndex(original);
    if (packed.format !== 3) throw new Error('expected format 3');
    expect(packed.idText).toBe(
      docs(40)
        .map((d) => d.id)
        .join(''),
    );
    expect(packed.idEnds.length).toBe(40);
    expect([...packed.shortIds]).toEqual([...packed.shortIds].sort((a, b) => a - b));
    expect(Object.values(packed).filter((v) => Array.isArray(v) && v.length > 40)).toEqual([]);
  });

  test('a load with no edit packs again to the same arrays; an edit after the load packs what changed', () => {
    const original = createClaimIndex(docs(120));
    const packed = packClaimIndex(original);
    const loaded = unpackClaimIndex(packed);
    expect(answers(loaded)).toEqual(answers(original));
    expect(packClaimIndex(loaded)).toEqual(packed);
    // one claim replaced, one added, one removed: in both, then both packed and loaded again
    for (const index of [original, loaded]) {
      upsertClaimDoc(index, { ...docs(1, 5)[0]!, id: 'c1-7', text: 'zebrafinch hospital' });
      upsertClaimDoc(index, { ...docs(1, 6)[0]!, id: 'new-1', text: 'quokka report' });
      removeClaimDoc(index, 'c1-9');
    }
    // (the first search after a removal drops its postings as it meets them, which moves scores a
    // little: every index is searched once before the next is made from it)
    expect(answers(loaded)).toEqual(answers(original));
    const again = unpackClaimIndex(packClaimIndex(loaded));
    expect(answers(again)).toEqual(answers(original));
    for (const index of [loaded, again]) {
      expect(searchClaimIndex(index, 'zebrafinch').map((h) => h.id)).toEqual(['c1-7']);
      expect(searchClaimIndex(index, 'quokka').map((h) => h.id)).toEqual(['new-1']);
      expect(index.has('c1-9')).toBe(false);
      expect(index.documentCount).toBe(120);
      expect(index.toJSON()).toEqual(original.toJSON());
    }
  });

  test('loads an index saved in the earlier format (a string per id and term)', () => {
    const original = createClaimIndex(docs(60));
    const packed = packClaimIndex(original);
    if (packed.format !== 3) throw new Error('expected format 3');
    const split = (text: string, ends: Uint32Array) =>
      [...ends].map((e, i) => text.slice(i ? ends[i - 1] : 0, e));
    const { idText, idEnds, termText, termEnds, format: _, ...rest } = packed;
    const older: PackedClaimIndex = {
      ...rest,
      format: 2,
      ids: split(idText, idEnds),
      terms: split(termText, termEnds),
    };
    const loaded = unpackClaimIndex(older);
    expect(answers(loaded)).toEqual(answers(original));
    expect(packClaimIndex(loaded)).toEqual(packed);
  });
});

describe('the stored form (format 5: the arrays and texts in one Blob)', () => {
  test('reads back to the same arrays and texts, and the index it unpacks answers as the original', async () => {
    const original = createClaimIndex([
      ...docs(300),
      { id: 'ü-ключ-1', text: 'Zürich 東京 straße', speaker: '', sources: '', notes: '', tags: '' },
    ]);
    const packed = packClaimIndex(original);
    const stored = storedClaimIndex(packed)!;
    expect(stored.format).toBe(5);
    expect(stored.data).toBeInstanceOf(Blob);
    const back = await arraysOfStoredClaimIndex(stored);
    expect(back).toEqual(packed);
    const loaded = unpackClaimIndex(back);
    for (const q of [...QUERIES, 'zurich', '東京', 'strasse'])
      expect(searchClaimIndex(loaded, q)).toEqual(searchClaimIndex(original, q));
  });

  test('ids of the app’s forms are stored as bytes, and name the same hits', async () => {
    // extracted claims' ids (article hash and span) and UUIDs (claims added by hand)
    const uuids = Array.from({ length: 200 }, (_, i) =>
      i % 3
        ? crypto.randomUUID()
        : `art-${'0123456789abcdef'.repeat(2)}.${String(i).padStart(8, '0')}-00000099`,
    );
    const original = createClaimIndex(docs(200).map((d, i) => ({ ...d, id: uuids[i]! })));
    const packed = packClaimIndex(original);
    const stored = storedClaimIndex(packed)!;
    // the ids' text and ends left empty, `ID_BYTES` an id instead
    expect(packed.idEnds.length).toBe(200);
    expect([stored.parts[5], stored.parts[7], stored.parts[9]]).toEqual([0, 0, 200 * ID_BYTES]);
    const back = await arraysOfStoredClaimIndex(stored);
    expect(back.idBytes?.length).toBe(200 * ID_BYTES);
    expect([back.idText, back.idEnds.length]).toEqual(['', 0]);
    const loaded = unpackClaimIndex(back);
    expect(answers(loaded)).toEqual(answers(original));
    // packed again with no edit: the bytes as they were; after edits, stored as bytes again
    expect(packClaimIndex(loaded).idBytes).toBe(back.idBytes);
    expect(loaded.toJSON()).toEqual(original.toJSON());
    upsertClaimDoc(loaded, { ...docs(1, 5)[0]!, id: uuids[7]!, text: 'zebrafinch hospital' });
    removeClaimDoc(loaded, uuids[9]!);
    const again = unpackClaimIndex(await arraysOfStoredClaimIndex(storedClaimIndex(packClaimIndex(loaded))!));
    expect(searchClaimIndex(again, 'zebrafinch').map((h) => h.id)).toEqual([uuids[7]]);
    expect(again.has(uuids[9]!)).toBe(false);
    expect(again.has(uuids[10]!)).toBe(true);
    // edited as loaded (the packed ids beside an edit's own entries): the hits of the original edited alike
    const fresh = unpackClaimIndex(back);
    const added = crypto.randomUUID();
    for (const index of [original, fresh]) {
      upsertClaimDoc(index, { ...docs(1, 5)[0]!, id: uuids[7]!, text: 'zebrafinch hospital' });
      upsertClaimDoc(index, { ...docs(1, 6)[0]!, id: added, text: 'quokka report police' });
      removeClaimDoc(index, uuids[9]!);
    }
    expect(answers(fresh)).toEqual(answers(original));
    expect(searchClaimIndex(fresh, 'quokka').map((h) => h.id)).toEqual([added]);
  });

  test('a format 4 index (every id as text) still reads', async () => {
    const original = createClaimIndex(docs(50));
    const stored = storedClaimIndex(packClaimIndex(original))!;
    // format 4 was format 5 without the last part (the UUIDs' bytes; none for ids that are not)
    expect(stored.parts.at(-1)).toBe(0);
    const older = { ...stored, format: 4 as const, parts: stored.parts.slice(0, -1) };
    expect(answers(unpackClaimIndex(await arraysOfStoredClaimIndex(older)))).toEqual(answers(original));
    await expect(arraysOfStoredClaimIndex({ ...older, format: 5 })).rejects.toThrow();
  });

  test('an id with a lone surrogate is not stored so (it would not come back the same)', () => {
    const index = createClaimIndex([
      { id: 'c\uD800', text: 'a word', speaker: '', sources: '', notes: '', tags: '' },
    ]);
    expect(storedClaimIndex(packClaimIndex(index))).toBeNull();
  });
});
