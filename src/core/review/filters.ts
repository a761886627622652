import type { ClaimKind } from '../extract/types';
import type { Verdict } from '../model/types';
import { CLAIM_SORTS, type ClaimFilters, type ClaimSort } from './filter-defaults';
import { isVerdict } from './verdicts';

export {
  CLAIM_SORTS,
  type ClaimFilters,
  type ClaimSort,
  EMPTY_FILTERS,
  type SourceFilter,
} from './filter-defaults';

const KINDS: readonly ClaimKind[] = ['direct', 'indirect', 'mixed', 'headline', 'unattributed'];
const isKind = (v: string): v is ClaimKind => (KINDS as readonly string[]).includes(v);
const isSort = (v: string): v is ClaimSort => (CLAIM_SORTS as readonly string[]).includes(v);

/** Reads filters from URL query pairs; unknown keys and bad values are dropped, never thrown on. */
export function filtersFromParams(pairs: Iterable<readonly [string, string]>): ClaimFilters {
  const all = new Map<string, string[]>();
  for (const [k, v] of pairs) all.set(k, [...(all.get(k) ?? []), v]);
  const list = (k: string) => [...new Set((all.get(k) ?? []).map((v) => v.trim()).filter(Boolean))];
  const one = (k: string) => all.get(k)?.at(-1)?.trim() ?? '';
  const min = Number.parseFloat(one('min'));
  const sort = one('sort');
  const source = one('source');
  return {
    q: one('q'),
    articleIds: list('article'),
    speakerIds: list('speaker'),
    verdicts: list('verdict').filter(isVerdict),
    tags: list('tag'),
    kinds: list('kind').filter(isKind),
    source: source === 'with' || source === 'without' ? source : 'any',
    minCheckworthy: Number.isFinite(min) ? Math.min(1, Math.max(0, min)) : null,
    sort: isSort(sort) ? sort : 'article',
    desc: one('desc') === '1',
  };
}

/** The inverse of filtersFromParams, leaving defaults out so URLs stay short. */
export function filtersToParams(f: ClaimFilters): [string, string][] {
  const out: [string, string][] = [];
  if (f.q.trim()) out.push(['q', f.q.trim()]);
  for (const id of f.articleIds) out.push(['article', id]);
  for (const id of f.speakerIds) out.push(['speaker', id]);
  for (const v of f.verdicts) out.push(['verdict', v]);
  for (const t of f.tags) out.push(['tag', t]);
  for (const k of f.kinds) out.push(['kind', k]);
  if (f.source !== 'any') out.push(['source', f.source]);
  if (f.minCheckworthy !== null) out.push(['min', String(f.minCheckworthy)]);
  if (f.sort !== 'article') out.push(['sort', f.sort]);
  if (f.desc) out.push(['desc', '1']);
  return out;
}

export type FilterableClaim = Readonly<{
  id: string;
  articleId: string;
  speakerId: string | null;
  verdict: Verdict;
  tags: readonly string[];
  kind: ClaimKind;
  checkworthy: Readonly<{ score: number }>;
}>;

/** Everything but the text search, which a search index answers. */
export function claimMatchesFilters(
  claim: FilterableClaim,
  f: ClaimFilters,
  hasSource: (claimId: string) => boolean,
): boolean {
  if (f.articleIds.length && !f.articleIds.includes(claim.articleId)) return false;
  if (f.speakerIds.length && !(claim.speakerId && f.speakerIds.includes(claim.speakerId))) return false;
  if (f.verdicts.length && !f.verdicts.includes(claim.verdict)) return false;
  if (f.kinds.length && !f.kinds.includes(claim.kind)) return false;
  if (f.tags.length && !f.tags.every((t) => claim.tags.some((ct) => ct.toLowerCase() === t.toLowerCase())))
    return false;
  if (f.minCheckworthy !== null && claim.checkworthy.score < f.minCheckworthy) return false;
  if (f.source !== 'any' && hasSource(claim.id) !== (f.source === 'with')) return false;
  return true;
}

export const hasActiveFilters = (f: ClaimFilters): boolean =>
  filtersToParams({ ...f, sort: 'article', desc: false }).length > 0;
