/**
 * The claim index in a form that loads in a few milliseconds per thousand claims: flat typed arrays
 * (stored by IndexedDB as they are, no JSON) and, on load, each term's postings left packed until a
 * search or an edit first touches that term. MiniSearch's own `toJSON`/`loadJSON` spends its time
 * on one Map entry per posting (about ten per claim): at 100,000 claims that was 20 s of parsing and
 * Map building before the first search could run.
 *
 * This reads and fills MiniSearch's private fields (`_index`, `_documentIds`, `_idToShortId`,
 * `_fieldLength`): minisearch is pinned (7.2.0) and `packed-index.test.ts` checks that a packed and
 * unpacked index answers, changes and packs again exactly like the original.
 */
import MiniSearch from 'minisearch';
import { type ClaimIndex, type ClaimSearchDoc, claimIndexOptions } from './claim-index';

export type PackedClaimIndex = Readonly<{
  format: 2;
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Readonly<Record<string, number>>;
  averageFieldLength: readonly number[];
  /** Document ids and their short ids, in the same order. */
  ids: readonly string[];
  shortIds: Uint32Array;
  /** `fieldCount` lengths per document (in terms, at most 65,535), in `ids` order. */
  fieldLengths: Uint16Array;
  fieldCount: number;
  terms: readonly string[];
  /** Term `i`'s fields are triples `termFields[3j..3j+2]` for `j` in `termStart[i]..termStart[i+1]`. */
  termStart: Uint32Array;
  /** Triples: field id, postings, byte offset of the first in `postings`. */
  termFields: Uint32Array;
  /**
   * Each posting as two varints (7 bits a byte): the short doc id less the previous one in its list
   * (zigzag, so any order packs), then the term's frequency. Mostly 2–3 bytes a posting.
   */
  postings: Uint8Array;
}>;

type Postings = Map<number, number>;
type TermData = Map<number, Postings>;

/** A slice of a packed index: one term's fields and postings. */
type Slice = Readonly<{ p: PackedClaimIndex; from: number; to: number }>;

function fillFrom(slice: Slice, put: (field: number, postings: Postings) => void): void {
  const { termFields, postings: bytes } = slice.p;
  for (let j = slice.from; j < slice.to; j++) {
    const field = termFields[3 * j]!;
    const n = termFields[3 * j + 1]!;
    let at = termFields[3 * j + 2]!;
    const read = () => {
      let v = 0;
      let scale = 1;
      for (;;) {
        const b = bytes[at++]!;
        v += (b & 0x7f) * scale;
        if (b < 0x80) return v;
        scale *= 0x80;
      }
    };
    const postings: Postings = new Map();
    let doc = 0;
    for (let k = 0; k < n; k++) {
      const z = read();
      doc += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      postings.set(doc, read());
    }
    put(field, postings);
  }
}

/**
 * A term's data (field id → short doc id → frequency) that stays packed until first used. Every
 * Map method MiniSearch calls unpacks it first, so to MiniSearch it is an ordinary Map.
 */
class LazyTermData extends Map<number, Postings> {
  private slice: Slice | null;

  constructor(slice: Slice) {
    super();
    this.slice = slice;
  }

  /** The packed slice while the term has not been touched (packing copies it without unpacking). */
  packed(): Slice | null {
    return this.slice;
  }

  private unpack(): void {
    const slice = this.slice;
    if (!slice) return;
    this.slice = null;
    fillFrom(slice, (field, postings) => super.set(field, postings));
  }

  override get(key: number) {
    this.unpack();
    return super.get(key);
  }
  override has(key: number) {
    this.unpack();
    return super.has(key);
  }
  override set(key: number, value: Postings) {
    this.unpack();
    return super.set(key, value);
  }
  override delete(key: number) {
    this.unpack();
    return super.delete(key);
  }
  override clear() {
    this.slice = null;
    super.clear();
  }
  override get size() {
    this.unpack();
    return super.size;
  }
  override forEach(
    fn: (value: Postings, key: number, map: Map<number, Postings>) => void,
    thisArg?: unknown,
  ) {
    this.unpack();
    super.forEach(fn, thisArg);
  }
  override entries() {
    this.unpack();
    return super.entries();
  }
  override keys() {
    this.unpack();
    return super.keys();
  }
  override values() {
    this.unpack();
    return super.values();
  }
  override [Symbol.iterator]() {
    return this.entries();
  }
}

type Internals = {
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, ArrayLike<number>>;
  _index: Iterable<[string, TermData]> & { set(term: string, data: TermData): unknown };
};

