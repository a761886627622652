/**
 * Derived rows kept beside the claims (never replicated, rebuilt by `rebuildDerived`):
 *
 * - a **facet row** per claim (`claimFacets`, same id) with what every claims list filters and
 *   sorts on, and one multi-entry index `f` whose keys are `group ␁ sort ␁ sortKey ␁ id ␁ tail`
 *   (`tail`: verdict, kind, has-source and check-worthiness, so a walk over keys alone can apply
 *   those filters without reading rows): for every
 *   group the claim is in (`*`, its article, speaker, verdict, kind, has-source, each tag) in article
 *   and update order, and for `*` in every sort the screens offer. A filtered, sorted page is then one bounded range of that index read in
 *   order (`*␁u␁` = every live claim by update time; `v=false␁u␁` = the false ones by update time).
 *   A tombstoned claim keeps its facet row with no index keys, so it is in no list.
 * - **summary rows** (`summaries`): counts per scope (`lib`, `a:<article>`, `s:<speaker>`,
 *   `t:<tag>`) of live claims by verdict, kind and has-source, and by each pair of those.
 */

import type { ClaimKind } from '@/core/extract/types';
import type { Claim, Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import type { ClaimSort } from '@/core/review/filters';
import { CLAIM_KINDS } from '@/core/review/kinds';

export type SortCode = 'a' | 'u' | 'c' | 'n' | 'v';

export const SORT_CODE: Record<ClaimSort, SortCode> = {
  article: 'a',
  updated: 'u',
  checkworthy: 'c',
  speaker: 'n',
  verdict: 'v',
};
const SORT_CODES: readonly SortCode[] = ['a', 'u', 'c', 'n', 'v'];
/**
 * The sorts every group is kept in (article order, the default, and update time); the other sorts
 * are kept for the whole library (`*`) only, and a filtered list in them walks that order. Every
 * index key costs on every write: 5 sorts for every group doubled the cost of an import.
 */
export const GROUP_SORTS: readonly SortCode[] = ['a', 'u'];
const codesOf = (group: string) => (group === '*' ? SORT_CODES : GROUP_SORTS);

export type FacetRow = Readonly<{
  id: string;
  live: 0 | 1;
  a: string;
  s: string | null;
  v: Verdict;
  k: ClaimKind;
  /** 1 when the claim has at least one live link to a source. */
  h: 0 | 1;
  /** Tags as written (for counts) … */
  t: readonly string[];
  c: number;
  /** Sort keys by sort code. */
  o: Readonly<Record<SortCode, string>>;
  /** The index keys (empty for a tombstone). */
  f: readonly string[];
}>;

export const SEP = '\u0001';
export const HIGH = '\uffff';

const pad = (n: number, width: number) => String(Math.max(0, Math.round(n))).padStart(width, '0');

export const scoreKey = (score: number): string => pad(score * 1_000_000, 7);

/** How a speaker's name sorts: case and accents folded. Unattributed claims sort last. */
export const speakerSortKey = (name: string | null): string =>
  name === null
    ? HIGH
    : name
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/\p{Cc}/gu, ' ');

export const tagGroup = (tag: string): string => `t=${tag.toLowerCase()}`;

export type Group = string;

/** The groups a claim is in: every list it can appear in, by one criterion. */
export function groupsOf(row: Pick<FacetRow, 'a' | 's' | 'v' | 'k' | 'h' | 't'>): Group[] {
  const groups = ['*', `a=${row.a}`, `s=${row.s ?? ''}`, `v=${row.v}`, `k=${row.k}`, `h=${row.h}`];
  for (const tag of new Set(row.t.map((t) => t.toLowerCase()))) groups.push(`t=${tag}`);
  return groups;
}

/** What a key carries after the id: verdict (scale index), kind (index), has-source, score. */
export const keyTail = (row: Pick<FacetRow, 'v' | 'k' | 'h' | 'c'>): string =>
  `${VERDICTS.indexOf(row.v)}${CLAIM_KINDS.indexOf(row.k)}${row.h}${scoreKey(row.c)}`;

export type KeyFacts = Readonly<{ id: string; v: Verdict; k: ClaimKind; h: 0 | 1; c: number; tail: string }>;

/** The claim id and filterable facts in an index key (and the part after the group, for merging). */
export function readKey(key: string, groupLength: number): KeyFacts {
  const end = key.lastIndexOf(SEP);
  const start = key.lastIndexOf(SEP, end - 1);
  const facts = key.slice(end + 1);
  return {
    id: key.slice(start + 1, end),
    v: VERDICTS[Number(facts[0])]!,
    k: CLAIM_KINDS[Number(facts[1])]!,
    h: facts[2] === '1' ? 1 : 0,
    c: Number(facts.slice(3)) / 1_000_000,
    tail: key.slice(groupLength),
  };
}

