/**
 * Derived rows kept beside the claims (never replicated, rebuilt by `rebuildDerived`):
 *
 * - a **facet row** per claim (`claimFacets`, same id) with what every claims list filters and
 *   sorts on, and the claim's index keys `group ␁ sort ␁ sortKey ␁ id` for every group the claim is
 *   in (`*`, its article, speaker, verdict, kind, each tag, and `h=1` when it has a source) in the
 *   sorts kept for that group (`KEPT_SORTS`), ids packed (`compactId`) and numbers in base 36. A
 *   filtered, sorted page is one bounded range of those keys read in order (`*␁u␁` = every live
 *   claim by update time; `v=false␁u␁` = the false ones by update time; `keyLocation` says where);
 *   the other criteria are checked on the facet rows of the keys read.
 * - All of a claim's keys are on its one facet row (multi-entry index `f`, schema version 9). Version
 *   6 kept the keys a verdict or an update moves apart from the others, on a second row per claim
 *   (`claimKeys`), so that a verdict edit rewrote 5 keys instead of 10; but a row costs IndexedDB
 *   about as much as several index entries, and a first sync or an import wrote both rows for every
 *   claim (docs/PERFORMANCE.md, sync10). A tombstoned claim keeps its facet row with no index keys,
 *   so it is in no list.
 * - **summary rows** (`summaries`): counts per scope (`lib`, `a:<article>`, `s:<speaker>`,
 *   `t:<tag>`) of live claims by verdict, kind and has-source, and by each pair of those; the
 *   library's row also by check-worthiness points (`c:<0–100>`, schema version 10: `scorePoints`),
 *   so a minimum check-worthiness on the points scale is a sum of at most 101 counts, not a count of
 *   every index key at or above it.
 */

import type { ClaimKind } from '@/core/extract/types';
import type { Claim, Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import type { ClaimSort } from '@/core/review/filters';

export type SortCode = 'a' | 'u' | 'c' | 'n' | 'v';

export const SORT_CODE: Record<ClaimSort, SortCode> = {
  article: 'a',
  updated: 'u',
  checkworthy: 'c',
  speaker: 'n',
  verdict: 'v',
};

/** The kinds of group: `*` (every live claim), `a=` article, `s=` speaker, `v=` verdict, `k=` kind, `t=` tag, `h=` has a source. */
export type GroupKind = '*' | 'a' | 's' | 'v' | 'k' | 't' | 'h';
export const groupKind = (group: string): GroupKind => (group === '*' ? '*' : (group[0] as GroupKind));

/**
 * The sorts each kind of group is kept in. Every index key costs on every write of its row
 * (bench/idb-keys.ts: a fixed cost per entry and as much again per 50 characters): the whole
 * library in every sort the screens offer; the groups in article order (the default) and update
 * order, except kinds (article order only: a kind is a large share of the library, so a walk of `*`
 * in update order finds its claims quickly). Other combinations walk a kept order and check each row. An article's claims in
 * article order and a verdict's in article order are ranges of the `*` keys (`keyLocation`), so
 * they cost no key of their own.
 */
export const KEPT_SORTS: Readonly<Record<GroupKind, readonly SortCode[]>> = {
  '*': ['a', 'u', 'c', 'n', 'v'],
  a: ['a', 'u'],
  s: ['a', 'u'],
  v: ['a', 'u'],
  t: ['a', 'u'],
  // article order only (schema v14): an update-order key of this group would move with the claim's
  // links, and the hot keys (hot-keys.ts) are a function of the claim row alone
  h: ['a'],
  k: ['a'],
};
export const isKept = (group: string, code: SortCode): boolean => KEPT_SORTS[groupKind(group)].includes(code);

/** Whether a group's keys in this sort change with the verdict or the update time (schema v6–v8 kept those apart; bench/sync-browser.worker.ts measures that layout). */
export const isVolatile = (group: string, code: SortCode): boolean =>
  code === 'u' || code === 'v' || groupKind(group) === 'v';

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
  /** The claim's index keys (empty for a tombstone). */
  f: readonly string[];
}>;

export const SEP = '\u0001';
export const HIGH = '\uffff';

/** A number as a fixed-width base-36 string (sorts as the number while it fits the width). */
const b36 = (n: number, width: number) => Math.max(0, Math.round(n)).toString(36).padStart(width, '0');

export const scoreKey = (score: number): string => b36(score * 1_000_000, 4);

