/**
 * Full-text search over claims (MiniSearch): claim text, speaker name and aliases, the titles of the
 * sources linked to the claim, its notes and rating note, and its tags. Pure: documents in, ranked
 * claim ids out; the data layer keeps the index up to date.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';

export type ClaimSearchDoc = Readonly<{
  id: string;
  text: string;
  /** Speaker name and aliases. */
  speaker: string;
  /** Titles (and publishers) of the linked sources. */
  sources: string;
  /** Notes and rating note. */
  notes: string;
  tags: string;
}>;

export type ClaimSearchHit = Readonly<{ id: string; score: number }>;

export type ClaimIndex = MiniSearch<ClaimSearchDoc>;

const FIELDS = ['text', 'speaker', 'sources', 'notes', 'tags'] as const;

/** Lower case without accents, so "Bíllings" finds "Billings". */
export function foldTerm(term: string): string | null {
  const folded = term
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return folded === '' ? null : folded;
}

const SEARCH_OPTIONS: SearchOptions = {
  // the word being typed (the last) matches as a prefix; earlier words are whole
  prefix: (_term, i, terms) => i === terms.length - 1,
  // typos forgiven from five letters on (one edit), not on short words where they would match anything
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  boost: { text: 2, speaker: 1.5, tags: 1.5 },
  combineWith: 'AND',
};

/** The options every claim index is made and loaded with. */
export const claimIndexOptions = () => ({
  fields: [...FIELDS],
  storeFields: [],
  processTerm: foldTerm,
  searchOptions: SEARCH_OPTIONS,
});

export function createClaimIndex(docs: readonly ClaimSearchDoc[] = []): ClaimIndex {
  const index = new MiniSearch<ClaimSearchDoc>(claimIndexOptions());
  index.addAll(docs);
  return index;
}

/** An index saved with `JSON.stringify(index)`, loaded with the same options. */
export function loadClaimIndex(json: string): ClaimIndex {
  return MiniSearch.loadJSON<ClaimSearchDoc>(json, claimIndexOptions());
}

/** Adds the document, or replaces the one with the same id. */
export function upsertClaimDoc(index: ClaimIndex, doc: ClaimSearchDoc): void {
  if (index.has(doc.id)) index.replace(doc);
  else index.add(doc);
}

export function removeClaimDoc(index: ClaimIndex, id: string): void {
  if (index.has(id)) index.discard(id);
}

type Postings = Map<number, number>;
type FieldTermData = Map<number, Postings>;

/**
 * Postings decoded into reusable arrays: document short ids and term frequencies, `n` of each.
 * A packed index (packed-index.ts) fills one straight from its bytes, so a query reads a term it
 * never touched before without making MiniSearch's Map per field and entry per posting for it.
 */
export class PostingBuffer {
  docs = new Float64Array(1024);
  freqs = new Float64Array(1024);
  /** Room for `n` postings (the contents are not kept). */
  reserve(n: number): void {
    if (n <= this.docs.length) return;
    let size = this.docs.length;
    while (size < n) size *= 2;
    this.docs = new Float64Array(size);
    this.freqs = new Float64Array(size);
  }
}

/** A term's data that can still be read packed (packed-index.ts's `LazyTermData`). */
export type PackedTermData = FieldTermData & {
  /**
   * The term's postings in `fieldId` into `out`, in the order its Map would list them, and how
   * many: 0 when the field has none, -1 when the term is no longer packed (read the Map).
   */
  readPostings(fieldId: number, out: PostingBuffer): number;
};

/** Document field lengths that can be read without a copy per document (packed-index.ts). */
export type PackedFieldLengths = Map<number, ArrayLike<number>> & {
  /** A document's length in `fieldId`, what `get(shortId)[fieldId]` reads (asked only of documents in the index). */
  lengthOf(shortId: number, fieldId: number): number;
};

const isPackedTerm = (data: FieldTermData): data is PackedTermData =>
  typeof (data as Partial<PackedTermData>).readPostings === 'function';