export const facetKey = (group: Group, code: SortCode, sortKey: string, id: string, tail: string): string =>
  `${group}${SEP}${code}${SEP}${sortKey}${SEP}${id}${SEP}${tail}`;

/** The lower and upper bounds of one group's range in one sort. */
export const groupRange = (group: Group, code: SortCode): [string, string] => [
  `${group}${SEP}${code}${SEP}`,
  `${group}${SEP}${code}${SEP}${HIGH}`,
];

export function facetOf(claim: Claim, hasSource: boolean, speakerName: string | null): FacetRow {
  const live = claim.deletedAt === null;
  const base = {
    id: claim.id as string,
    live: (live ? 1 : 0) as 0 | 1,
    a: claim.articleId as string,
    s: (claim.speakerId as string | null) ?? null,
    v: claim.verdict,
    k: claim.kind,
    h: (hasSource ? 1 : 0) as 0 | 1,
    t: [...claim.tags],
    c: claim.checkworthy.score,
  };
  const o: Record<SortCode, string> = {
    a: `${claim.articleId}${SEP}${pad(claim.start, 10)}`,
    u: pad(claim.updatedAt, 15),
    c: scoreKey(claim.checkworthy.score),
    n: speakerSortKey(claim.speakerId === null ? null : (speakerName ?? '')),
    v: String(VERDICTS.indexOf(claim.verdict)),
  };
  const tail = keyTail(base);
  const f: string[] = [];
  if (live)
    for (const g of groupsOf(base))
      for (const code of codesOf(g)) f.push(facetKey(g, code, o[code], base.id, tail));
  return { ...base, o, f };
}

/** The same facet with another has-source flag or speaker name (evidence or a rename changed). */
export function refacet(
  row: FacetRow,
  patch: Readonly<{ h?: 0 | 1; speakerName?: string | null; sortKey?: string }>,
): FacetRow {
  if (patch.sortKey !== undefined && patch.sortKey === row.o.n && patch.h === undefined) return row;
  const h = patch.h ?? row.h;
  const o =
    patch.sortKey !== undefined
      ? { ...row.o, n: patch.sortKey }
      : patch.speakerName === undefined
        ? row.o
        : { ...row.o, n: speakerSortKey(row.s === null ? null : (patch.speakerName ?? '')) };
  const next = { ...row, h, o };
  const tail = keyTail(next);
  const f: string[] = [];
  if (row.live)
    for (const g of groupsOf(next))
      for (const code of codesOf(g)) f.push(facetKey(g, code, o[code], row.id, tail));
  return { ...next, f };
}

/** A summary row: counts of live claims in one scope. */
export type SummaryRow = Readonly<{ id: string; counts: Readonly<Record<string, number>> }>;

export const LIBRARY = 'lib';
export const articleScope = (id: string) => `a:${id}`;
export const speakerScope = (id: string) => `s:${id}`;
export const tagScope = (tag: string) => `t:${tag.toLowerCase()}`;

/** The count keys a live claim adds to, per scope. */
export function contributions(row: FacetRow): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!row.live) return out;
  const keys = [
    `v:${row.v}`,
    `k:${row.k}`,
    `h:${row.h}`,
    `v:${row.v}|h:${row.h}`,
    `k:${row.k}|h:${row.h}`,
    `v:${row.v}|k:${row.k}`,
  ];
  const tagKeys = [...new Set(row.t)].map((t) => `t:${t}`);
  out.set(LIBRARY, [...keys, ...tagKeys]);
  out.set(articleScope(row.a), [...keys, ...(row.s === null ? [] : [`s:${row.s}`])]);
  if (row.s !== null) out.set(speakerScope(row.s), [...keys, `a:${row.a}`]);
  for (const tag of new Set(row.t.map((t) => t.toLowerCase()))) out.set(tagScope(tag), keys);
  return out;
}

/** Accumulates count changes by scope and key. */
export class CountDelta {
  readonly byScope = new Map<string, Map<string, number>>();
  add(row: FacetRow | undefined, sign: 1 | -1): void {
    if (!row) return;
    for (const [scope, keys] of contributions(row)) {
      const counts = this.byScope.get(scope) ?? new Map<string, number>();
      this.byScope.set(scope, counts);
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + sign);
    }
  }
  /** Scopes with a non-zero change. */
  changed(): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    for (const [scope, counts] of this.byScope) {
      const nonZero = new Map([...counts].filter(([, n]) => n !== 0));
      if (nonZero.size > 0) out.set(scope, nonZero);
    }
    return out;
  }
}

export function applyDelta(row: SummaryRow | undefined, id: string, delta: Map<string, number>): SummaryRow {
  const counts: Record<string, number> = { ...(row?.counts ?? {}) };
  for (const [key, n] of delta) {
    const next = (counts[key] ?? 0) + n;
    if (next === 0) delete counts[key];
    else counts[key] = next;
  }
  return { id, counts };
}
