/**
 * The one read model of every claims list (the Claims table, an article's or a speaker's claims,
 * compare, exports): pages read off the facet index (`derived/facets.ts`) in the order asked,
 * paged by key, with counts from the kept summaries. Nothing here sorts a whole match in memory;
 * only a text query's hits (at most SEARCH_LIMIT) are ordered after the search.
 */

import { Dexie } from 'dexie';
import type { Claim, ClaimId } from '@/core/model/types';
import {
  type ClaimFilters,
  claimMatchesFilters,
  EMPTY_FILTERS,
  type FilterableClaim,
} from '@/core/review/filters';
import { verdictNeedsSource } from '@/core/review/verdicts';
import { db } from './db';
import {
  articleScope,
  type FacetRow,
  facetKey,
  GROUP_SORTS,
  groupRange,
  keyTail,
  LIBRARY,
  readKey,
  SEP,
  SORT_CODE,
  type SortCode,
  type SummaryRow,
  scoreKey,
  speakerScope,
  tagScope,
} from './derived/facets';

/** A row of a claims list: the claim, how many live sources it has, and whether it is flagged. */
export type ClaimListItem = Claim &
  Readonly<{
    sourceCount: number;
    /** A rating verdict with no source: shown as needing attention. */
    flagged: boolean;
  }>;

/** Filters as the screens pass them (from the URL); anything left out is the default. */
export type ClaimListFilter = Partial<ClaimFilters>;

/**
 * Where a page starts: `after` a cursor from the previous page (`next`), or `offset` rows in
 * (a jump in a scrolled table: index keys are skipped, rows are not read). `limit` rows at most.
 */
export type ClaimPageRequest = Readonly<{ after?: string | null; offset?: number; limit?: number }>;
export type ClaimPage = Readonly<{ rows: ClaimListItem[]; next: string | null }>;

/** How many search hits a text query considers before the other filters and paging. */
export const SEARCH_LIMIT = 2_000;

export const fullFilters = (f: ClaimListFilter): ClaimFilters => ({ ...EMPTY_FILTERS, ...f });

/** A stable cache key: only the criteria that differ from the defaults. */
export function claimFilterKey(f: ClaimListFilter): Partial<ClaimFilters> {
  const full = fullFilters(f);
  return Object.fromEntries(
    Object.entries(full).filter(
      ([k, v]) => JSON.stringify(v) !== JSON.stringify(EMPTY_FILTERS[k as keyof ClaimFilters]),
    ),
  ) as Partial<ClaimFilters>;
}

// ---------------------------------------------------------------------------------------------
// Planning: which index ranges answer a filter

type CriterionKind = 'article' | 'speaker' | 'tag' | 'verdict' | 'kind' | 'source' | 'all';
type Criterion = Readonly<{ kind: CriterionKind; groups: string[]; size: number }>;

type Plan = Readonly<{
  /** The ordered range(s) walked: one criterion's groups (merged), or every live claim (`*`). */
  driver: Criterion;
  /** Article, speaker and tag criteria besides the driver: checked against their ids. */
  sets: readonly Criterion[];
  code: SortCode;
  desc: boolean;
  /** Lower bound of the sort key when the check-worthiness sort meets a minimum. */
  minKey: string | null;
  /** Whether the driver alone answers the filter (no check per key). */
  exact: boolean;
  f: ClaimFilters;
}>;

async function summaryMap(scopes: readonly string[]): Promise<Map<string, SummaryRow | undefined>> {
  const rows = await db.summaries.bulkGet([...scopes]);
  return new Map(scopes.map((scope, i) => [scope, rows[i]]));
}

const sum = (row: SummaryRow | undefined, keys: readonly string[]) =>
  keys.reduce((n, k) => n + (row?.counts[k] ?? 0), 0);
const sizeOf = (row: SummaryRow | undefined) => sum(row, ['h:0', 'h:1']);

