import { describe, expect, test } from 'vitest';
import { ID_BYTES, idAt, idBytesOf, idCount, idFinder } from './id-bytes';

const joined = (ids: readonly string[]) => {
  const ends = new Uint32Array(ids.length);
  let at = 0;
  ids.forEach((id, i) => {
    at += id.length;
    ends[i] = at;
  });
  return [ids.join(''), ends] as const;
};

const hash = () => crypto.randomUUID().replaceAll('-', '');
const extracted = (start: number, end: number) =>
  `art-${hash()}.${String(start).padStart(8, '0')}-${String(end).padStart(8, '0')}`;

describe('claim ids as bytes', () => {
  test('UUIDs and extracted claims’ ids come back the same, one at a time', () => {
    const ids = [
      ...Array.from({ length: 30 }, () => crypto.randomUUID()),
      ...Array.from({ length: 30 }, (_, i) => extracted(i * 1_000, i * 1_000 + 57)),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      extracted(0, 0),
      extracted(99_999_999, 99_999_999),
      // the second, tenth and 125th claim on one span (`claimIdFor`'s n)
      `${extracted(10, 20)}.1`,
      `${extracted(10, 20)}.10`,
      `${extracted(10, 20)}.125`,
      // a claim of an article imported before content-derived ids (a UUID for the article)
      `${crypto.randomUUID()}.00000091-00000194`,
      `${crypto.randomUUID()}.00000091-00000194.7`,
      `00000000-0000-0000-0000-000000000000.00000000-00000000.125`,
    ];
    const bytes = idBytesOf(...joined(ids))!;
    expect(bytes.length).toBe(ids.length * ID_BYTES);
    expect(idCount(bytes)).toBe(ids.length);
    expect(ids.map((_, i) => idAt(bytes, i))).toEqual(ids);
  });

  test.each([
    ['an upper-case UUID', '0193A2B4-5C6D-7E8F-9A0B-1C2D3E4F5A6B'],
    ['a dash out of place', '0193a2b45-c6d-7e8f-9a0b-1c2d3e4f5a6b'],
    ['a letter past f', '0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6g'],
    ['a shorter id', 'c1-7'],
    ['a suffix past 125', `${extracted(10, 20)}.126`],
    ['an article id neither hashed nor a UUID', extracted(10, 20).replace('art-', 'spk-')],
    ['an upper-case article UUID', `${crypto.randomUUID().toUpperCase()}.00000091-00000194`],
    ['a suffix 0', `${extracted(10, 20)}.0`],
    ['a suffix with a leading 0', `${extracted(10, 20)}.01`],
    ['a suffix with a letter', `${extracted(10, 20)}.1a`],
    ['an empty suffix', `${extracted(10, 20)}.`],
    ['a speaker’s id', `spk-${hash()}`],
    ['a span with a letter', extracted(10, 20).replace(/0-/, 'x-')],
  ])('ids not all of the two forms stay text: %s', (_, odd) => {
    expect(idBytesOf(...joined([crypto.randomUUID(), extracted(1, 2), odd]))).toBeNull();
  });

  test('no ids: no bytes', () => {
    expect(idBytesOf('', new Uint32Array(0))).toEqual(new Uint8Array(0));
  });
});

describe('finding an id among the bytes', () => {
  test('finds each id, and none that is not there', () => {
    const ids = [
      ...Array.from({ length: 500 }, () => crypto.randomUUID()),
      ...Array.from({ length: 500 }, (_, i) => extracted(i, i + 9)),
    ];
    const find = idFinder(idBytesOf(...joined(ids))!);
    expect(ids.map(find)).toEqual(ids.map((_, i) => i));
    expect(find(crypto.randomUUID())).toBe(-1);
    // the same article, another span, or another claim on the span
    expect(find(ids[500]!.replace(/-00000009$/, '-00000010'))).toBe(-1);
    expect(find(`${ids[500]}.1`)).toBe(-1);
    // a claim's UUID and a claim of an article with that UUID are two ids
    const both = [ids[0]!, `${ids[0]}.00000001-00000002`];
    const findBoth = idFinder(idBytesOf(...joined(both))!);
    expect(both.map(findBoth)).toEqual([0, 1]);
    expect(ids[500]!.endsWith('-00000009')).toBe(true);
    expect(find('c1-7')).toBe(-1);
    expect(find(ids[3]!.toUpperCase())).toBe(-1);
  });
});
