/**
 * The claim index in a form that loads in a few milliseconds per thousand claims: flat typed arrays
 * and two long strings (stored by IndexedDB as they are, no JSON, no string per claim) and, on load,
 * each term's postings left packed until a search or an edit first touches that term, and the
 * documents' ids and field lengths read from the arrays until an edit changes them. MiniSearch's own
 * `toJSON`/`loadJSON` spends its time on one Map entry per posting (about ten per claim): at 100,000
 * claims that was 20 s of parsing and Map building before the first search could run.
 *
 * This reads and fills MiniSearch's private fields (`_index`, `_documentIds`, `_idToShortId`,
 * `_fieldLength`): minisearch is pinned (7.2.0) and `packed-index.test.ts` checks that a packed and
 * unpacked index answers, changes and packs again exactly like the original.
 */
import MiniSearch from 'minisearch';
import {
  type ClaimIndex,
  type ClaimSearchDoc,
  claimIndexOptions,
  type PackedFieldLengths,
  type PackedTermData,
  type PostingBuffer,
} from './claim-index';
import { idAt, idBytesOf, idCount, idFinder, idsAt } from './id-bytes';

type PackedCommon = {
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Readonly<Record<string, number>>;
  averageFieldLength: readonly number[];
  /** The documents' short ids, ascending. */
  shortIds: Uint32Array;
  /** `fieldCount` lengths per document (in terms, at most 65,535), in `shortIds` order. */
  fieldLengths: Uint16Array;
  fieldCount: number;
  /** Term `i`'s fields are triples `termFields[3j..3j+2]` for `j` in `termStart[i]..termStart[i+1]`. */
  termStart: Uint32Array;
  /** Triples: field id, postings, byte offset of the first in `postings`. */
  termFields: Uint32Array;
  /**
   * Each posting as two varints (7 bits a byte): the short doc id less the previous one in its list
   * (zigzag, so any order packs), then the term's frequency. Mostly 2–3 bytes a posting.
   */
  postings: Uint8Array;
};

/**
 * The packed index as saved. Format 3 holds the ids and terms as one string each with their end
 * offsets: IndexedDB copies one long string and a few arrays in a moment, where 100,000 strings
 * cost it a string each (format 2, still loaded).
 */
export type PackedArrays = Readonly<
  PackedCommon & {
    format: 3;
    /** Every document id, in `shortIds` order, end to end; id `i` ends at `idEnds[i]`. */
    idText: string;
    idEnds: Uint32Array;
    /**
     * When set, the ids instead (`ID_BYTES` each, `id-bytes.ts`; `idText` and `idEnds` empty): the
     * stored form of ids that all have one of the app's two forms, read as it is.
     */
    idBytes?: Uint8Array;
    /** Every term, in packing order, end to end; term `i` ends at `termEnds[i]`. */
    termText: string;
    termEnds: Uint32Array;
  }
>;

/** The arrays and texts of format 3 kept in one Blob (`storedClaimIndex`), in this order. */
const BLOB_PARTS = [
  'shortIds',
  'fieldLengths',
  'termStart',
  'termFields',
  'postings',
  'idEnds',
  'termEnds',
  'idText',
  'termText',
  'idBytes',
] as const;

/** How many of `BLOB_PARTS` each stored format holds (format 4 had no `idBytes`). */
const STORED_PARTS = { 4: 9, 5: 10 } as const;

/** The format `storedClaimIndex` saves; an index loaded in another is saved again. */
export const STORED_FORMAT = 5;

/**
 * The packed index as saved since format 4: format 3's arrays and texts (UTF-8) end to end in one
 * Blob, the rest as fields. IndexedDB keeps a Blob as it is and hands it back as a handle, its bytes
 * read with `arrayBuffer()` off the reading thread; format 3's arrays, cloned into the row, were
 * made into values on the search worker's thread when the row was read: 65–200 ms for 10 MB
 * (search23, docs/PERFORMANCE.md), the largest step of the first search after a reload.
 */
