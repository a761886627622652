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

/** MiniSearch's own query, before `search` makes a result object per match (minisearch pinned, 7.2.0). */
type Internals = {
  executeQuery: (query: string) => Map<number, { score: number; terms: readonly string[] }>;
  _documentIds: { get: (shortId: number) => unknown };
};

/**
 * Claim ids best match first; an empty query finds nothing. The same hits in the same order as
 * `index.search(query).slice(0, limit)`, but only the first `limit` are made into hits: `search`
 * makes an object per match, looks up every match's id and sorts them all (10,000 matches for a
 * common word at 100,000 claims, for the 100 a page shows).
 */
export function searchClaimIndex(index: ClaimIndex, query: string, limit = 500): ClaimSearchHit[] {
  if (query.trim() === '' || limit <= 0) return [];
  const mini = index as unknown as Internals;
  const raw = mini.executeQuery(query);
  const n = raw.size;
  const shortIds = new Float64Array(n);
  const scores = new Float64Array(n);
  let i = 0;
  for (const [shortId, { score, terms }] of raw) {
    shortIds[i] = shortId;
    scores[i] = score * (terms.length || 1); // as `search` scores: by the query terms matched
    i++;
  }
  // the `limit`-th best score: only matches at least as good can be among the first `limit`
  const threshold = n > limit ? scores.slice().sort()[n - limit]! : Number.NEGATIVE_INFINITY;
  const best: number[] = [];
  for (let k = 0; k < n; k++) if (scores[k]! >= threshold) best.push(k);
  // best first; equal scores in match order, as `search`'s stable sort leaves them
  best.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return best
    .slice(0, limit)
    .map((k) => ({ id: String(mini._documentIds.get(shortIds[k]!)), score: scores[k]! }));
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
