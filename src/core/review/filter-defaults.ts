/**
 * The claims table's filters as a value: their shape and their defaults. Their own module so the
 * first load (the query keys of `db/claim-filter-key.ts`) does not carry the URL parsing and the
 * matching of `filters.ts`, which load with the Claims screen.
 */
import type { ClaimKind } from '../extract/types';
import type { Verdict } from '../model/types';

export const CLAIM_SORTS = ['article', 'updated', 'checkworthy', 'speaker', 'verdict'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];
export type SourceFilter = 'any' | 'with' | 'without';

/** What the claims table shows; lives in the URL so a view can be bookmarked. */
export type ClaimFilters = Readonly<{
  q: string;
  articleIds: readonly string[];
  speakerIds: readonly string[];
  verdicts: readonly Verdict[];
  tags: readonly string[];
  kinds: readonly ClaimKind[];
  source: SourceFilter;
  minCheckworthy: number | null;
  sort: ClaimSort;
  desc: boolean;
}>;

export const EMPTY_FILTERS: ClaimFilters = {
  q: '',
  articleIds: [],
  speakerIds: [],
  verdicts: [],
  tags: [],
  kinds: [],
  source: 'any',
  minCheckworthy: null,
  sort: 'article',
  desc: false,
};