async function criteriaOf(f: ClaimFilters): Promise<Criterion[]> {
  const scopes = [
    LIBRARY,
    ...f.articleIds.map(articleScope),
    ...f.speakerIds.map(speakerScope),
    ...f.tags.map(tagScope),
  ];
  const rows = await summaryMap(scopes);
  const lib = rows.get(LIBRARY);
  const out: Criterion[] = [];
  if (f.articleIds.length)
    out.push({
      kind: 'article',
      groups: f.articleIds.map((id) => `a=${id}`),
      size: f.articleIds.reduce((n, id) => n + sizeOf(rows.get(articleScope(id))), 0),
    });
  if (f.speakerIds.length)
    out.push({
      kind: 'speaker',
      groups: f.speakerIds.map((id) => `s=${id}`),
      size: f.speakerIds.reduce((n, id) => n + sizeOf(rows.get(speakerScope(id))), 0),
    });
  for (const tag of f.tags)
    out.push({ kind: 'tag', groups: [`t=${tag.toLowerCase()}`], size: sizeOf(rows.get(tagScope(tag))) });
  if (f.verdicts.length)
    out.push({
      kind: 'verdict',
      groups: f.verdicts.map((v) => `v=${v}`),
      size: sum(
        lib,
        f.verdicts.map((v) => `v:${v}`),
      ),
    });
  if (f.kinds.length)
    out.push({
      kind: 'kind',
      groups: f.kinds.map((k) => `k=${k}`),
      size: sum(
        lib,
        f.kinds.map((k) => `k:${k}`),
      ),
    });
  if (f.source !== 'any') {
    const h = f.source === 'with' ? 1 : 0;
    out.push({ kind: 'source', groups: [`h=${h}`], size: sum(lib, [`h:${h}`]) });
  }
  return out;
}

const ALL: Criterion = { kind: 'all', groups: ['*'], size: Number.POSITIVE_INFINITY };
const byKeyFacts = (c: Criterion) => c.kind === 'verdict' || c.kind === 'kind' || c.kind === 'source';

async function plan(f: ClaimFilters): Promise<Plan> {
  const criteria = await criteriaOf(f);
  const code = SORT_CODE[f.sort];
  // groups are kept in article and update order; other sorts walk every live claim in that order
  const driver = GROUP_SORTS.includes(code)
    ? criteria.reduce<Criterion>((best, c) => (c.size < best.size ? c : best), ALL)
    : ALL;
  const others = criteria.filter((c) => c !== driver);
  const minKey = code === 'c' && f.minCheckworthy !== null ? scoreKey(f.minCheckworthy) : null;
  const exact = others.length === 0 && (f.minCheckworthy === null || minKey !== null);
  return { driver, sets: others.filter((c) => !byKeyFacts(c)), code, desc: f.desc, minKey, exact, f };
}

/** Bounds of one group's range, after a cursor tail (exclusive) if given. */
function bounds(p: Plan, group: string, after: string | null) {
  let [lo, hi] = groupRange(group, p.code);
  if (p.minKey !== null) lo = `${lo}${p.minKey}`;
  let loOpen = false;
  let hiOpen = false;
  if (after !== null) {
    if (p.desc) {
      hi = `${group}${after}`;
      hiOpen = true;
    } else {
      lo = `${group}${after}`;
      loOpen = true;
    }
  }
  return { lo, hi, loOpen, hiOpen };
}

function range(p: Plan, group: string, after: string | null) {
  const b = bounds(p, group, after);
  if (b.lo > b.hi) return null;
  const coll = db.claimFacets.where('f').between(b.lo, b.hi, !b.loOpen, !b.hiOpen);
  return p.desc ? coll.reverse() : coll;
}

/**
 * One batch read of the facet index, in a read transaction of its own: `getAllKeys` (primary keys
 * in index order) or `getAll` (rows). Dexie walks a multi-entry index with a cursor, and Chromium
 * pays one round trip per entry on a cursor (20,000 keys took 3 to 4 s on a loaded machine).
 */
function readIndex(kind: 'keys', range: IDBKeyRange, count?: number): Promise<string[]>;
function readIndex(kind: 'rows', range: IDBKeyRange, count?: number): Promise<FacetRow[]>;
function readIndex(kind: 'keys' | 'rows', range: IDBKeyRange, count?: number): Promise<unknown[]> {
  return db.transaction('r', db.claimFacets, () => {
    const idb = (Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction }).idbtrans;
    const index = idb.objectStore('claimFacets').index('f');
    const request = kind === 'keys' ? index.getAllKeys(range, count) : index.getAll(range, count);
    return new Promise<unknown[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  });
}

/** The ids in a criterion's groups (primary keys read in one batch per group, no cursor). */
async function idsOf(c: Criterion): Promise<Set<string>> {
  const parts = await Promise.all(
    c.groups.map((g) => {
      const [lo, hi] = groupRange(g, 'a');
      return readIndex('keys', IDBKeyRange.bound(lo, hi));
    }),
  );
  return new Set(parts.flat() as string[]);
}