export type StoredClaimIndex = Readonly<
  Omit<PackedCommon, (typeof BLOB_PARTS)[number]> & {
    /** 5 since the ids are kept as bytes (`idBytes`) when they all have one of the app's forms. */
    format: 4 | 5;
    /** Each part's length in bytes, in `BLOB_PARTS` order (each starts at a multiple of 4). */
    parts: readonly number[];
    data: Blob;
  }
>;

export type PackedClaimIndex = Readonly<
  | PackedArrays
  | StoredClaimIndex
  | (PackedCommon & { format: 2; ids: readonly string[]; terms: readonly string[] })
>;

/** Whether a packed index is a stored one (its arrays in a Blob: `arraysOfStoredClaimIndex` reads them). */
export const isStoredClaimIndex = (p: PackedClaimIndex | undefined): p is StoredClaimIndex =>
  p !== undefined && p.format in STORED_PARTS;

/** A text with a lone surrogate does not come back the same from UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Format 3 as saved (format 5: the ids as bytes when they all have the app's forms, `id-bytes.ts`);
 * null when a text would not come back the same (a lone surrogate in a claim's words: saved as
 * format 3 then).
 */
export function storedClaimIndex(packed: PackedArrays): StoredClaimIndex | null {
  const idBytes = packed.idBytes ?? idBytesOf(packed.idText, packed.idEnds);
  const p = idBytes ? { ...packed, idText: '', idEnds: new Uint32Array(0), idBytes } : packed;
  if (LONE_SURROGATE.test(p.idText) || LONE_SURROGATE.test(p.termText)) return null;
  const encoder = new TextEncoder();
  const bytes = (part: (typeof BLOB_PARTS)[number]): Uint8Array<ArrayBuffer> => {
    const v = p[part] ?? new Uint8Array(0);
    return typeof v === 'string'
      ? encoder.encode(v)
      : new Uint8Array(v.buffer as ArrayBuffer, v.byteOffset, v.byteLength);
  };
  const blobParts: Uint8Array<ArrayBuffer>[] = [];
  const parts: number[] = [];
  for (const part of BLOB_PARTS) {
    const b = bytes(part);
    blobParts.push(b);
    parts.push(b.byteLength);
    // each part starts at a multiple of 4, so the arrays are read in place
    if (b.byteLength % 4 !== 0) blobParts.push(new Uint8Array(4 - (b.byteLength % 4)));
  }
  return {
    format: STORED_FORMAT,
    documentCount: p.documentCount,
    nextId: p.nextId,
    dirtCount: p.dirtCount,
    fieldIds: p.fieldIds,
    averageFieldLength: p.averageFieldLength,
    fieldCount: p.fieldCount,
    parts,
    data: new Blob(blobParts),
  };
}

/**
 * Format 4's arrays and texts read back from its Blob (the arrays are views of the one buffer read);
 * `bytes`: its bytes, when their read was asked for earlier.
 */
export async function arraysOfStoredClaimIndex(
  s: StoredClaimIndex,
  bytes: Promise<ArrayBuffer> = s.data.arrayBuffer(),
): Promise<PackedArrays> {
  const buffer = await bytes;
  const decoder = new TextDecoder();
  const out: Record<string, unknown> = {};
  let from = 0;
  const count = STORED_PARTS[s.format];
  if (s.parts.length !== count) throw new Error('not a packed claim index');
  BLOB_PARTS.slice(0, count).forEach((part, i) => {
    const n = s.parts[i] ?? -1;
    if (n < 0 || from + n > buffer.byteLength) throw new Error('not a packed claim index');
    out[part] =
      part === 'fieldLengths'
        ? new Uint16Array(buffer, from, n / 2)
        : part === 'postings' || part === 'idBytes'
          ? new Uint8Array(buffer, from, n)
          : part === 'idText' || part === 'termText'
            ? decoder.decode(new Uint8Array(buffer, from, n))
            : new Uint32Array(buffer, from, n / 4);
    from += n + ((4 - (n % 4)) % 4);
  });
  // the ids as text (format 4, or ids not all of the app's forms): no bytes kept for them
  if ((out.idBytes as Uint8Array | undefined)?.length === 0) delete out.idBytes;
  const { parts: _parts, data: _data, format: _format, ...common } = s;
  return { ...common, ...out, format: 3 } as PackedArrays;
}

