/**
 * Each indexed claim's filter values (what the Claims screen's filters test: article, speaker,
 * verdict, kind, tags, check-worthiness, has-source), kept in the search worker beside the full-text
 * index, by the index's short id, and saved with it. A text query with another filter then keeps
 * its hits without reading their 2,000 facet rows (`filteredSearchHits`); the values come from those
 * same rows (`claimFacets`) and their claims' verdicts (schema v14 keeps those on the claim alone),
 * read when the index reads the claims (its build and each refresh), so they answer as the rows would.
 *
 * Each value is a small code in a typed array (one byte for verdict, kind and state, two for
 * article, speaker, tag set and score, four once a dictionary passes 65,535 entries), and each
 * dictionary holds the distinct values: about 11 bytes a claim, saved as a few arrays.
 */
import type { ClaimKind } from '@/core/extract/types';
import type { Verdict } from '@/core/model/types';
import type { FilterableClaim } from '@/core/review/filters';
import type { FacetView } from './derived/hot-keys';

/** A hit's filter values as the text query's filter reads them; `h`: it has a live source. */
export type HitValues = FilterableClaim & Readonly<{ h: 0 | 1 }>;

/** Not known (a saved index from before these values, not yet filled). */
const UNKNOWN = 0;
const LIVE_NO_SOURCE = 1;
const LIVE_SOURCED = 2;
/** No live facet row: the row path would drop the hit. */
const NOT_LIVE = 3;

type Codes = Uint8Array | Uint16Array | Uint32Array;

/** The saved form of one column: each slot's code into `values`. */
export type PackedColumn<T> = Readonly<{ codes: Codes; values: readonly T[] }>;

/** The values as saved beside the packed index (`SearchIndexRow.facets`). */
export type PackedSearchFacets = Readonly<{
  format: 1;
  /** Slots (short ids) saved: every array holds this many. */
  size: number;
  state: Uint8Array;
  v: PackedColumn<Verdict>;
  k: PackedColumn<ClaimKind>;
  a: PackedColumn<string>;
  s: PackedColumn<string | null>;
  t: PackedColumn<readonly string[]>;
  c: PackedColumn<number>;
}>;

const maxCode = (codes: Codes) =>
  codes instanceof Uint8Array ? 0xff : codes instanceof Uint16Array ? 0xffff : 0xffffffff;
/** `codes` copied into `length` slots of the same width, or of the next width when `wider`. */
const copyOfCodes = (codes: Codes, length: number, wider = false): Codes => {
  const width = (codes instanceof Uint8Array ? 1 : codes instanceof Uint16Array ? 2 : 4) * (wider ? 2 : 1);
  const out =
    width === 1 ? new Uint8Array(length) : width === 2 ? new Uint16Array(length) : new Uint32Array(length);
  out.set(codes.subarray(0, Math.min(codes.length, length)));
  return out;
};

/** One value per slot as a code into the distinct values met (a dictionary that only grows). */
class Column<T> {
  private lookup: Map<string, number> | null = null;
  constructor(
    private readonly keyOf: (value: T) => string,
    public codes: Codes,
    public values: T[],
  ) {}

  get(slot: number): T {
    return this.values[this.codes[slot]!]!;
  }

  resize(length: number): void {
    this.codes = copyOfCodes(this.codes, length);
  }

  set(slot: number, value: T): void {
    let lookup = this.lookup;
    if (!lookup) {
      // made on the first write (a load answers queries without it)
      lookup = new Map(this.values.map((v, i) => [this.keyOf(v), i]));
      this.lookup = lookup;
    }
    const key = this.keyOf(value);
    let code = lookup.get(key);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      lookup.set(key, code);
    }
    if (code > maxCode(this.codes)) this.codes = copyOfCodes(this.codes, this.codes.length, true);
    this.codes[slot] = code;
  }

  packed(size: number): PackedColumn<T> {
    return { codes: this.codes.slice(0, size), values: [...this.values] };
  }
}

const stringKey = (v: string) => v;
const nullableKey = (v: string | null) => (v === null ? '\u0000' : `\u0001${v}`);
const tagsKey = (v: readonly string[]) => JSON.stringify(v);
const numberKey = (v: number) => String(v);

export class SearchFacets {
  private state: Uint8Array;
  private readonly v: Column<Verdict>;
  private readonly k: Column<ClaimKind>;
  private readonly a: Column<string>;
  private readonly s: Column<string | null>;
  private readonly t: Column<readonly string[]>;
  private readonly c: Column<number>;