/** The parts of MiniSearch (pinned, 7.2.0) its `executeQuery` reads, read here the same way. */
type Internals = {
  _options: {
    fields: string[];
    tokenize: (text: string) => string[];
    processTerm: (term: string) => string | string[] | null | undefined | false;
    searchOptions: SearchOptions & {
      maxFuzzy: number;
      weights: { fuzzy: number; prefix: number };
      bm25: { k: number; b: number; d: number };
    };
  };
  _index: {
    get: (term: string) => FieldTermData | undefined;
    atPrefix: (prefix: string) => Iterable<[string, FieldTermData]>;
    fuzzyGet: (term: string, maxDistance: number) => Map<string, [FieldTermData, number]>;
  };
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _documentIds: {
    has: (shortId: number) => boolean;
    get: (shortId: number) => unknown;
    /** A packed index's (packed-index.ts): the ids of many short ids read at once. */
    getMany?: (shortIds: readonly number[]) => unknown[];
  };
  _fieldLength: { get: (shortId: number) => ArrayLike<number> | undefined };
  removeTerm: (fieldId: number, shortId: number, term: string) => void;
};

type Spec = { term: string; fuzzy: boolean | number; prefix: boolean; termBoost: number };

/**
 * Match scores by short id, and the order matches were first met (MiniSearch's result Map's
 * order): typed arrays indexed by short id in place of a Map entry per match.
 */
class Scores {
  readonly score: Float64Array;
  readonly seen: Uint8Array;
  readonly order: Int32Array;
  size = 0;

  constructor(ids: number) {
    this.score = new Float64Array(ids);
    this.seen = new Uint8Array(ids);
    // every match once at most, so never more than `ids`: no growing (its branch, met for the first
    // time in optimized code, threw that code away)
    this.order = new Int32Array(ids);
  }

  /** Adds `value` to the match's score (`before + value`, as MiniSearch sums), a new match last. */
  add(shortId: number, value: number): void {
    if (this.seen[shortId] === 1) {
      this.score[shortId] = this.score[shortId]! + value;
      return;
    }
    this.seen[shortId] = 1;
    this.score[shortId] = value;
    this.order[this.size++] = shortId;
  }