/** One string and its parts' end offsets. */
type Joined = Readonly<{ text: string; ends: Uint32Array }>;

function join(parts: readonly string[]): Joined {
  const ends = new Uint32Array(parts.length);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    at += parts[i]!.length;
    ends[i] = at;
  }
  return { text: parts.join(''), ends };
}

const part = (j: Joined, i: number) => j.text.slice(i === 0 ? 0 : j.ends[i - 1]!, j.ends[i]!);

/**
 * The documents' ids as packed: how many, id `i`, the position of an id (-1 if none; what it needs
 * is made on its first call), and the fields they came from (copied by a packing with no document changed).
 */
type Ids = Readonly<{
  count: number;
  at: (i: number) => string;
  /** Ids at these positions, read at once where that is cheaper (the bytes' form). */
  many?: (positions: readonly number[]) => string[];
  find: (id: string) => number;
  packed: Pick<PackedArrays, 'idText' | 'idEnds' | 'idBytes'>;
}>;

function idsOf(p: Pick<PackedArrays, 'idText' | 'idEnds' | 'idBytes'>): Ids {
  const { idText, idEnds, idBytes } = p;
  if (idBytes) {
    let finder: ((id: string) => number) | null = null;
    return {
      count: idCount(idBytes),
      at: (i) => idAt(idBytes, i),
      many: (positions) => idsAt(idBytes, positions),
      find: (id) => {
        finder ??= idFinder(idBytes);
        return finder(id);
      },
      packed: { idText, idEnds, idBytes },
    };
  }
  const text: Joined = { text: idText, ends: idEnds };
  let positions: Map<string, number> | null = null;
  const find = (id: string) => {
    if (!positions) {
      positions = new Map();
      for (let i = 0; i < idEnds.length; i++) positions.set(part(text, i), i);
    }
    return positions.get(id) ?? -1;
  };
  return { count: idEnds.length, at: (i) => part(text, i), find, packed: { idText, idEnds } };
}

/** A packed index in the form this module reads (format 3; format 2 joined on load). */
type Packed = Readonly<PackedCommon & { ids: Ids; terms: Joined }>;

function readable(p: PackedClaimIndex): Packed {
  if (isStoredClaimIndex(p))
    throw new Error('a stored claim index: read its arrays first (arraysOfStoredClaimIndex)');
  if (p.format === 3) return { ...p, ids: idsOf(p), terms: { text: p.termText, ends: p.termEnds } };
  if (p.format === 2) {
    const ids = join(p.ids);
    return { ...p, ids: idsOf({ idText: ids.text, idEnds: ids.ends }), terms: join(p.terms) };
  }
  throw new Error('not a packed claim index');
}

type Postings = Map<number, number>;
type TermData = Map<number, Postings>;

/** A slice of a packed index: one term's fields and postings. */
type Slice = Readonly<{ p: Packed; from: number; to: number }>;

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
class LazyTermData extends Map<number, Postings> implements PackedTermData {
  private slice: Slice | null;

  constructor(slice: Slice) {
    super();
    this.slice = slice;
  }