  constructor(saved?: PackedSearchFacets) {
    const size = saved?.size ?? 1024;
    this.state = saved ? saved.state.slice() : new Uint8Array(size);
    const column = <T>(keyOf: (v: T) => string, p: PackedColumn<T> | undefined, wide: boolean) =>
      new Column<T>(
        keyOf,
        p ? p.codes.slice() : wide ? new Uint16Array(size) : new Uint8Array(size),
        p ? [...p.values] : [],
      );
    this.v = column(stringKey, saved?.v, false) as Column<Verdict>;
    this.k = column(stringKey, saved?.k, false) as Column<ClaimKind>;
    this.a = column(stringKey, saved?.a, true);
    this.s = column(nullableKey, saved?.s, true);
    this.t = column(tagsKey, saved?.t, true);
    this.c = column(numberKey, saved?.c, true);
  }

  /** The values of a saved index, or null when they are missing or not in this form (filled again). */
  static load(saved: unknown): SearchFacets | null {
    const p = saved as Partial<PackedSearchFacets> | undefined;
    if (p?.format !== 1 || typeof p.size !== 'number' || !(p.state instanceof Uint8Array)) return null;
    const columns = [p.v, p.k, p.a, p.s, p.t, p.c];
    if (p.state.length !== p.size) return null;
    if (columns.some((col) => !col || col.codes.length !== p.size || !Array.isArray(col.values))) return null;
    // every live slot's codes name values (a damaged row would answer with undefined ones)
    const cols = columns as PackedColumn<unknown>[];
    for (let i = 0; i < p.size; i++) {
      const state = p.state[i]!;
      if (state !== LIVE_NO_SOURCE && state !== LIVE_SOURCED) continue;
      for (const col of cols) if (col.codes[i]! >= col.values.length) return null;
    }
    return new SearchFacets(p as PackedSearchFacets);
  }

  private ensure(slot: number): void {
    if (slot < this.state.length) return;
    let size = Math.max(this.state.length, 1024);
    while (size <= slot) size *= 2;
    const state = new Uint8Array(size);
    state.set(this.state);
    this.state = state;
    for (const col of this.columns()) col.resize(size);
  }

  private columns(): Column<unknown>[] {
    return [this.v, this.k, this.a, this.s, this.t, this.c] as Column<unknown>[];
  }

  /** The slot's values from its facet row; no row, or a tombstone's, keeps the hit out (as the row path). */
  set(slot: number, row: FacetView | undefined): void {
    this.ensure(slot);
    if (row?.live !== 1) {
      this.state[slot] = NOT_LIVE;
      return;
    }
    this.v.set(slot, row.v);
    this.k.set(slot, row.k);
    this.a.set(slot, row.a);
    this.s.set(slot, row.s);
    this.t.set(slot, row.t);
    this.c.set(slot, row.c);
    this.state[slot] = row.h === 1 ? LIVE_SOURCED : LIVE_NO_SOURCE;
  }

  /** Whether the slot's values are known (a saved index from before them is filled in the background). */
  known(slot: number): boolean {
    return slot < this.state.length && this.state[slot] !== UNKNOWN;
  }

  /** The slot's values; null when it has no live facet row; undefined when not known. */
  get(slot: number, id: string): HitValues | null | undefined {
    const state = slot < this.state.length ? this.state[slot]! : UNKNOWN;
    if (state === UNKNOWN) return undefined;
    if (state === NOT_LIVE) return null;
    return {
      id,
      articleId: this.a.get(slot),
      speakerId: this.s.get(slot),
      verdict: this.v.get(slot),
      kind: this.k.get(slot),
      tags: this.t.get(slot),
      checkworthy: { score: this.c.get(slot) },
      h: state === LIVE_SOURCED ? 1 : 0,
    };
  }

  /** Saved with the packed index: the slots up to `size` (the index's next short id). */
  packed(size: number): PackedSearchFacets {
    this.ensure(Math.max(0, size - 1));
    return {
      format: 1,
      size,
      state: this.state.slice(0, size),
      v: this.v.packed(size),
      k: this.k.packed(size),
      a: this.a.packed(size),
      s: this.s.packed(size),
      t: this.t.packed(size),
      c: this.c.packed(size),
    };
  }
}