/** Index keys of one group, in order, read in growing batches. */
class GroupStream {
  private buf: string[] = [];
  private pos = 0;
  private done = false;
  private after: string | null;
  private skip: number;
  constructor(
    private readonly p: Plan,
    readonly group: string,
    after: string | null,
    private batch: number,
    skip = 0,
  ) {
    this.after = after;
    this.skip = skip;
  }
  async peek(): Promise<string | undefined> {
    if (this.pos < this.buf.length) return this.buf[this.pos];
    if (this.done) return undefined;
    const keys = await this.read();
    this.skip = 0;
    this.buf = keys;
    this.pos = 0;
    if (keys.length < this.batch) this.done = true;
    if (keys.length > 0) this.after = keys.at(-1)!.slice(this.group.length);
    this.batch = Math.min(this.batch * 4, 5_000);
    return this.buf[0];
  }
  take(): string {
    return this.buf[this.pos++]!;
  }
  /** The next batch of keys: ascending as one batch of rows, descending on a cursor. */
  private async read(): Promise<string[]> {
    if (this.p.desc) {
      const coll = range(this.p, this.group, this.after);
      return coll ? ((await coll.offset(this.skip).limit(this.batch).keys()) as string[]) : [];
    }
    const b = bounds(this.p, this.group, this.after);
    if (b.lo > b.hi) return [];
    const rows = await readIndex(
      'rows',
      IDBKeyRange.bound(b.lo, b.hi, b.loOpen, b.hiOpen),
      this.skip + this.batch,
    );
    return rows
      .slice(this.skip)
      .map((r) => facetKey(this.group, this.p.code, r.o[this.p.code], r.id, keyTail(r)));
  }
}

/** The next key across the streams in the plan's order (a merge of ordered ranges, not a sort). */
async function nextKey(
  p: Plan,
  streams: readonly GroupStream[],
): Promise<{ key: string; group: string } | null> {
  const heads = await Promise.all(streams.map((s) => s.peek()));
  let best = -1;
  let bestTail = '';
  heads.forEach((key, i) => {
    if (key === undefined) return;
    const tail = key.slice(streams[i]!.group.length);
    if (best === -1 || (p.desc ? tail > bestTail : tail < bestTail)) {
      best = i;
      bestTail = tail;
    }
  });
  if (best === -1) return null;
  return { key: streams[best]!.take(), group: streams[best]!.group };
}

const filterable = (row: FacetRow): FilterableClaim => ({
  id: row.id,
  articleId: row.a,
  speakerId: row.s,
  verdict: row.v,
  tags: row.t,
  kind: row.k,
  checkworthy: { score: row.c },
});

/** A check of one key: its facts (verdict, kind, has-source, score) and the other criteria's ids. */
async function keyCheck(p: Plan): Promise<(key: string, group: string) => boolean> {
  if (p.exact) return () => true;
  const sets = await Promise.all(p.sets.map(idsOf));
  const f: ClaimFilters = { ...p.f, q: '', articleIds: [], speakerIds: [], tags: [] };
  return (key, group) => {
    const k = readKey(key, group.length);
    return (
      sets.every((s) => s.has(k.id)) &&
      claimMatchesFilters(
        {
          id: k.id,
          articleId: '',
          speakerId: null,
          verdict: k.v,
          tags: [],
          kind: k.k,
          checkworthy: { score: k.c },
        },
        f,
        () => k.h === 1,
      )
    );
  };
}