/**
 * A score's check-worthiness points (0–100): the hundredths its sort key (`scoreKey`) is at or
 * above, so the claims with `p` points are exactly the `*` keys in check-worthiness order from
 * `scoreKey(p / 100)` up to `scoreKey((p + 1) / 100)` (100: from `scoreKey(1)` up).
 */
export function scorePoints(score: number): number {
  const micro = Math.max(0, Math.round(score * 1_000_000));
  return Number.isFinite(micro) ? Math.min(100, Math.floor(micro / 10_000)) : 0;
}

/** The points a minimum check-worthiness is, when it is a whole number of points (else null: no kept count answers it). */
export function minimumPoints(min: number): number | null {
  const micro = Math.max(0, Math.round(min * 1_000_000));
  return Number.isFinite(micro) && micro % 10_000 === 0 && micro <= 1_000_000 ? micro / 10_000 : null;
}

/** The library summary's key of the live claims with `points` check-worthiness points. */
export const pointsKey = (points: number): string => `c:${points}`;

/** Packs hex digits 15 bits to a character (U+0100 to U+80FF: no separator, no surrogate), in order. */
function packHex(hex: string): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < hex.length; i++) {
    acc = (acc << 4) | Number.parseInt(hex[i]!, 16);
    bits += 4;
    if (bits >= 15) {
      bits -= 15;
      out += String.fromCharCode(0x100 + (acc >> bits));
      acc &= (1 << bits) - 1;
    }
  }
  if (bits > 0) out += String.fromCharCode(0x100 + (acc << (15 - bits)));
  return out;
}

/** A small memo (pure functions of a string): cleared whole when full, so it never grows without bound. */
function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= 4_096) memo.clear();
  memo.set(key, value);
}

const packedIds = new Map<string, string>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HASHED = /^(art|spk)-[0-9a-f]{32}$/;

/**
 * A row id as it appears inside index keys: a UUID or a content-derived id (`art-`/`spk-` and 32
 * hex digits) in 10 characters instead of 36, any other id as it is. One-to-one (each packed form
 * has its own first character, below any id's own), and in the ids' order within each form.
 * Index keys are stored as UTF-16, so every character costs the same whatever its code.
 */
export function compactId(id: string): string {
  if (id.length !== 36) return id !== '' && id < ' ' ? `\u0005${id}` : id;
  // a batch names the same article and speakers claim after claim: each packed once
  let packed = packedIds.get(id);
  if (packed === undefined) {
    packed = UUID.test(id)
      ? `\u0002${packHex(id.replaceAll('-', ''))}`
      : HASHED.test(id)
        ? `${id[0] === 'a' ? '\u0003' : '\u0004'}${packHex(id.slice(4))}`
        : id !== '' && id < ' '
          ? `\u0005${id}`
          : id;
    remember(packedIds, id, packed);
  }
  return packed;
}

/** How a speaker's name sorts: case and accents folded. Unattributed claims sort last. */
export function speakerSortKey(name: string | null): string {
  if (name === null) return HIGH;
  let key = sortKeys.get(name);
  if (key === undefined) {
    key = name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/\p{Cc}/gu, ' ');
    remember(sortKeys, name, key);
  }
  return key;
}
const sortKeys = new Map<string, string>();

export const tagGroup = (tag: string): string => `t=${tag.toLowerCase()}`;
export const articleGroup = (id: string): string => `a=${compactId(id)}`;
export const speakerGroup = (id: string | null): string => `s=${compactId(id ?? '')}`;
export const verdictGroup = (verdict: Verdict): string => `v=${verdict}`;

export type Group = string;

/** The groups a claim is in: every list it can appear in, by one criterion. */
export function groupsOf(row: Pick<FacetRow, 'a' | 's' | 'v' | 'k' | 'h' | 't'>): Group[] {
  const groups = ['*', articleGroup(row.a), speakerGroup(row.s), verdictGroup(row.v), `k=${row.k}`];
  if (row.h === 1) groups.push('h=1');
  for (const tag of new Set(row.t.map((t) => t.toLowerCase()))) groups.push(`t=${tag}`);
  return groups;
}

/**
 * Where a group's keys in a sort are: the index keys are `prefix + tail`, the tail being the
 * claim's sort key and compact id (`tailOf`), and the group's keys are the tails from `lo` to
 * `hi`. Most groups own their keys (`group ␁ sort ␁`); an article in article order is the part of
 * `*␁a␁` that starts with its id, and a verdict in article order the part of `*␁v␁` (verdict, then
 * article order) of its verdict: those are `borrowed`, written by no one but `*`.
 */