  /** Empty again, for the next query: only the slots met are cleared, not the whole arrays. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.seen[this.order[i]!] = 0;
    this.size = 0;
  }
}

/**
 * Score arrays kept between queries (this thread's; a query holds three at most: the terms matched
 * so far, the next term's, and what both keep). Each is about 1 MB at 100,000 claims: made new for
 * every term of every query, they were a quarter of a warm query's time in the garbage collector.
 */
const spareScores: Scores[] = [];

/** A cleared `Scores` for short ids below `ids`: a kept one when large enough, else a new one with room to grow. */
function takeScores(ids: number): Scores {
  const kept = spareScores.pop();
  if (kept && kept.seen.length >= ids) return kept;
  return new Scores(ids + (ids >> 3));
}

/** Gives a `Scores` back for the next query (cleared here). */
function giveBack(scores: Scores): void {
  scores.clear();
  if (spareScores.length < 3) spareScores.push(scores);
}

/** Shared by every query of this thread (a query runs to its end without yielding). */
const buffer = new PostingBuffer();

/**
 * MiniSearch's `termResults`, adding each match's score to `scores` instead of making an object
 * with its terms and fields per match. Same sums in the same order, so the same floating-point
 * scores; postings of removed documents dropped as it does. A term still packed is read from its
 * bytes when every document it lists is still in the index (else through its Map, which drops them).
 */
function addTermScores(
  m: Internals,
  derivedTerm: string,
  termWeight: number,
  termBoost: number,
  data: FieldTermData | undefined,
  boosts: readonly (readonly [string, number])[],
  scores: Scores,
): void {
  if (data == null) return;
  const { k, b, d } = m._options.searchOptions.bm25;
  const total = m._documentCount;
  // called as a method, not bound: a function bound anew for every call was a new call target each
  // time, and the optimized code that had inlined the last one was thrown away (a cold query's
  // second term ran unoptimized again)
  const packedLengths =
    typeof (m._fieldLength as Partial<PackedFieldLengths>).lengthOf === 'function'
      ? (m._fieldLength as PackedFieldLengths)
      : null;
  const lengthOf = (shortId: number, fieldId: number) =>
    packedLengths ? packedLengths.lengthOf(shortId, fieldId) : m._fieldLength.get(shortId)![fieldId]!;
  const packed = isPackedTerm(data) ? data : null;
  for (const [field, fieldBoost] of boosts) {
    const fieldId = m._fieldIds[field]!;
    const avgFieldLength = m._avgFieldLength[fieldId]!;
    const weight = termWeight * termBoost * fieldBoost * 1;
    if (packed) {
      const n = packed.readPostings(fieldId, buffer);
      if (n === 0) continue;
      if (n > 0 && allLive(m, buffer.docs, n)) {
        // every document listed is in the index: `matching` stays the number of postings
        const invDocFreq = Math.log(1 + (total - n + 0.5) / (n + 0.5));
        const bm25 = { k, b, d, invDocFreq, avgFieldLength, weight };
        addPackedScores(buffer, n, fieldId, bm25, packedLengths, m, scores);
        continue;
      }
    }
    const freqs = data.get(fieldId);
    if (freqs == null) continue;
    let matching = freqs.size;
    for (const shortId of freqs.keys()) {
      if (!m._documentIds.has(shortId)) {
        m.removeTerm(fieldId, shortId, derivedTerm);
        matching -= 1;
        continue;
      }
      const termFreq = freqs.get(shortId)!;
      const fieldLength = lengthOf(shortId, fieldId);
      const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
      const raw =
        invDocFreq *
        (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
      scores.add(shortId, weight * raw);
    }
  }
}

/** Whether every document listed in `docs[0..n)` is still in the index. */
function allLive(m: Internals, docs: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (!m._documentIds.has(docs[i]!)) return false;
  return true;
}

/**
 * The scores of a term's `n` packed postings in `fieldId` (every document listed still in the
 * index), added: the loop a query spends its time in, a function of its own so that it is optimized
 * after a few thousand postings, not with the rest of `addTermScores`. The same sums as MiniSearch's.
 */
function addPackedScores(
  { docs, freqs }: PostingBuffer,
  n: number,
  fieldId: number,
  bm25: Readonly<{
    k: number;
    b: number;
    d: number;
    invDocFreq: number;
    avgFieldLength: number;
    weight: number;
  }>,
  packedLengths: PackedFieldLengths | null,
  m: Internals,
  scores: Scores,
): void {
  const { k, b, d, invDocFreq, avgFieldLength, weight } = bm25;
  for (let i = 0; i < n; i++) {
    const shortId = docs[i]!;
    const termFreq = freqs[i]!;
    const fieldLength = packedLengths
      ? packedLengths.lengthOf(shortId, fieldId)
      : m._fieldLength.get(shortId)![fieldId]!;
    const raw =
      invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
    scores.add(shortId, weight * raw);
  }
}

/** MiniSearch's `executeQuerySpec` (exact, then prefix, then fuzzy matches), as scores only. */
function specScores(m: Internals, spec: Spec): Scores {
  const options = m._options.searchOptions;
  const boosts = m._options.fields.map(
    (field) => [field, (Object.hasOwn(options.boost ?? {}, field) && options.boost?.[field]) || 1] as const,
  );
  const { fuzzy: fuzzyWeight, prefix: prefixWeight } = options.weights;
  const scores = takeScores(m._nextId);
  addTermScores(m, spec.term, 1, spec.termBoost, m._index.get(spec.term), boosts, scores);
  const prefixMatches = spec.prefix ? m._index.atPrefix(spec.term) : undefined;
  let fuzzyMatches: Map<string, [FieldTermData, number]> | undefined;
  if (spec.fuzzy) {
    const fuzzy = spec.fuzzy === true ? 0.2 : spec.fuzzy;
    const maxDistance = fuzzy < 1 ? Math.min(options.maxFuzzy, Math.round(spec.term.length * fuzzy)) : fuzzy;
    if (maxDistance) fuzzyMatches = m._index.fuzzyGet(spec.term, maxDistance);
  }
  if (prefixMatches) {
    for (const [term, data] of prefixMatches) {
      const distance = term.length - spec.term.length;
      if (!distance) continue;
      fuzzyMatches?.delete(term);
      const weight = (prefixWeight * term.length) / (term.length + 0.3 * distance);
      addTermScores(m, term, weight, spec.termBoost, data, boosts, scores);
    }
  }
  if (fuzzyMatches) {
    for (const term of fuzzyMatches.keys()) {
      const [data, distance] = fuzzyMatches.get(term)!;
      if (!distance) continue;
      const weight = (fuzzyWeight * term.length) / (term.length + distance);
      addTermScores(m, term, weight, spec.termBoost, data, boosts, scores);
    }
  }
  return scores;
}

/**
 * Every match's final score (by short id, in MiniSearch's result order), as `search` has it, or
 * null when the index's options are not the ones this reproduces (then `search` is used).
 */
function matchScores(m: Internals, query: string): Scores | null {
  const options = m._options.searchOptions;
  if (
    String(options.combineWith).toLowerCase() !== 'and' ||
    options.boostDocument != null ||
    options.boostTerm != null ||
    options.filter != null ||
    options.fields != null ||
    options.tokenize != null ||
    options.processTerm != null
  ) {
    return null;
  }
  const terms = m._options
    .tokenize(query)
    .flatMap((term) => m._options.processTerm(term))
    .filter((term): term is string => !!term);
  const specs: Spec[] = terms.map((term, i) => ({
    term,
    fuzzy: typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : options.fuzzy || false,
    prefix: typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true,
    termBoost: 1,
  }));
  if (specs.length === 0) return new Scores(0);
  // AND, as MiniSearch combines: each next term's matches, in its order, kept if every earlier matched
  let combined = specScores(m, specs[0]!);
  for (const spec of specs.slice(1)) {
    const next = specScores(m, spec);
    const kept = takeScores(m._nextId);
    for (let i = 0; i < next.size; i++) {
      const shortId = next.order[i]!;
      if (combined.seen[shortId] === 1) kept.add(shortId, combined.score[shortId]! + next.score[shortId]!);
    }
    giveBack(combined);
    giveBack(next);
    combined = kept;
  }
  // `search` multiplies by the number of distinct query terms a match matched: under AND, all of them
  const quality = new Set(terms).size || 1;
  for (let i = 0; i < combined.size; i++) {
    const shortId = combined.order[i]!;
    combined.score[shortId] = combined.score[shortId]! * quality;
  }
  return combined;
}

/**
 * Claim ids best match first; an empty query finds nothing. The same hits, scores and order as
 * `index.search(query).slice(0, limit)`, worked out without an object per match: `search` makes one
 * per match and per matched term (its terms and fields), looks up every match's id and sorts them
 * all (10,000 matches for a common word at 100,000 claims, for the 100 a page shows). Here a
 * match is a number in an array, and only the first `limit` are sorted and named.
 */
export function searchClaimIndex(index: ClaimIndex, query: string, limit = 500): ClaimSearchHit[] {
  return rankClaimIndex(index, query, limit).hits;
}

/**
 * `searchClaimIndex`'s hits and each one's short id (the index's number for the document, which
 * the search worker keeps the claims' filter values by).
 */
export function rankClaimIndex(
  index: ClaimIndex,
  query: string,
  limit = 500,
): { hits: ClaimSearchHit[]; shortIds: number[] } {
  if (query.trim() === '' || limit <= 0) return { hits: [], shortIds: [] };
  const m = index as unknown as Internals;
  const scored = matchScores(m, query);
  if (!scored) {
    const hits = index
      .search(query)
      .slice(0, limit)
      .map((r) => ({ id: String(r.id), score: r.score }));
    return { hits, shortIds: hits.map((h) => shortIdOf(index, h.id) ?? -1) };
  }
  const n = scored.size;
  const shortIds = scored.order;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = scored.score[shortIds[i]!]!;
  // the `limit`-th best score: only matches at least as good can be among the first `limit`
  const threshold = n > limit ? scores.slice().sort()[n - limit]! : Number.NEGATIVE_INFINITY;
  const best: number[] = [];
  for (let k = 0; k < n; k++) if (scores[k]! >= threshold) best.push(k);
  // best first; equal scores in match order, as `search`'s stable sort leaves them
  best.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const kept = best.slice(0, limit);
  const keptIds = kept.map((k) => shortIds[k]!);
  const documents = m._documentIds;
  const names = documents.getMany ? documents.getMany(keptIds) : keptIds.map((s) => documents.get(s));
  const ranked = {
    hits: kept.map((k, i) => ({ id: String(names[i]), score: scores[k]! })),
    shortIds: keptIds,
  };
  giveBack(scored);
  return ranked;
}

/** The short id the index gives its next document (one more than any given so far). */
export function nextShortId(index: ClaimIndex): number {
  return (index as unknown as { _nextId: number })._nextId;
}

/** The short id of a document in the index (MiniSearch gives a new one each time a document is replaced). */
export function shortIdOf(index: ClaimIndex, id: string): number | undefined {
  return (index as unknown as { _idToShortId: Map<string, number> })._idToShortId.get(id);
}

export type SearchableClaim = Readonly<{
  id: string;
  text: string;
  notes: string;
  ratingNote: string;
  tags: readonly string[];
}>;

/** The search document of a claim, given its speaker and its live linked sources. */
export function claimSearchDoc(
  claim: SearchableClaim,
  speaker: Readonly<{ name: string; aliases: readonly string[] }> | null,
  sources: readonly Readonly<{ title: string; publisher: string }>[],
): ClaimSearchDoc {
  return {
    id: claim.id,
    text: claim.text,
    speaker: speaker ? [speaker.name, ...speaker.aliases].join(' · ') : '',
    sources: sources.map((s) => `${s.title} ${s.publisher}`.trim()).join(' · '),
    notes: `${claim.notes}\n${claim.ratingNote}`.trim(),
    tags: claim.tags.join(' · '),
  };
}

/**
 * Queries of every shape a person types (a whole word, a short prefix, a typo, two words, a word and
 * a number), made of the index's own most frequent terms, for the search worker to run once when
 * idle after a start: a fresh thread's first queries run cold code (the posting loops not yet
 * optimized, the term-folding expressions not yet compiled) and took 3–6× a warm one's time.
 * Empty when the index has too few terms.
 */
export function warmUpQueries(index: ClaimIndex): string[] {
  const m = index as unknown as Internals & { _index: { keys: () => Iterable<string> } };
  const textField = m._fieldIds.text!;
  const buffer = new PostingBuffer();
  const postings = (term: string): number => {
    const data = m._index.get(term);
    if (!data) return 0;
    if (isPackedTerm(data)) {
      const n = data.readPostings(textField, buffer);
      if (n >= 0) return n;
    }
    return data.get(textField)?.size ?? 0;
  };
  // the most frequent words of six letters or more, and a number, among the first terms met
  const words: [string, number][] = [];
  let number: string | null = null;
  let seen = 0;
  for (const term of m._index.keys()) {
    if (++seen > 1_000) break;
    if (number === null && /^[0-9]{2,}$/.test(term)) number = term;
    if (/^\p{L}{6,}$/u.test(term)) words.push([term, postings(term)]);
  }
  words.sort((a, b) => b[1] - a[1]);
  const [a, b] = words.map(([t]) => t);
  if (!a || !b) return [];
  const typo = a.slice(0, -2) + a.slice(-1);
  return [a, a.slice(0, 4), typo, `${b} ${a.slice(0, 5)}`, ...(number ? [`${b} ${number.slice(0, 2)}`] : [])];
}
