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

/** Claim ids best match first; an empty query finds nothing. */
export function searchClaimIndex(index: ClaimIndex, query: string, limit = 500): ClaimSearchHit[] {
  if (query.trim() === '') return [];
  return index
    .search(query)
    .slice(0, limit)
    .map((r) => ({ id: String(r.id), score: r.score }));
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