const internals = (index: ClaimIndex) => index as unknown as Internals;

/** Growable typed arrays for packing. */
class U32 {
  a = new Uint32Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done() {
    return this.a.slice(0, this.n);
  }
}

class Bytes {
  a = new Uint8Array(4096);
  n = 0;
  /** A non-negative integer as a varint. */
  varint(v: number) {
    if (this.n + 8 > this.a.length) {
      const b = new Uint8Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    while (v >= 0x80) {
      this.a[this.n++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.a[this.n++] = v;
  }
  done() {
    return this.a.slice(0, this.n);
  }
}

/** The index as flat arrays (terms not touched since their load are copied as they were). */
export function packClaimIndex(index: ClaimIndex): PackedClaimIndex {
  const m = internals(index);
  const fieldCount = Object.keys(m._fieldIds).length;
  const count = m._documentIds.size;
  const ids: string[] = new Array(count);
  const shortIds = new Uint32Array(count);
  const fieldLengths = new Uint16Array(count * fieldCount);
  let i = 0;
  for (const [shortId, id] of m._documentIds) {
    ids[i] = id;
    shortIds[i] = shortId;
    const lengths = m._fieldLength.get(shortId);
    for (let f = 0; f < fieldCount; f++)
      fieldLengths[i * fieldCount + f] = Math.min(lengths?.[f] ?? 0, 0xffff);
    i++;
  }
  const terms: string[] = [];
  const termStart = new U32();
  const termFields = new U32();
  const bytes = new Bytes();
  const field = (id: number, postings: Postings) => {
    termFields.push(id);
    termFields.push(postings.size);
    termFields.push(bytes.n);
    let previous = 0;
    for (const [doc, freq] of postings) {
      const d = doc - previous;
      bytes.varint(d >= 0 ? 2 * d : -2 * d - 1);
      bytes.varint(freq);
      previous = doc;
    }
  };
  for (const [term, data] of m._index) {
    const slice = data instanceof LazyTermData ? data.packed() : null;
    if (!slice && data.size === 0) continue;
    terms.push(term);
    termStart.push(termFields.n / 3);
    if (slice) fillFrom(slice, field);
    else for (const [id, postings] of data) if (postings.size > 0) field(id, postings);
  }
  termStart.push(termFields.n / 3);
  return {
    format: 2,
    documentCount: m._documentCount,
    nextId: m._nextId,
    dirtCount: m._dirtCount,
    fieldIds: { ...m._fieldIds },
    averageFieldLength: [...m._avgFieldLength],
    ids,
    shortIds,
    fieldLengths,
    fieldCount,
    terms,
    termStart: termStart.done(),
    termFields: termFields.done(),
    postings: bytes.done(),
  };
}

/** The index from its packed form; each term's postings are unpacked when first used. */
export function unpackClaimIndex(p: PackedClaimIndex): ClaimIndex {
  if (p.format !== 2 || p.ids.length !== p.shortIds.length || p.terms.length + 1 !== p.termStart.length) {
    throw new Error('not a packed claim index');
  }
  const index = MiniSearch.loadJS<ClaimSearchDoc>(
    {
      documentCount: p.documentCount,
      nextId: p.nextId,
      documentIds: {},
      fieldIds: { ...p.fieldIds },
      fieldLength: {},
      averageFieldLength: [...p.averageFieldLength],
      storedFields: {},
      dirtCount: p.dirtCount,
      index: [],
      serializationVersion: 2,
    },
    claimIndexOptions(),
  );
  const m = internals(index);
  if (Object.keys(m._fieldIds).length !== p.fieldCount) throw new Error('packed with other fields');
  for (let i = 0; i < p.ids.length; i++) {
    const id = p.ids[i]!;
    const shortId = p.shortIds[i]!;
    m._documentIds.set(shortId, id);
    m._idToShortId.set(id, shortId);
    m._fieldLength.set(
      shortId,
      Array.from(p.fieldLengths.subarray(i * p.fieldCount, (i + 1) * p.fieldCount)),
    );
  }
  // the radix tree iterates each node's children last-inserted first: inserting the terms in the
  // reverse of the order they were packed in gives the same tree, so ties and sums come out the same
  for (let t = p.terms.length - 1; t >= 0; t--) {
    m._index.set(p.terms[t]!, new LazyTermData({ p, from: p.termStart[t]!, to: p.termStart[t + 1]! }));
  }
  return index;
}

/** Every claim id in the index. */
export function indexedClaimIds(index: ClaimIndex): IterableIterator<string> {
  return internals(index)._documentIds.values();
}