  /**
   * A query's read of the term's postings in one field, straight from the packed bytes, the term
   * left packed (its Map would list them in this order: `fillFrom` inserts them so); -1 once the
   * term has been unpacked (read the Map then).
   */
  readPostings(fieldId: number, out: PostingBuffer): number {
    const slice = this.slice;
    if (!slice) return -1;
    const { termFields, postings: bytes } = slice.p;
    for (let j = slice.from; j < slice.to; j++) {
      if (termFields[3 * j] !== fieldId) continue;
      const n = termFields[3 * j + 1]!;
      let at = termFields[3 * j + 2]!;
      out.reserve(n);
      const { docs, freqs } = out;
      let doc = 0;
      for (let k = 0; k < n; k++) {
        // two varints (see `PackedCommon.postings`): the zigzagged difference, then the frequency
        let z = 0;
        let scale = 1;
        for (;;) {
          const b = bytes[at++]!;
          z += (b & 0x7f) * scale;
          if (b < 0x80) break;
          scale *= 0x80;
        }
        let f = 0;
        scale = 1;
        for (;;) {
          const b = bytes[at++]!;
          f += (b & 0x7f) * scale;
          if (b < 0x80) break;
          scale *= 0x80;
        }
        doc += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
        docs[k] = doc;
        freqs[k] = f;
      }
      return n;
    }
    return 0;
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

/** What a loaded index's document maps read until an edit: the packed documents, by position. */
type Base<K, V> = Readonly<{
  count: number;
  /** The position of a key, or -1. */
  find: (key: K) => number;
  key: (i: number) => K;
  value: (i: number) => V;
  /** The values at these positions at once, where that is cheaper than one at a time (the ids). */
  values?: (positions: readonly number[]) => V[];
}>;

/**
 * One of MiniSearch's per-document maps (short id → id, id → short id, short id → field lengths)
 * read from the packed arrays: a search looks documents up there without a Map entry per document
 * being made at load. Documents added later are kept as ordinary entries after the packed ones, and
 * removed ones are remembered by position, so the order is a Map's (packed ones first, as inserted).
 */
// Its iteration overrides repeat LazyTermData's on purpose: a shared base class overriding entries()
// would make `super.entries()` in materialize() and live() re-enter materialize.
class PackedMap<K, V> extends Map<K, V> {
  protected base: Base<K, V> | null;
  private removed = new Set<number>();

  constructor(base: Base<K, V>) {
    super();
    this.base = base;
  }

  /** The value set since the load (not a packed one), if any. */
  protected own(key: K): V | undefined {
    return super.size > 0 ? super.get(key) : undefined;
  }

  /** The packed position of a live key, or -1. */
  protected at(key: K): number {
    const b = this.base;
    if (!b) return -1;
    const i = b.find(key);
    return i >= 0 && (this.removed.size === 0 || !this.removed.has(i)) ? i : -1;
  }

  /** The packed documents if none was removed or added since the load (packing copies their arrays). */
  untouchedBase(): Base<K, V> | null {
    return this.removed.size === 0 && super.size === 0 ? this.base : null;
  }

  /** The live packed positions and their values. */
  private packedEntries(b: Base<K, V>): [number[], V[]] {
    const positions: number[] = [];
    for (let i = 0; i < b.count; i++) if (!this.removed.has(i)) positions.push(i);
    return [positions, b.values ? b.values(positions) : positions.map(b.value)];
  }

  /** Every live entry in order, without turning the packed ones into Map entries. */
  *live(): Generator<[K, V]> {
    const b = this.base;
    if (b) {
      const [positions, values] = this.packedEntries(b);
      for (let k = 0; k < positions.length; k++) yield [b.key(positions[k]!), values[k]!];
    }
    yield* super.entries();
  }

  /** Turns the packed entries into Map entries (a full iteration, or a key set again in place). */
  private materialize(): void {
    const b = this.base;
    if (!b) return;
    const later = [...super.entries()];
    super.clear();
    const [positions, values] = this.packedEntries(b);
    for (let k = 0; k < positions.length; k++) super.set(b.key(positions[k]!), values[k]!);
    for (const [k, v] of later) super.set(k, v);
    this.base = null;
    this.removed.clear();
  }

  /** `get` of each key, the packed values read at once (a query naming its hits). */
  getMany(keys: readonly K[]): (V | undefined)[] {
    const b = this.base;
    if (!b?.values) return keys.map((k) => this.get(k));
    const out: (V | undefined)[] = new Array(keys.length);
    const positions: number[] = [];
    const slots: number[] = [];
    keys.forEach((key, k) => {
      const own = this.own(key);
      if (own !== undefined) out[k] = own;
      else {
        const i = this.at(key);
        if (i >= 0) {
          positions.push(i);
          slots.push(k);
        }
      }
    });
    const values = b.values(positions);
    slots.forEach((k, j) => {
      out[k] = values[j];
    });
    return out;
  }

  // a search calls these once or twice per posting: no Map lookup while there are no entries of
  // its own (as after a load), and one, not two, when there are (values are never undefined)
  override get(key: K) {
    if (super.size > 0) {
      const v = super.get(key);
      if (v !== undefined) return v;
    }
    const i = this.at(key);
    return i < 0 ? undefined : this.base!.value(i);
  }
  override has(key: K) {
    return (super.size > 0 && super.has(key)) || this.at(key) >= 0;
  }
  override set(key: K, value: V) {
    if (this.base && !super.has(key) && this.at(key) >= 0) this.materialize();
    return super.set(key, value);
  }
  override delete(key: K) {
    if (super.delete(key)) return true;
    const i = this.at(key);
    if (i < 0) return false;
    this.removed.add(i);
    return true;
  }
  override clear() {
    this.base = null;
    this.removed.clear();
    super.clear();
  }
  override get size() {
    return (this.base ? this.base.count - this.removed.size : 0) + super.size;
  }
  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown) {
    this.materialize();
    super.forEach(fn, thisArg);
  }
  override entries() {
    this.materialize();
    return super.entries();
  }
  override keys() {
    this.materialize();
    return super.keys();
  }
  override values() {
    this.materialize();
    return super.values();
  }
  override [Symbol.iterator]() {
    return this.entries();
  }
}

/**
 * The documents' field lengths: a query reads one length per posting, here without the copy of the
 * document's lengths that `get` makes.
 */
class PackedLengths extends PackedMap<number, ArrayLike<number>> implements PackedFieldLengths {
  constructor(
    base: Base<number, ArrayLike<number>>,
    private readonly lengths: Readonly<{ fieldLengths: Uint16Array; fieldCount: number }>,
  ) {
    super(base);
  }