export type KeyLocation = Readonly<{ prefix: string; lo: string; hi: string; borrowed: boolean }>;

const WHOLE = { lo: '', hi: `${HIGH}${HIGH}` };

export function keyLocation(group: Group, code: SortCode): KeyLocation {
  const kind = groupKind(group);
  if (kind === 'a' && code === 'a') {
    const article = `${group.slice(2)}${SEP}`;
    return { prefix: `*${SEP}a${SEP}`, lo: article, hi: `${article}${HIGH}`, borrowed: true };
  }
  if (kind === 'v' && code === 'a') {
    const rank = VERDICTS.indexOf(group.slice(2) as Verdict);
    return { prefix: `*${SEP}v${SEP}${rank}${SEP}`, ...WHOLE, borrowed: true };
  }
  return { prefix: `${group}${SEP}${code}${SEP}`, ...WHOLE, borrowed: false };
}

/** The part of a claim's index key after its group's prefix, in one sort (also the lists' cursor). */
export const tailOf = (row: Pick<FacetRow, 'id' | 'o'>, code: SortCode, id = compactId(row.id)): string =>
  `${row.o[code]}${SEP}${id}`;

/** The lower and upper bounds of one group's range in one sort. */
export const groupRange = (group: Group, code: SortCode): [string, string] => {
  const { prefix, lo, hi } = keyLocation(group, code);
  return [`${prefix}${lo}`, `${prefix}${hi}`];
};

/** A group's own key prefixes in its kept sorts (borrowed ones have none). */
const groupPrefixes = new Map<string, readonly (readonly [SortCode, string])[]>();

function prefixesOf(group: Group): readonly (readonly [SortCode, string])[] {
  let found = groupPrefixes.get(group);
  if (found === undefined) {
    found = KEPT_SORTS[groupKind(group)].flatMap((code) => {
      const { prefix, borrowed } = keyLocation(group, code);
      return borrowed ? [] : [[code, prefix] as const];
    });
    remember(groupPrefixes, group, found);
  }
  return found;
}

/** Which of a row's keys: all, only those a verdict edit or an update moves (`isVolatile`), or only the others. */
export type KeyPart = 'all' | 'hot' | 'cold';

/** The index keys of a row: for each of its groups, one key per sort kept for the group. */
export function keysOf(row: Omit<FacetRow, 'f'>, part: KeyPart = 'all'): string[] {
  const keys: string[] = [];
  if (!row.live) return keys;
  const id = `${SEP}${compactId(row.id)}`;
  for (const g of groupsOf(row))
    for (const [code, prefix] of prefixesOf(g))
      if (part === 'all' || isVolatile(g, code) === (part === 'hot'))
        keys.push(`${prefix}${row.o[code]}${id}`);
  return keys;
}

const withKeys = (row: Omit<FacetRow, 'f'>): FacetRow => ({ ...row, f: keysOf(row) });

/** A facet row without its sort and index keys: all the counts read of it (`CountDelta`). */
export type BaseFacet = Omit<FacetRow, 'o' | 'f'>;

/** The claim's facet row without its keys (`facetOf` is this and its keys), for counting only. */
export function baseFacetOf(claim: Claim, hasSource: boolean): BaseFacet {
  return {
    id: claim.id as string,
    live: claim.deletedAt === null ? 1 : 0,
    a: claim.articleId as string,
    s: (claim.speakerId as string | null) ?? null,
    v: claim.verdict,
    k: claim.kind,
    h: hasSource ? 1 : 0,
    t: [...claim.tags],
    c: claim.checkworthy.score,
  };
}

export function facetOf(claim: Claim, hasSource: boolean, speakerName: string | null): FacetRow {
  return withKeys(unkeyedFacetOf(claim, hasSource, speakerName));
}

/** `facetOf` without its index keys. */
export function unkeyedFacetOf(
  claim: Claim,
  hasSource: boolean,
  speakerName: string | null,
): Omit<FacetRow, 'f'> {
  const base = baseFacetOf(claim, hasSource);
  // compact sort keys (base 36, packed ids): every character of a key costs on every write
  const a = `${compactId(claim.articleId)}${SEP}${b36(claim.start, 7)}`;
  const o: Record<SortCode, string> = {
    a,
    u: updateSortKey(claim.updatedAt),
    c: scoreKey(claim.checkworthy.score),
    n: speakerSortKey(claim.speakerId === null ? null : (speakerName ?? '')),
    // verdict, then article order: a verdict's claims in article order are a range of these keys
    v: verdictSortKey(claim.verdict, a),
  };
  return { ...base, o };
}