/** Up to `limit` matching ids in order after `after` (skipping `offset` matches first), and the cursor. */
async function walk(
  p: Plan,
  { after = null, offset = 0, limit }: { after?: string | null; offset?: number; limit: number },
): Promise<{ ids: string[]; next: string | null }> {
  const single = p.driver.groups.length === 1 && p.exact;
  const batch = p.exact ? limit + 1 : Math.max(200, limit * 4);
  const streams = p.driver.groups.map(
    (g) => new GroupStream(p, g, after, single ? limit + 1 : batch, single ? offset : 0),
  );
  let skip = single ? 0 : offset;
  const check = await keyCheck(p);
  const ids: string[] = [];
  let lastTail: string | null = null;
  for (;;) {
    const next = await nextKey(p, streams);
    if (!next) return { ids, next: null };
    if (!check(next.key, next.group)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    if (ids.length === limit) return { ids, next: lastTail };
    ids.push(readKey(next.key, next.group.length).id);
    lastTail = next.key.slice(next.group.length);
  }
}

// ---------------------------------------------------------------------------------------------
// Text queries: the search hits, filtered and (unless relevance order) ordered

async function searchedIds(f: ClaimFilters): Promise<string[]> {
  const { searchClaims } = await import('./search'); // loaded with the first text query
  const hits = await searchClaims(f.q, SEARCH_LIMIT);
  const rows = await db.claimFacets.bulkGet(hits.map((h) => h.id));
  const g: ClaimFilters = { ...f, q: '' };
  const live = rows.filter(
    (r): r is FacetRow =>
      r !== undefined && r.live === 1 && claimMatchesFilters(filterable(r), g, () => r.h === 1),
  );
  if (f.sort === 'article' && !f.desc) return live.map((r) => r.id);
  const code = SORT_CODE[f.sort];
  const key = (r: FacetRow) => `${r.o[code]}${SEP}${r.id}`;
  const sorted = live.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return (f.desc ? sorted.reverse() : sorted).map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// The read model's functions

/** The ids of one page of the live claims matching `filter`, in its order, and the next cursor. */
export async function claimIdsPage(
  filter: ClaimListFilter = {},
  { after = null, offset = 0, limit = 100 }: ClaimPageRequest = {},
): Promise<{ ids: ClaimId[]; next: string | null }> {
  const f = fullFilters(filter);
  if (f.q.trim() !== '') {
    const all = await searchedIds(f);
    const start = after !== null ? Number(after.slice(1)) : offset;
    const ids = all.slice(start, start + limit);
    return { ids: ids as ClaimId[], next: start + limit < all.length ? `#${start + limit}` : null };
  }
  const { ids, next } = await walk(await plan(f), { after, offset, limit });
  return { ids: ids as ClaimId[], next };
}

/** One page of rows (with source counts and flags) of the live claims matching `filter`. */
export async function listClaimPage(
  filter: ClaimListFilter = {},
  page: ClaimPageRequest = {},
): Promise<ClaimPage> {
  const { ids, next } = await claimIdsPage(filter, page);
  return { rows: await claimRows(ids), next };
}

/** A page of rows, for callers that only page by offset. */
export async function listClaims(
  filter: ClaimListFilter = {},
  page: ClaimPageRequest = {},
): Promise<ClaimListItem[]> {
  return (await listClaimPage(filter, page)).rows;
}

/**
 * Every page of a filtered view, in its order (an export of the current view, compare): reads
 * one page at a time by key, so memory holds one page.
 */
export async function* iterateClaimRows(
  filter: ClaimListFilter = {},
  { pageSize = 500 }: Readonly<{ pageSize?: number }> = {},
): AsyncGenerator<ClaimListItem[]> {
  let after: string | null = null;
  for (;;) {
    const page = await listClaimPage(filter, { after, limit: pageSize });
    if (page.rows.length > 0) yield page.rows;
    if (page.next === null) return;
    after = page.next;
  }
}

/**
 * The ordered ids of every live claim matching `filter` (the table's scroll height, shift-click
 * ranges and "select all matching"): the primary keys of one index range in the order asked (read
 * in one batch, no cursor), kept when they are in every other criterion's ids.
 */
export async function matchingClaimIds(filter: ClaimListFilter = {}): Promise<ClaimId[]> {
  const f = fullFilters(filter);
  if (f.q.trim() !== '') return (await searchedIds(f)) as ClaimId[];
  const criteria = await criteriaOf(f);
  const code = SORT_CODE[f.sort];
  const single = criteria.filter((c) => c.groups.length === 1);
  const driver = GROUP_SORTS.includes(code)
    ? single.reduce<Criterion>((best, c) => (c.size < best.size ? c : best), ALL)
    : ALL;
  const p: Plan = {
    driver,
    sets: [],
    code,
    desc: f.desc,
    minKey: code === 'c' && f.minCheckworthy !== null ? scoreKey(f.minCheckworthy) : null,
    exact: false,
    f,
  };
  const b = bounds(p, driver.groups[0]!, null);
  // "no source" is everything but the (few) claims with a source
  const without = f.source === 'without' && driver.kind !== 'source';
  const kept = criteria.filter((c) => c !== driver && !(without && c.kind === 'source'));
  const [ordered, sourced, atLeast, ...sets] = await Promise.all([
    b.lo > b.hi
      ? Promise.resolve([] as string[])
      : readIndex('keys', IDBKeyRange.bound(b.lo, b.hi)).then((ids) => (f.desc ? ids.reverse() : ids)),
    without ? idsOf({ kind: 'source', groups: ['h=1'], size: 0 }) : null,
    f.minCheckworthy !== null && p.minKey === null ? idsAtLeast(f.minCheckworthy) : null,
    ...kept.map(idsOf),
  ]);
  return ordered.filter(
    (id) => !sourced?.has(id) && (atLeast === null || atLeast.has(id)) && sets.every((s) => s?.has(id)),
  ) as ClaimId[];
}

/** The ids with a check-worthiness score of at least `min` (one range of the `*` sort). */
async function idsAtLeast(min: number): Promise<Set<string>> {
  const [lo, hi] = groupRange('*', 'c');
  return new Set(await readIndex('keys', IDBKeyRange.bound(`${lo}${scoreKey(min)}`, hi)));
}

/** Counts answered by the summaries: one scope criterion and at most two of verdict, kind, source. */
function countFromSummaries(f: ClaimFilters, rows: Map<string, SummaryRow | undefined>): number | null {
  const scoped = [f.articleIds.length > 0, f.speakerIds.length > 0, f.tags.length > 0].filter(Boolean).length;
  if (scoped > 1 || f.tags.length > 1 || f.minCheckworthy !== null) return null;
  const dims: [string, readonly string[]][] = [];
  if (f.verdicts.length) dims.push(['v', f.verdicts]);
  if (f.kinds.length) dims.push(['k', f.kinds]);
  if (f.source !== 'any') dims.push(['h', [f.source === 'with' ? '1' : '0']]);
  if (dims.length > 2) return null;
  const scopes = f.articleIds.length
    ? f.articleIds.map(articleScope)
    : f.speakerIds.length
      ? f.speakerIds.map(speakerScope)
      : f.tags.length
        ? [tagScope(f.tags[0]!)]
        : [LIBRARY];
  let keys: string[];
  if (dims.length === 0) keys = ['h:0', 'h:1'];
  else if (dims.length === 1) keys = dims[0]![1].map((v) => `${dims[0]![0]}:${v}`);
  else {
    const [[a, av], [b, bv]] = dims as [[string, readonly string[]], [string, readonly string[]]];
    keys = av.flatMap((x) => bv.map((y) => `${a}:${x}|${b}:${y}`));
  }
  return scopes.reduce((n, scope) => n + sum(rows.get(scope), keys), 0);
}

/** How many live claims match `filter`: from the summaries when they answer it, else the index keys. */
export async function countClaims(filter: ClaimListFilter = {}): Promise<number> {
  const f = fullFilters(filter);
  if (f.q.trim() !== '') return (await searchedIds(f)).length;
  const scopes = [
    LIBRARY,
    ...f.articleIds.map(articleScope),
    ...f.speakerIds.map(speakerScope),
    ...f.tags.slice(0, 1).map(tagScope),
  ];
  const rows = await summaryMap(scopes);
  return countFromSummaries(f, rows) ?? (await matchingClaimIds(f)).length;
}

/** The rows of these ids (live ones, in the same order), with live source counts and the flag. */
export async function claimRows(ids: readonly ClaimId[]): Promise<ClaimListItem[]> {
  if (ids.length === 0) return [];
  return db.transaction('r', [db.claims, db.evidence], async () => {
    const [claims, evidence] = await Promise.all([
      db.claims.bulkGet([...ids]),
      db.evidence
        .where('claimId')
        .anyOf([...ids])
        .toArray(),
    ]);
    const counts = new Map<string, number>();
    for (const e of evidence)
      if (e.deletedAt === null) counts.set(e.claimId, (counts.get(e.claimId) ?? 0) + 1);
    return claims
      .filter((c): c is Claim => c !== undefined && c.deletedAt === null)
      .map((c) => {
        const sourceCount = counts.get(c.id) ?? 0;
        return { ...c, sourceCount, flagged: verdictNeedsSource(c.verdict) && sourceCount === 0 };
      });
  });
}

/** How many of these claims have no live source (a rating verdict on them asks first). */
export async function countWithoutSource(ids: readonly ClaimId[]): Promise<number> {
  const rows = await db.claimFacets.bulkGet([...ids]);
  return rows.filter((r) => r === undefined || r.h === 0).length;
}