  lengthOf(shortId: number, fieldId: number): number {
    const own = this.own(shortId);
    if (own !== undefined) return own[fieldId]!;
    const i = this.at(shortId);
    return i < 0 ? Number.NaN : this.lengths.fieldLengths[i * this.lengths.fieldCount + fieldId]!;
  }
}

/** The packed documents: lookups by short id (binary search) and by id (a map made on first use). */
function documentsOf(p: Packed) {
  const { shortIds, fieldLengths, fieldCount } = p;
  const count = shortIds.length;
  const byShort = (shortId: number) => {
    // short ids are given 0, 1, 2, … and stay where they are until a document is removed
    if (shortIds[shortId] === shortId) return shortId;
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = shortIds[mid]!;
      if (v === shortId) return mid;
      if (v < shortId) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const byId = p.ids.find;
  const id = p.ids.at;
  const shortId = (i: number) => shortIds[i]!;
  return {
    documentIds: new PackedMap<number, string>({
      count,
      find: byShort,
      key: shortId,
      value: id,
      values: p.ids.many,
    }),
    idToShortId: new PackedMap<string, number>({ count, find: byId, key: id, value: shortId }),
    fieldLength: new PackedLengths(
      {
        count,
        find: byShort,
        key: shortId,
        // a copy, as MiniSearch keeps them (its `toJSON` writes them as arrays); a query reads
        // `lengthOf` instead
        value: (i) => {
          const lengths = new Array<number>(fieldCount);
          for (let f = 0; f < fieldCount; f++) lengths[f] = fieldLengths[i * fieldCount + f]!;
          return lengths;
        },
      },
      { fieldLengths, fieldCount },
    ),
    /** The packed arrays of the documents, for a packing with no document changed. */
    packed: p,
  };
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
  /** Set by `unpackClaimIndex`: the packed documents the maps read from. */
  _packedDocuments?: Packed;
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

/** The documents as packed arrays: copied when none changed since the load, else read from the maps. */
function packDocuments(m: Internals, fieldCount: number) {
  const p = m._packedDocuments;
  if (
    p &&
    m._documentIds instanceof PackedMap &&
    m._fieldLength instanceof PackedMap &&
    m._documentIds.untouchedBase() &&
    m._fieldLength.untouchedBase()
  ) {
    return { ...p.ids.packed, shortIds: p.shortIds, fieldLengths: p.fieldLengths };
  }
  const entries = [...(m._documentIds instanceof PackedMap ? m._documentIds.live() : m._documentIds)];
  // MiniSearch gives short ids in increasing order, so this is a check, not a sort, in practice
  if (entries.some(([s], i) => i > 0 && s < entries[i - 1]![0])) entries.sort((a, b) => a[0] - b[0]);
  const shortIds = new Uint32Array(entries.length);
  const fieldLengths = new Uint16Array(entries.length * fieldCount);
  for (let i = 0; i < entries.length; i++) {
    const shortId = entries[i]![0];
    shortIds[i] = shortId;
    const lengths = m._fieldLength.get(shortId);
    for (let f = 0; f < fieldCount; f++)
      fieldLengths[i * fieldCount + f] = Math.min(lengths?.[f] ?? 0, 0xffff);
  }
  const ids = join(entries.map(([, id]) => id));
  return { idText: ids.text, idEnds: ids.ends, shortIds, fieldLengths };
}

/** The index as flat arrays (terms not touched since their load are copied as they were). */
export function packClaimIndex(index: ClaimIndex): PackedArrays {
  const m = internals(index);
  const fieldCount = Object.keys(m._fieldIds).length;
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
  const joinedTerms = join(terms);
  return {
    format: 3,
    documentCount: m._documentCount,
    nextId: m._nextId,
    dirtCount: m._dirtCount,
    fieldIds: { ...m._fieldIds },
    averageFieldLength: [...m._avgFieldLength],
    ...packDocuments(m, fieldCount),
    fieldCount,
    termText: joinedTerms.text,
    termEnds: joinedTerms.ends,
    termStart: termStart.done(),
    termFields: termFields.done(),
    postings: bytes.done(),
  };
}

/**
 * The index from its packed form. Nothing is made per document or per posting: the documents are
 * read from the arrays and each term's postings are unpacked when first used.
 */
export function unpackClaimIndex(packed: PackedClaimIndex): ClaimIndex {
  const p = readable(packed);
  const count = p.shortIds.length;
  if (
    p.ids.count !== count ||
    p.fieldLengths.length !== count * p.fieldCount ||
    p.terms.ends.length + 1 !== p.termStart.length
  ) {
    throw new Error('not a packed claim index');
  }
  for (let i = 1; i < count; i++) {
    if (p.shortIds[i - 1]! >= p.shortIds[i]!) throw new Error('not a packed claim index');
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
  const docs = documentsOf(p);
  m._documentIds = docs.documentIds;
  m._idToShortId = docs.idToShortId;
  m._fieldLength = docs.fieldLength;
  m._packedDocuments = p;
  // the radix tree iterates each node's children last-inserted first: inserting the terms in the
  // reverse of the order they were packed in gives the same tree, so ties and sums come out the same
  for (let t = p.terms.ends.length - 1; t >= 0; t--) {
    m._index.set(part(p.terms, t), new LazyTermData({ p, from: p.termStart[t]!, to: p.termStart[t + 1]! }));
  }
  return index;
}

/** Every claim id in the index. */
export function indexedClaimIds(index: ClaimIndex): Iterable<string> {
  const ids = internals(index)._documentIds;
  if (!(ids instanceof PackedMap)) return ids.values();
  return (function* () {
    for (const [, id] of ids.live()) yield id;
  })();
}