/** The update-order sort key of a claim. */
export const updateSortKey = (updatedAt: number): string => b36(updatedAt, 9);

/** The verdict-order sort key: the verdict, then article order (a verdict's claims in article order are a range of these). */
export const verdictSortKey = (verdict: Verdict, articleOrder: string): string =>
  `${VERDICTS.indexOf(verdict)}${SEP}${articleOrder}`;

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
  const { f: _, ...rest } = row;
  return withKeys({ ...rest, h, o });
}

/** A summary row: counts of live claims in one scope. */
export type SummaryRow = Readonly<{ id: string; counts: Readonly<Record<string, number>> }>;

export const LIBRARY = 'lib';
export const articleScope = (id: string) => `a:${id}`;
export const speakerScope = (id: string) => `s:${id}`;
export const tagScope = (tag: string) => `t:${tag.toLowerCase()}`;

/** The count keys a live claim adds to in each of its scopes (before its tag, speaker or article keys). */
function countKeys(row: Pick<FacetRow, 'v' | 'k' | 'h'>): readonly string[] {
  const memo = `${row.v}\u0000${row.k}\u0000${row.h}`;
  let keys = countKeyLists.get(memo);
  if (keys === undefined) {
    keys = [
      `v:${row.v}`,
      `k:${row.k}`,
      `h:${row.h}`,
      `v:${row.v}|h:${row.h}`,
      `k:${row.k}|h:${row.h}`,
      `v:${row.v}|k:${row.k}`,
    ];
    remember(countKeyLists, memo, keys);
  }
  return keys;
}
const countKeyLists = new Map<string, readonly string[]>();

/** The count keys a live claim adds to, per scope. */
export function contributions(row: FacetRow): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!row.live) return out;
  const keys = countKeys(row);
  const tagKeys = [...new Set(row.t)].map((t) => `t:${t}`);
  out.set(LIBRARY, [...keys, pointsKey(scorePoints(row.c)), ...tagKeys]);
  out.set(articleScope(row.a), [...keys, ...(row.s === null ? [] : [`s:${row.s}`])]);
  if (row.s !== null) out.set(speakerScope(row.s), [...keys, `a:${row.a}`]);
  for (const tag of new Set(row.t.map((t) => t.toLowerCase()))) out.set(tagScope(tag), [...keys]);
  return out;
}

/** Accumulates count changes by scope and key. */
export class CountDelta {
  readonly byScope = new Map<string, Map<string, number>>();
  /** The same counts as `contributions(row)` gives, without building its lists (this runs for every claim written). */
  add(row: BaseFacet | undefined, sign: 1 | -1): void {
    if (!row?.live) return;
    const keys = countKeys(row);
    const lib = this.scope(LIBRARY);
    this.count(lib, keys, sign);
    // by check-worthiness in the library scope only: the screens' minimum is a library-wide filter
    this.bump(lib, pointsKey(scorePoints(row.c)), sign);
    for (const t of new Set(row.t)) this.bump(lib, `t:${t}`, sign);
    const article = this.scope(articleScope(row.a));
    this.count(article, keys, sign);
    if (row.s !== null) {
      this.bump(article, `s:${row.s}`, sign);
      const speaker = this.scope(speakerScope(row.s));
      this.count(speaker, keys, sign);
      this.bump(speaker, `a:${row.a}`, sign);
    }
    if (row.t.length > 0)
      for (const tag of new Set(row.t.map((t) => t.toLowerCase())))
        this.count(this.scope(tagScope(tag)), keys, sign);
  }
  private scope(scope: string): Map<string, number> {
    let counts = this.byScope.get(scope);
    if (counts === undefined) {
      counts = new Map<string, number>();
      this.byScope.set(scope, counts);
    }
    return counts;
  }
  private bump(counts: Map<string, number>, key: string, sign: number): void {
    counts.set(key, (counts.get(key) ?? 0) + sign);
  }
  private count(counts: Map<string, number>, keys: readonly string[], sign: number): void {
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + sign);
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
