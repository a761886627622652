/**
 * The one read model of every claims list (the Claims table, an article's or a speaker's claims,
 * compare, exports): pages read off the index keys (`derived/facets.ts`) in the order asked,
 * paged by key, with counts from the kept summaries. Nothing here sorts a whole match in memory;
 * only a text query's hits (at most SEARCH_LIMIT) are ordered after the search.
 *
 * Schema v14 keeps a group's keys in two places (`derived/hot-keys.ts`): those a verdict or an
 * update moves on the claim rows (`claims`, index `hk`), the others on the facet rows
 * (`claimFacets`, index `f`). A range is read from the one its (group, sort) is in, and a row read
 * is joined only to what the plan's check needs: a facet row to its claim for the verdict, a claim
 * to `claimSourced` for has-source.
 */

import type { ArticleId, Claim, ClaimId, Evidence, Speaker, SpeakerId, Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import {
  type ClaimFilters,
  claimMatchesFilters,
  EMPTY_FILTERS,
  type FilterableClaim,
} from '@/core/review/filters';
import { verdictNeedsSource } from '@/core/review/verdicts';
import { db, type TableName } from './db';
import type { ArticleHead } from './derived/article-heads';
import {
  articleGroup,
  articleScope,
  groupRange,
  isKept,
  isVolatile,
  keyLocation,
  LIBRARY,
  minimumPoints,
  pointsKey,
  SORT_CODE,
  type SortCode,
  type SummaryRow,
  scoreKey,
  speakerGroup,
  speakerScope,
  tagGroup,
  tagScope,
  tailOf,
  verdictGroup,
} from './derived/facets';
import {
  claimViewOf,
  type FacetView,
  HOT_KEYS,
  type StoredClaim,
  type StoredFacet,
  viewOf,
  withoutHotKeys,
} from './derived/hot-keys';
import type { HitValues } from './search-facets';

/**
 * A row as a list read it: a claim's facet view, less what the read did not join (`Needs`). A hot
 * row (a claim read off `hk`, which it keeps as `claim`) has has-source only when joined (else `h`
 * is null); a cold row (a
 * facet row) has its verdict and its update and verdict sort keys only when joined to its claim,
 * and nothing reads them otherwise.
 */
type ListRow = Omit<FacetView, 'h'> & Readonly<{ h: 0 | 1 | null; claim?: StoredClaim }>;

/**
 * What a read joins to the rows of its index: the verdict to a cold row, has-source to a hot one.
 * `joinIf`: a cold row read in a range is joined to its claim only when it passes the other
 * criteria (one that does not cannot match, whatever its verdict: it comes back not live).
 */
type Needs = Readonly<{
  verdict: boolean;
  source: boolean;
  joinIf?: (row: ListRow) => boolean;
  /** The has-source a row needs to match, when the filter asks for one ("with" or "no source"). */
  sourced?: 0 | 1;
  /** A cold row's check needs its claim's verdict and nothing but what the claim holds: the claim is read instead. */
  byClaim?: boolean;
}>;

/**
 * A page's ids in order, the cursor of the next page, and the rows the ids came from when the
 * walk read them (their article and speaker ids: the Claims table names them beside the claims).
 */
type IdsPage = Readonly<{
  ids: string[];
  next: string | null;
  refs?: readonly Pick<ListRow, 'id' | 'a' | 's' | 'h' | 'claim'>[];
}>;

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

// ---------------------------------------------------------------------------------------------
// Planning: which index ranges answer a filter

type CriterionKind = 'article' | 'speaker' | 'tag' | 'verdict' | 'kind' | 'source' | 'all';
type Criterion = Readonly<{ kind: CriterionKind; groups: string[]; size: number }>;

type Plan = Readonly<{
  /** The ordered range(s) walked: one criterion's groups (merged), or every live claim (`*`). */
  driver: Criterion;
  code: SortCode;
  desc: boolean;
  /** Lower bound of the sort key when the check-worthiness sort meets a minimum. */
  minKey: string | null;
  /** Whether the driver alone answers the filter (no check per row). */
  exact: boolean;
  /** What the check per row reads beyond the index's own rows. */
  needs: Needs;
  /** Article, speaker and tag criteria besides the driver (checked by id before rows are read). */
  sets: readonly Criterion[];
  /**
   * How many claims match and how many entries the driver's range holds, when the summaries say
   * (a walk then reads about as many keys as it needs in one batch, not in growing rounds).
   */
  matches: number | null;
  driverSize: number;
  f: ClaimFilters;
  /** The summary rows of the filter's scopes (the library's, and each article's, speaker's, tag's). */
  summaries: ReadonlyMap<string, SummaryRow | undefined>;
}>;

async function summaryMap(scopes: readonly string[]): Promise<Map<string, SummaryRow | undefined>> {
  const rows = await db.summaries.bulkGet([...scopes]);
  return new Map(scopes.map((scope, i) => [scope, rows[i]]));
}

const sum = (row: SummaryRow | undefined, keys: readonly string[]) =>
  keys.reduce((n, k) => n + (row?.counts[k] ?? 0), 0);
const sizeOf = (row: SummaryRow | undefined) => sum(row, ['h:0', 'h:1']);

/** The criteria that have index groups ("no source" has none: it is checked on each row). */
async function criteriaOf(f: ClaimFilters): Promise<Criterion[]> {
  const rows = await summariesOf(f);
  return criteriaFrom(f, rows);
}

/**
 * The summary rows a filter's criteria are sized from (the library's, and each article's,
 * speaker's, tag's); "no source" is counted from them too. A filter without any criterion (the
 * whole library, a minimum check-worthiness) needs none: no read, and the map in the caller's task.
 */
function summariesOf(
  f: ClaimFilters,
): Map<string, SummaryRow | undefined> | Promise<Map<string, SummaryRow | undefined>> {
  const scopes = [
    LIBRARY,
    ...f.articleIds.map(articleScope),
    ...f.speakerIds.map(speakerScope),
    ...f.tags.map(tagScope),
  ];
  const sized = scopes.length > 1 || f.verdicts.length > 0 || f.kinds.length > 0 || f.source !== 'any';
  return sized ? summaryMap(scopes) : new Map();
}

function criteriaFrom(f: ClaimFilters, rows: ReadonlyMap<string, SummaryRow | undefined>): Criterion[] {
  const lib = rows.get(LIBRARY);
  const out: Criterion[] = [];
  if (f.articleIds.length)
    out.push({
      kind: 'article',
      groups: f.articleIds.map(articleGroup),
      size: f.articleIds.reduce((n, id) => n + sizeOf(rows.get(articleScope(id))), 0),
    });
  if (f.speakerIds.length)
    out.push({
      kind: 'speaker',
      groups: f.speakerIds.map((id) => speakerGroup(id)),
      size: f.speakerIds.reduce((n, id) => n + sizeOf(rows.get(speakerScope(id))), 0),
    });
  for (const tag of f.tags)
    out.push({ kind: 'tag', groups: [tagGroup(tag)], size: sizeOf(rows.get(tagScope(tag))) });
  if (f.verdicts.length)
    out.push({
      kind: 'verdict',
      groups: f.verdicts.map(verdictGroup),
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
  if (f.source === 'with') out.push({ kind: 'source', groups: ['h=1'], size: sum(lib, ['h:1']) });
  return out;
}

const ALL: Criterion = { kind: 'all', groups: ['*'], size: Number.POSITIVE_INFINITY };
const keptIn = (c: Criterion, code: SortCode) => c.groups.every((g) => isKept(g, code));

/**
 * Which index ranges answer `f`. In the caller's task when no summary is read (`summariesOf`): the
 * whole library's first page then asks for its facet rows before the caller (the Claims screen's
 * first render, as a navigation renders) returns.
 */
function plan(f: ClaimFilters): Plan | Promise<Plan> {
  const rows = summariesOf(f);
  return rows instanceof Promise ? rows.then((r) => planFrom(f, r)) : planFrom(f, rows);
}

function planFrom(f: ClaimFilters, rows: ReadonlyMap<string, SummaryRow | undefined>): Plan {
  const criteria = criteriaFrom(f, rows);
  const code = SORT_CODE[f.sort];
  // the smallest criterion kept in the order asked drives; others are checked on each row
  const driver = criteria
    .filter((c) => keptIn(c, code))
    .reduce<Criterion>((best, c) => (c.size < best.size ? c : best), ALL);
  const minKey = code === 'c' && f.minCheckworthy !== null ? scoreKey(f.minCheckworthy) : null;
  const exact =
    criteria.length === (driver === ALL ? 0 : 1) &&
    f.source !== 'without' &&
    (f.minCheckworthy === null || minKey !== null);
  const sets = criteria.filter(
    (c) => c !== driver && (c.kind === 'article' || c.kind === 'speaker' || c.kind === 'tag'),
  );
  const matches = exact ? null : countFromSummaries(f, rows);
  const driverSize = driver === ALL ? sizeOf(rows.get(LIBRARY)) : driver.size;
  const verdict = !exact && f.verdicts.length > 0;
  const source = !exact && f.source !== 'any';
  const needs = {
    verdict,
    source,
    joinIf: verdict ? matcher({ ...f, verdicts: [] }) : undefined,
    sourced: source ? (f.source === 'with' ? 1 : 0) : undefined,
    byClaim: verdict && byClaimFits(f, code),
  } as const;
  return { driver, code, desc: f.desc, minKey, exact, needs, sets, matches, driverSize, f, summaries: rows };
}

/**
 * Whether a cold row joined to its claim for the verdict can be read as the claim alone: the check
 * needs nothing the claim lacks (has-source, the speaker's sort key). A kind or a minimum
 * check-worthiness is checked on the facet row first instead, so fewer claims are read.
 */
const byClaimFits = (f: ClaimFilters, code: SortCode): boolean =>
  f.source === 'any' && code !== 'n' && f.kinds.length === 0 && f.minCheckworthy === null;

/**
 * The first batch of a walk that checks rows: as many entries as should hold the matches it needs
 * (at the match rate the summaries give, with a margin), else four times the page.
 */
function firstBatch(p: Plan, needed: number): number {
  if (p.matches === null || p.matches === 0) return Math.max(200, needed * 4);
  const estimate = Math.ceil(((needed * p.driverSize) / p.matches) * 1.25) + 50;
  return Math.min(Math.max(200, estimate), 20_000);
}

/**
 * The first batch of each stream of a walk whose every row matches (several articles, speakers,
 * tags): twice an even share of the entries the page needs, not all of them from each stream
 * (bulk24: a page of 10 articles read 10 × 101 facet rows for 100). A stream that runs out reads
 * on in growing batches (`GroupStream`).
 */
function exactShare(needed: number, streams: number): number {
  return streams <= 2 ? needed : Math.min(needed, Math.max(8, Math.ceil((2 * needed) / streams)));
}

/** Bounds of one group's range, after a cursor tail (exclusive) if given. */
function bounds(p: Pick<Plan, 'code' | 'desc' | 'minKey'>, group: string, after: string | null) {
  const loc = keyLocation(group, p.code);
  let lo = `${loc.prefix}${loc.lo}`;
  let hi = `${loc.prefix}${loc.hi}`;
  if (p.minKey !== null && p.minKey > loc.lo) lo = `${loc.prefix}${p.minKey}`;
  let loOpen = false;
  let hiOpen = false;
  if (after !== null) {
    // a tail outside the group's own range (another article's, in article order, where every
    // article is a range of the same keys) bounds it from that side only, or empties it
    const at = `${loc.prefix}${after}`;
    if (p.desc) {
      if (at <= hi) {
        hi = at;
        hiOpen = true;
      }
    } else if (at >= lo) {
      lo = at;
      loOpen = true;
    }
  }
  return { lo, hi, loOpen, hiOpen };
}

type IndexWithRecords = IDBIndex & {
  getAllRecords?: (o: {
    query: IDBKeyRange;
    count?: number;
    direction: IDBCursorDirection;
  }) => IDBRequest<{ primaryKey: IDBValidKey; value: unknown }[]>;
};

const requested = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** The primary keys (or rows) of up to `count` entries of an index range, in order, in one request where the browser allows. */
async function entries(
  ix: IndexWithRecords,
  range: IDBKeyRange,
  count: number | undefined,
  desc: boolean,
  values: boolean,
): Promise<unknown[]> {
  if (!desc)
    return requested(
      (values ? ix.getAll(range, count) : ix.getAllKeys(range, count)) as IDBRequest<unknown[]>,
    );
  if (ix.getAllRecords) {
    const records = await requested(ix.getAllRecords({ query: range, count, direction: 'prev' }));
    return records.map((r) => (values ? r.value : r.primaryKey));
  }
  // no getAllRecords (older browsers, fake-indexeddb): a cursor, one round trip per entry
  return new Promise((resolve, reject) => {
    const out: unknown[] = [];
    const request = values ? ix.openCursor(range, 'prev') : ix.openKeyCursor(range, 'prev');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || (count !== undefined && out.length >= count)) return resolve(out);
      out.push(values ? (cursor as IDBCursorWithValue).value : cursor.primaryKey);
      cursor.continue();
    };
  });
}

/**
 * A read of the index stores (facet rows, claims and their hot keys, has-source keys), or of
 * `stores`, in a plain IndexedDB transaction of its own (not a Dexie one: the reads below chain many
 * native promises, which a Dexie transaction zone would have to follow).
 */
async function readOnly<T>(
  read: (tx: IDBTransaction) => Promise<T>,
  stores: readonly TableName[] = ['claimFacets', 'claims', 'claimSourced'],
): Promise<T> {
  if (!db.isOpen()) await db.open();
  return read(db.backendDB().transaction([...stores], 'readonly'));
}

/** The index a (group, sort)'s keys are in: the claims' hot keys or the facet rows' cold ones. */
const keyIndex = (idb: IDBTransaction, hot: boolean): IndexWithRecords =>
  hot ? idb.objectStore('claims').index(HOT_KEYS) : idb.objectStore('claimFacets').index('f');

/** A cold row not joined to its claim (its verdict and update and verdict sort keys unread: `ListRow`). */
function coldRow(stored: StoredFacet): ListRow {
  const { f: _, ...values } = stored;
  return values as unknown as ListRow;
}

/** A row read off an index as a list row, with its join (`joined`: the claim or has-source key read, if asked). */
function listRow(row: unknown, hot: boolean, asked: boolean, joined: unknown): ListRow {
  if (hot) {
    const claim = row as StoredClaim;
    const view = claimViewOf(claim, joined !== undefined);
    return { ...view, h: asked ? view.h : null, claim };
  }
  if (!asked) return coldRow(row as StoredFacet);
  // a facet row whose claim is gone matches nothing
  if (joined === undefined) return { ...coldRow(row as StoredFacet), live: 0 };
  const claim = joined as StoredClaim;
  return { ...viewOf(row as StoredFacet, claim), claim };
}

/** The store a row's join is read from, when `needs` asks for one. */
const joinStore = (idb: IDBTransaction, hot: boolean, needs: Needs): IDBObjectStore | null =>
  hot
    ? needs.source
      ? idb.objectStore('claimSourced')
      : null
    : needs.verdict
      ? idb.objectStore('claims')
      : null;

/** What a row of `store` joins: has-source's key for a claim, the claim for a facet row. */
const joinOf = (store: IDBObjectStore, id: string): IDBRequest =>
  store.name === 'claimSourced' ? store.getKey(id) : store.get(id);

/** Rows read off an index, as list rows: their joins asked all at once (only those `needs.joinIf` lets through). */
async function joinRows(idb: IDBTransaction, rows: readonly unknown[], hot: boolean, needs: Needs) {
  const store = joinStore(idb, hot, needs);
  if (!store) return rows.map((r) => listRow(r, hot, false, undefined));
  const worth = !hot && needs.joinIf ? needs.joinIf : null;
  const joined = rows.map((r) => worth === null || worth(coldRow(r as StoredFacet)));
  const joins = await Promise.all(
    rows.map((r, i) => (joined[i] ? requested(joinOf(store, (r as { id: string }).id)) : undefined)),
  );
  return rows.map((r, i) =>
    joined[i] ? listRow(r, hot, true, joins[i]) : { ...coldRow(r as StoredFacet), live: 0 as const },
  );
}

/** The rows of these ids (undefined where none), with their joins: every get asked at once. */
async function rowsById(
  idb: IDBTransaction,
  ids: readonly string[],
  hot: boolean,
  needs: Needs,
): Promise<(ListRow | undefined)[]> {
  const main = idb.objectStore(hot ? 'claims' : 'claimFacets');
  const store = joinStore(idb, hot, needs);
  const [rows, joins] = await Promise.all([
    Promise.all(ids.map((id) => requested<unknown>(main.get(id)))),
    store ? Promise.all(ids.map((id) => requested<unknown>(joinOf(store, id)))) : null,
  ]);
  return rows.map((r, i) => (r === undefined ? undefined : listRow(r, hot, store !== null, joins?.[i])));
}

/**
 * Up to `count` entries of a range read as claims, keys first: the primary keys, then (when the
 * check needs has-source) a `claimSourced` key for each id `keep` lets through, and the claims only
 * of the ids that can match (and of the last id, for the cursor). For a hot range whose check needs
 * has-source (the flagged page read 470 claims for 100, seven in ten of them with a source), and a
 * cold one whose check needs the verdict and nothing the claim lacks (`Needs.byClaim`: its facet
 * rows are not read).
 */
async function claimsFirst(
  idb: IDBTransaction,
  ix: IDBIndex,
  from: IDBKeyRange,
  {
    count,
    desc,
    keep,
    sourced,
  }: { count?: number; desc: boolean; keep?: ((id: string) => boolean) | null; sourced?: 0 | 1 },
): Promise<{ rows: ListRow[]; read: number; last: ListRow | undefined }> {
  const ids = (await entries(ix, from, count, desc, false)) as string[];
  const kept = ids.map((id) => !keep || keep(id));
  const sources = sourced === undefined ? null : idb.objectStore('claimSourced');
  const keys = sources
    ? await Promise.all(ids.map((id, i) => (kept[i] ? requested(sources.getKey(id)) : undefined)))
    : [];
  const can = (i: number) =>
    kept[i] && (sourced === undefined || (keys[i] === undefined ? 0 : 1) === sourced);
  const lastAt = ids.length - 1;
  const wanted = ids.flatMap((_, i) => (can(i) || i === lastAt ? [i] : []));
  const claims = idb.objectStore('claims');
  const read = await Promise.all(wanted.map((i) => requested<StoredClaim | undefined>(claims.get(ids[i]!))));
  const rows: ListRow[] = [];
  let last: ListRow | undefined;
  wanted.forEach((i, k) => {
    const claim = read[k];
    if (claim === undefined) return;
    const row = listRow(claim, true, sources !== null, keys[i]);
    if (i === lastAt) last = row;
    if (can(i)) rows.push(row);
  });
  return { rows, read: ids.length, last };
}

/** The part of `range` after its first `skip` entries (a jump in a scrolled table): one cursor `advance`, no entry read. */
function skipped(ix: IDBIndex, range: IDBKeyRange, skip: number, desc: boolean): Promise<IDBKeyRange | null> {
  return new Promise((resolve, reject) => {
    const request = ix.openKeyCursor(range, desc ? 'prev' : 'next');
    let advanced = false;
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(null);
      if (!advanced) {
        advanced = true;
        return cursor.advance(skip);
      }
      resolve(
        desc
          ? IDBKeyRange.bound(range.lower, cursor.key, range.lowerOpen, false)
          : IDBKeyRange.bound(cursor.key, range.upper, false, range.upperOpen),
      );
    };
  });
}

/**
 * One batch of a group's range in one read transaction: the rows of up to `count` entries after
 * skipping `skip`, in index order (with `keep`, the range is read as primary keys, then the rows
 * kept by id), off the claims' hot keys when `hot`, else the facet rows' cold ones, joined as
 * `needs` asks. Dexie walks a multi-entry index with a cursor, and Chromium pays one round trip
 * per entry on a cursor (20,000 keys took 3 to 4 s on a loaded machine), so this reads with
 * `getAll` / `getAllKeys` / `getAllRecords` instead.
 */
function readRows(
  range: IDBKeyRange,
  {
    hot,
    needs,
    skip = 0,
    count,
    desc = false,
    keep,
  }: {
    hot: boolean;
    needs: Needs;
    skip?: number;
    count?: number;
    desc?: boolean;
    keep?: ((id: string) => boolean) | null;
  },
): Promise<{ rows: ListRow[]; read: number; last: ListRow | undefined }> {
  return readOnly(async (idb) => {
    const ix = keyIndex(idb, hot);
    const from = skip > 0 ? await skipped(ix, range, skip, desc) : range;
    if (from === null) return { rows: [], read: 0, last: undefined };
    if (hot ? needs.sourced !== undefined : needs.byClaim)
      return claimsFirst(idb, ix, from, { count, desc, keep, sourced: hot ? needs.sourced : undefined });
    if (!keep) {
      const rows = await joinRows(idb, await entries(ix, from, count, desc, true), hot, needs);
      return { rows, read: rows.length, last: rows.at(-1) };
    }
    // keys first: only the rows that pass `keep` (and the last, for the cursor) are read
    const ids = (await entries(ix, from, count, desc, false)) as string[];
    const wanted = ids.filter(keep);
    const lastId = ids.at(-1);
    if (lastId !== undefined && wanted.at(-1) !== lastId) wanted.push(lastId);
    const rows = await rowsById(idb, wanted, hot, needs);
    const last = lastId === undefined ? undefined : rows.at(-1);
    const kept = rows.filter((r): r is ListRow => r !== undefined && keep(r.id));
    return { rows: kept, read: ids.length, last };
  });
}

/** The ids of one key range of the hot or the cold keys, in order (primary keys in one request). */
function readIds(range: IDBKeyRange, hot: boolean, desc = false): Promise<string[]> {
  return readOnly(async (idb) => {
    const ids = (await requested(keyIndex(idb, hot).getAllKeys(range))) as string[];
    return desc ? ids.reverse() : ids;
  });
}

/** The ids in a criterion's groups (primary keys read in one batch per group, no cursor). */
async function idsOf(c: Criterion): Promise<Set<string>> {
  const parts = await Promise.all(
    c.groups.map((g) => {
      const [lo, hi] = groupRange(g, 'a');
      return readIds(IDBKeyRange.bound(lo, hi), isVolatile(g, 'a'));
    }),
  );
  return new Set(parts.flat());
}

type Entry = Readonly<{ tail: string; row: ListRow }>;

/** The facet rows of one group's range, in order, read in growing batches. */
class GroupStream {
  private buf: Entry[] = [];
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
    /** Whether an id can match (the other criteria's id sets): the rows of the others are not read. */
    private readonly keep: ((id: string) => boolean) | null = null,
    private readonly needs: Needs = p.needs,
  ) {
    this.after = after;
    this.skip = skip;
  }
  async peek(): Promise<Entry | undefined> {
    while (this.pos >= this.buf.length) {
      if (this.done) return undefined;
      const b = bounds(this.p, this.group, this.after);
      const { rows, read, last } =
        b.lo > b.hi
          ? { rows: [], read: 0, last: undefined }
          : await readRows(IDBKeyRange.bound(b.lo, b.hi, b.loOpen, b.hiOpen), {
              hot: isVolatile(this.group, this.p.code),
              needs: this.needs,
              skip: this.skip,
              count: this.batch,
              desc: this.p.desc,
              keep: this.keep,
            });
      if (read < this.batch || last === undefined) this.done = true;
      this.skip = 0;
      this.buf = rows.map((row) => ({ tail: this.tailOf(row), row }));
      this.pos = 0;
      if (last !== undefined) this.after = this.tailOf(last);
      this.batch = Math.min(this.batch * 4, 5_000);
    }
    return this.buf[this.pos];
  }
  private tailOf(row: ListRow): string {
    return tailOf(row, this.p.code);
  }
  take(): Entry {
    return this.buf[this.pos++]!;
  }
}

/** The next entry across the streams in the plan's order (a merge of ordered ranges, not a sort). */
async function nextEntry(p: Plan, streams: readonly GroupStream[]): Promise<Entry | null> {
  const heads = await Promise.all(streams.map((s) => s.peek()));
  let best = -1;
  let bestTail = '';
  heads.forEach((entry, i) => {
    if (entry === undefined) return;
    if (best === -1 || (p.desc ? entry.tail > bestTail : entry.tail < bestTail)) {
      best = i;
      bestTail = entry.tail;
    }
  });
  if (best === -1) return null;
  return streams[best]!.take();
}

const filterable = (row: ListRow): FilterableClaim => ({
  id: row.id,
  articleId: row.a,
  speakerId: row.s,
  verdict: row.v,
  tags: row.t,
  kind: row.k,
  checkworthy: { score: row.c },
});

/** Whether a live row matches `f` but its text query. */
function matcher(f: ClaimFilters): (row: ListRow) => boolean {
  const g: ClaimFilters = { ...f, q: '' };
  return (row) => row.live === 1 && claimMatchesFilters(filterable(row), g, () => row.h === 1);
}

/** Whether a row matches every criterion but the text query. */
const rowCheck = (p: Plan): ((row: ListRow) => boolean) => (p.exact ? () => true : matcher(p.f));

/**
 * A small article, speaker or tag criterion in a sort it has no keys in (a tag sorted by verdict):
 * its rows in one read of one of its ranges (a `getAll` of rows, no key walk), checked and put in
 * the order asked. At most the criterion's size is held, not the library's, and it costs far less
 * than walking the whole library's order for a rare match (a tag and a kind by verdict: 15,000
 * keys read for 100 matches at 20,000 claims). The range is the update-order one (the claims
 * themselves) when the verdict is read, the article-order one (facet rows) when it is not, or in
 * speaker order (the claims have no speaker's name).
 */
async function pageFromRows(
  p: Plan,
  c: Criterion,
  { after, offset, limit }: { after: string | null; offset: number; limit: number },
): Promise<IdsPage> {
  const hot = p.code !== 'n' && (p.code === 'v' || p.needs.verdict);
  const parts = await readOnly((idb) => {
    const ix = keyIndex(idb, hot);
    return Promise.all(
      c.groups.map(async (g) => {
        const [lo, hi] = groupRange(g, hot ? 'u' : 'a');
        return joinRows(idb, await requested(ix.getAll(IDBKeyRange.bound(lo, hi))), hot, p.needs);
      }),
    );
  });
  const check = rowCheck(p);
  const seen = new Set<string>();
  const min = p.minKey;
  const entries: Entry[] = [];
  for (const row of parts.flat()) {
    if (seen.has(row.id) || !check(row)) continue;
    seen.add(row.id);
    const tail = tailOf(row, p.code);
    if (min !== null && tail < min) continue;
    if (after !== null && (p.desc ? tail >= after : tail <= after)) continue;
    entries.push({ tail, row });
  }
  entries.sort((a, b) => (a.tail < b.tail ? -1 : a.tail > b.tail ? 1 : 0));
  if (p.desc) entries.reverse();
  const page = entries.slice(offset, offset + limit);
  const more = entries.length > offset + limit;
  const rows = page.map((e) => e.row);
  return { ids: rows.map((r) => r.id), next: more ? (page.at(-1)?.tail ?? null) : null, refs: rows };
}

/**
 * How many claims match `f` with each verdict, in the verdicts' order, when the summaries say
 * (`countFromSummaries` for the filter narrowed to one verdict); else null.
 */
function countsByVerdict(
  f: ClaimFilters,
  rows: ReadonlyMap<string, SummaryRow | undefined>,
): number[] | null {
  const out: number[] = [];
  for (const v of VERDICTS) {
    if (f.verdicts.length > 0 && !f.verdicts.includes(v)) {
      out.push(0);
      continue;
    }
    const n = countFromSummaries({ ...f, verdicts: [v] as Verdict[] }, rows);
    if (n === null) return null;
    out.push(n);
  }
  return out;
}

/**
 * A page in verdict order of a filter with a tag, a speaker or an article (one group, kept in
 * article order) and criteria with no keys in that order (a kind), checked on each row: the verdict
 * order is the verdicts' order, then article order. The summaries say how many matches each verdict
 * has, so the page's verdicts are known before any row is read; the group's rows are read in article
 * order (backwards when descending) only until each of those verdicts has the matches the page
 * takes from it. Where one verdict fills the page (most claims are unchecked) that is a share of the
 * group, read in one request, instead of a walk of the whole library's verdict order (9,000 keys
 * for a tag and a kind at 100,000 claims) or every row of the group (`pageFromRows`). Null when the
 * summaries cannot count the filter by verdict, or the walk would read less.
 */
async function verdictOrderPage(p: Plan, offset: number, limit: number): Promise<IdsPage | null> {
  if (p.code !== 'v' || p.driver !== ALL || limit <= 0) return null;
  const single = p.sets.filter((s) => s.groups.length === 1);
  if (single.length === 0) return null;
  const c = single.reduce((a, b) => (a.size <= b.size ? a : b));
  const counts = countsByVerdict(p.f, p.summaries);
  if (counts === null) return null;
  const ranks = VERDICTS.map((_, r) => r);
  if (p.desc) ranks.reverse();
  // the matches the page takes from each verdict: [from, to) of that verdict's matches in order
  const wanted = new Map<number, { from: number; to: number }>();
  let before = 0;
  for (const r of ranks) {
    const n = counts[r]!;
    const from = Math.max(0, offset - before);
    const to = Math.min(n, offset + limit - before);
    if (from < to) wanted.set(r, { from, to });
    before += n;
  }
  const total = before;
  if (wanted.size === 0) return { ids: [], next: null, refs: [] };
  // rows to read for the verdict that needs the largest share of the group; a row read costs about
  // what four keys of a walk do (as in `smallCriterion`)
  const share = Math.max(...[...wanted].map(([r, w]) => w.to / Math.max(1, counts[r]!)));
  const walkKeys = p.matches ? ((offset + limit + 1) * p.driverSize) / p.matches : p.driverSize;
  if (share * c.size * 4 >= walkKeys) return null;
  const batch = Math.min(Math.max(200, Math.ceil(share * c.size * 1.25) + 50), 5_000);
  // the group's cold rows in article order, each joined to its claim for the verdict
  // only the rows that pass the other criteria (a kind) are joined: the others cannot match
  const needs = {
    ...p.needs,
    verdict: true,
    joinIf: matcher({ ...p.f, verdicts: [] }),
    byClaim: byClaimFits(p.f, 'a'),
  };
  const stream = new GroupStream(
    { ...p, code: 'a', minKey: null },
    c.groups[0]!,
    null,
    batch,
    0,
    null,
    needs,
  );
  const check = rowCheck(p);
  const found = new Map<number, ListRow[]>([...wanted.keys()].map((r) => [r, []]));
  let short = wanted.size;
  while (short > 0) {
    const entry = await stream.peek();
    if (entry === undefined) return null; // the summaries and the rows disagree: read the whole group
    stream.take();
    const row = entry.row;
    const r = VERDICTS.indexOf(row.v);
    const list = found.get(r);
    const w = wanted.get(r);
    if (!list || !w || list.length >= w.to || !check(row)) continue;
    list.push(row);
    if (list.length === w.to) short--;
  }
  const page: ListRow[] = [];
  for (const r of ranks) {
    const w = wanted.get(r);
    if (w) page.push(...found.get(r)!.slice(w.from, w.to));
  }
  const last = page.at(-1);
  return {
    ids: page.map((row) => row.id),
    next: offset + limit < total && last ? tailOf(last, 'v') : null,
    refs: page,
  };
}

/** The smallest id-set criterion when reading its rows costs less than walking the library's order. */
function smallCriterion(p: Plan, needed: number): Criterion | null {
  if (p.driver !== ALL || p.sets.length === 0) return null;
  const smallest = p.sets.reduce((a, b) => (a.size <= b.size ? a : b));
  // a row read costs about what four keys of a walk do (rows are larger)
  const walkKeys = p.matches ? (needed * p.driverSize) / p.matches : p.driverSize;
  return smallest.size <= 20_000 && smallest.size * 4 < walkKeys ? smallest : null;
}

/** Up to `limit` matching ids in order after `after` (skipping `offset` matches first), and the cursor. */
async function walk(
  p: Plan,
  { after = null, offset = 0, limit }: { after?: string | null; offset?: number; limit: number },
): Promise<IdsPage> {
  const single = p.driver.groups.length === 1 && p.exact;
  if (p.matches === 0) return { ids: [], next: null, refs: [] }; // the summaries say nothing matches
  // (no await where there is nothing to wait for: a page without criteria asks for its first facet
  // rows in the caller's task)
  const byVerdict = after === null && p.sets.length > 0 ? await verdictOrderPage(p, offset, limit) : null;
  if (byVerdict) return byVerdict;
  const small = smallCriterion(p, offset + limit + 1);
  if (small) return pageFromRows(p, small, { after, offset, limit });
  const batch = p.exact ? exactShare(limit + 1, p.driver.groups.length) : firstBatch(p, offset + limit + 1);
  // article, speaker and tag criteria besides the driver: their ids (primary keys, one batch
  // each), so a walk reads the keys of its range and only the rows those ids allow
  const sets = p.sets.length > 0 ? await Promise.all(p.sets.map(idsOf)) : [];
  const keep = sets.length > 0 ? (id: string) => sets.every((set) => set.has(id)) : null;
  const streams = p.driver.groups.map(
    (g) => new GroupStream(p, g, after, single ? limit + 1 : batch, single ? offset : 0, keep),
  );
  let skip = single ? 0 : offset;
  const check = rowCheck(p);
  const ids: string[] = [];
  const refs: ListRow[] = [];
  let lastTail: string | null = null;
  for (;;) {
    const next = await nextEntry(p, streams);
    if (!next) return { ids, next: null, refs };
    if (!check(next.row)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    if (ids.length === limit) return { ids, next: lastTail, refs };
    ids.push(next.row.id);
    refs.push(next.row);
    lastTail = next.tail;
  }
}

// ---------------------------------------------------------------------------------------------
// Text queries: the search hits, filtered and (unless relevance order) ordered

/** Whether a text query asks for nothing but its hits in relevance order (no other filter, no sort). */
export function onlyText(f: ClaimFilters): boolean {
  return Object.entries(EMPTY_FILTERS).every(
    ([k, v]) => k === 'q' || JSON.stringify(f[k as keyof ClaimFilters]) === JSON.stringify(v),
  );
}

/**
 * A hit's filter values as the search worker keeps them beside its index (`search-facets.ts`):
 * null when the claim has no live facet row, undefined when they are not known.
 */
export type KeptHitValues = (hit: number) => HitValues | null | undefined;

/**
 * A text query's hits kept by the other filters, in the order asked. With `kept` (the search
 * worker's values for each hit) the filter reads no row, and hits asked for as they rank need none
 * at all; another order reads the rows of the hits kept. Without it, or while some hit's values
 * are not known, the hits' facet rows are read (in the search worker in the browser). The index
 * holds live claims only, so hits asked for as they rank with no other filter need no rows.
 */
export async function filteredSearchHits(
  f: ClaimFilters,
  hits: readonly { id: string }[],
  kept?: KeptHitValues,
): Promise<string[]> {
  if (onlyText(f)) return hits.map((h) => h.id);
  if (kept) {
    const g: ClaimFilters = { ...f, q: '' };
    const passed: { id: string }[] = [];
    let known = true;
    for (let i = 0; i < hits.length && known; i++) {
      const values = kept(i);
      if (values === undefined) known = false;
      else if (values !== null && claimMatchesFilters(values, g, () => values.h === 1)) passed.push(hits[i]!);
    }
    if (known) {
      if (f.sort === 'article' && !f.desc) return passed.map((h) => h.id);
      // another order: the rows of the hits kept only, checked and sorted as below
      return filteredSearchHits(f, passed);
    }
  }
  // read in key order (neighbouring keys share IndexedDB's blocks), then put back in rank order;
  // a facet row's verdict and update time are its claim's (schema v14)
  const byKey = hits.map((h) => h.id).sort();
  const [facets, claims] = await db.transaction('r', [db.claimFacets, db.claims], () =>
    Promise.all([db.claimFacets.bulkGet(byKey), db.claims.bulkGet(byKey as ClaimId[])]),
  );
  const found = new Map<string, FacetView>();
  byKey.forEach((id, i) => {
    const [facet, claim] = [facets[i] as StoredFacet | undefined, claims[i]];
    if (facet && claim) found.set(id, viewOf(facet, claim));
  });
  const rows = hits.map((h) => found.get(h.id));
  const g: ClaimFilters = { ...f, q: '' };
  const live = rows.filter(
    (r): r is FacetView =>
      r !== undefined && r.live === 1 && claimMatchesFilters(filterable(r), g, () => r.h === 1),
  );
  if (f.sort === 'article' && !f.desc) return live.map((r) => r.id);
  const code = SORT_CODE[f.sort];
  const key = (r: FacetView) => tailOf(r, code);
  const sorted = live.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return (f.desc ? sorted.reverse() : sorted).map((r) => r.id);
}

/** The same text query asked at once by several reads (a screen's count and its first page): one search. */
const searching = new Map<string, Promise<string[]>>();

async function searchedIds(f: ClaimFilters): Promise<string[]> {
  const key = JSON.stringify(f);
  const running = searching.get(key);
  if (running) return running;
  const done = (async () => {
    const search = await import('./search'); // loaded with the first text query
    const inWorker = await search.searchClaimIdsInWorker(f, SEARCH_LIMIT);
    return inWorker ?? search.searchClaimIdsHere(f, SEARCH_LIMIT);
  })();
  searching.set(key, done);
  try {
    return await done;
  } finally {
    searching.delete(key);
  }
}

// ---------------------------------------------------------------------------------------------
// The read model's functions

/** The ids of one page of the live claims matching `filter`, in its order, and the next cursor. */
export async function claimIdsPage(
  filter: ClaimListFilter = {},
  page: ClaimPageRequest = {},
): Promise<{ ids: ClaimId[]; next: string | null }> {
  const { ids, next } = await idsPage(filter, page);
  return { ids: ids as ClaimId[], next };
}

/** `claimIdsPage` with the facet rows the page's ids came from, when it read them (not for a text query). */
async function idsPage(
  filter: ClaimListFilter,
  { after = null, offset = 0, limit = 100 }: ClaimPageRequest,
): Promise<IdsPage> {
  const f = fullFilters(filter);
  if (f.q.trim() !== '') {
    const all = await searchedIds(f);
    const start = after !== null ? Number(after.slice(1)) : offset;
    const ids = all.slice(start, start + limit);
    return { ids, next: start + limit < all.length ? `#${start + limit}` : null };
  }
  const planned = plan(f);
  return walk(planned instanceof Promise ? await planned : planned, { after, offset, limit });
}

/** One page of rows (with source counts and flags) of the live claims matching `filter`. */
export async function listClaimPage(
  filter: ClaimListFilter = {},
  page: ClaimPageRequest = {},
): Promise<ClaimPage> {
  const { ids, next, refs } = await idsPage(filter, page);
  if (refs === undefined || ids.length === 0) return { rows: await claimRows(ids as ClaimId[]), next };
  const rows = await db.transaction('r', [db.claims, db.evidence, db.claimSourced], () =>
    itemsOfRefs(ids as ClaimId[], refs),
  );
  return { rows, next };
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
 * The ordered ids of every live claim matching `filter` (shift-click ranges and "select all
 * matching"): the primary keys of one index range in the order asked (read in one batch, no
 * cursor), kept when they are in every other criterion's ids.
 */
export async function matchingClaimIds(filter: ClaimListFilter = {}): Promise<ClaimId[]> {
  const f = fullFilters(filter);
  if (f.q.trim() !== '') return (await searchedIds(f)) as ClaimId[];
  const criteria = await criteriaOf(f);
  const code = SORT_CODE[f.sort];
  const driver = criteria
    .filter((c) => c.groups.length === 1 && keptIn(c, code))
    .reduce<Criterion>((best, c) => (c.size < best.size ? c : best), ALL);
  const p = {
    code,
    desc: f.desc,
    minKey: code === 'c' && f.minCheckworthy !== null ? scoreKey(f.minCheckworthy) : null,
  };
  const group = driver.groups[0]!;
  const b = bounds(p, group, null);
  // "no source" is everything but the (few) claims with a source
  const without = f.source === 'without';
  const kept = criteria.filter((c) => c !== driver);
  const [ordered, sourced, atLeast, ...sets] = await Promise.all([
    b.lo > b.hi
      ? Promise.resolve([] as string[])
      : readIds(IDBKeyRange.bound(b.lo, b.hi), isVolatile(group, code), f.desc),
    without ? idsOf({ kind: 'source', groups: ['h=1'], size: 0 }) : null,
    f.minCheckworthy !== null && p.minKey === null ? idsAtLeast(f.minCheckworthy) : null,
    ...kept.map(idsOf),
  ]);
  return ordered.filter(
    (id) => !sourced?.has(id) && (atLeast === null || atLeast.has(id)) && sets.every((s) => s.has(id)),
  ) as ClaimId[];
}

/** The ids with a check-worthiness score of at least `min` (one range of the `*` sort). */
async function idsAtLeast(min: number): Promise<Set<string>> {
  const [lo, hi] = groupRange('*', 'c');
  return new Set(await readIds(IDBKeyRange.bound(`${lo}${scoreKey(min)}`, hi), false));
}

/** Counts answered by the summaries: one scope criterion and at most two of verdict, kind, source. */
function countFromSummaries(
  f: ClaimFilters,
  rows: ReadonlyMap<string, SummaryRow | undefined>,
): number | null {
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

/** Whether a minimum check-worthiness is the filter's only criterion (every live claim at or above it). */
const onlyMinCheckworthy = (f: ClaimFilters): boolean =>
  f.minCheckworthy !== null &&
  f.articleIds.length + f.speakerIds.length + f.tags.length + f.verdicts.length + f.kinds.length === 0 &&
  f.source === 'any';

/**
 * How many live claims match `filter`: from the summaries when they answer it (a minimum
 * check-worthiness alone on the points scale too: the library's counts by points from it up,
 * schema version 10); any other minimum alone as a count of one index range (the live claims by
 * score, from the minimum up: no key is read out); else the index keys.
 */
export async function countClaims(filter: ClaimListFilter = {}): Promise<number> {
  const f = fullFilters(filter);
  if (f.q.trim() !== '') return (await searchedIds(f)).length;
  if (onlyMinCheckworthy(f)) {
    const points = minimumPoints(f.minCheckworthy!);
    if (points !== null) {
      const keys = Array.from({ length: 101 - points }, (_, i) => pointsKey(points + i));
      return sum(await db.summaries.get(LIBRARY), keys);
    }
    const [lo, hi] = groupRange('*', 'c');
    const range = IDBKeyRange.bound(`${lo}${scoreKey(f.minCheckworthy!)}`, hi);
    return readOnly((idb) => requested(idb.objectStore('claimFacets').index('f').count(range)));
  }
  const scopes = [
    LIBRARY,
    ...f.articleIds.map(articleScope),
    ...f.speakerIds.map(speakerScope),
    ...f.tags.slice(0, 1).map(tagScope),
  ];
  const rows = await summaryMap(scopes);
  return countFromSummaries(f, rows) ?? (await matchingClaimIds(f)).length;
}

/**
 * The rows of these ids (live ones, in the same order), with live source counts and the flag: a
 * request per claim and one per claim's links, asked together in a plain IndexedDB transaction (a
 * text query's page of 100: through Dexie, 200 queries cost the page 14-34 ms, raw 13 ms).
 */
export async function claimRows(ids: readonly ClaimId[]): Promise<ClaimListItem[]> {
  if (ids.length === 0) return [];
  const [rows, evidence] = await readOnly(
    (tx) => {
      const claims = tx.objectStore('claims');
      const links = tx.objectStore('evidence').index('claimId');
      return Promise.all([
        Promise.all(ids.map((id) => requested(claims.get(id) as IDBRequest<StoredClaim | undefined>))),
        Promise.all(ids.map((id) => requested(links.getAll(id) as IDBRequest<Evidence[]>))),
      ]);
    },
    ['claims', 'evidence'],
  );
  return listItems(
    rows.map((c) => (c === undefined ? c : withoutHotKeys(c))),
    evidence.flat(),
  );
}

/** The live claims (in their order) with their live source counts and the flag. */
function listItems(claims: readonly (Claim | undefined)[], evidence: readonly Evidence[]): ClaimListItem[] {
  const counts = new Map<string, number>();
  for (const e of evidence) if (e.deletedAt === null) counts.set(e.claimId, (counts.get(e.claimId) ?? 0) + 1);
  return claims
    .filter((c): c is Claim => c !== undefined && c.deletedAt === null)
    .map((c) => {
      const sourceCount = counts.get(c.id) ?? 0;
      return { ...c, sourceCount, flagged: verdictNeedsSource(c.verdict) && sourceCount === 0 };
    });
}

/**
 * A row of the Claims table: a list row with its speaker's name and its article's title (null when
 * that speaker or article is gone), read by key for the page's own rows, so the first rows never
 * wait for the whole speaker list (2,474 rows at 100,000 claims) or every article's title.
 */
export type ClaimTableRow = ClaimListItem &
  Readonly<{ speakerName: string | null; articleTitle: string | null }>;

/** Names these rows' speakers and articles: one batch read of each, by key, for the distinct ids. */
export async function labelClaimRows(rows: readonly ClaimListItem[]): Promise<ClaimTableRow[]> {
  if (rows.length === 0) return [];
  const speakerIds = [...new Set(rows.flatMap((r) => (r.speakerId ? [r.speakerId] : [])))];
  const articleIds = [...new Set(rows.map((r) => r.articleId))];
  const [speakers, heads] = await db.transaction('r', [db.speakers, db.articleHeads], () =>
    Promise.all([db.speakers.bulkGet(speakerIds), db.articleHeads.bulkGet(articleIds)]),
  );
  return named(rows, speakers, heads);
}

function named(
  rows: readonly ClaimListItem[],
  speakers: readonly (Speaker | undefined)[],
  heads: readonly (ArticleHead | undefined)[],
): ClaimTableRow[] {
  const names = new Map<string, string>();
  for (const s of speakers) if (s && s.deletedAt === null) names.set(s.id, s.name);
  const titles = new Map<string, string>();
  for (const a of heads) if (a && a.deletedAt === null) titles.set(a.id, a.title);
  return rows.map((r) => ({
    ...r,
    speakerName: r.speakerId ? (names.get(r.speakerId) ?? null) : null,
    articleTitle: titles.get(r.articleId) ?? null,
  }));
}

/**
 * A page of the Claims table: `listClaims` with each row's speaker name and article title. The
 * page's facet rows name its speakers and articles, so their names are read beside the claims and
 * links, in one transaction (one round trip after the ids, not two); a claim whose speaker or
 * article changed since its facet row was read is named by its own ids, one read later. They also
 * say which claims have a live source: only those claims' links are read, a request each, asked
 * together (a cursor over the page's ids took a round trip per link and ended after the claims).
 * A source attached or taken off since is the bridge's: the write invalidates the page.
 */
export async function listTableClaims(
  filter: ClaimListFilter = {},
  page: ClaimPageRequest = {},
  signal?: AbortSignal,
): Promise<ClaimTableRow[]> {
  const { ids, refs } = await idsPage(filter, page);
  // a screen left while its ids were read (its query cancelled) asks for none of their rows: a
  // hundred claims and their links, which the next screen's first reads would queue behind
  signal?.throwIfAborted();
  if (ids.length === 0) return [];
  if (refs === undefined) return labelClaimRows(await claimRows(ids as ClaimId[]));
  const speakerIds = [...new Set(refs.flatMap((r) => (r.s === null ? [] : [r.s])))] as SpeakerId[];
  const articleIds = [...new Set(refs.map((r) => r.a))] as ArticleId[];
  const [rows, speakers, heads] = await db.transaction(
    'r',
    [db.claims, db.evidence, db.claimSourced, db.speakers, db.articleHeads],
    () =>
      Promise.all([
        itemsOfRefs(ids as ClaimId[], refs),
        db.speakers.bulkGet(speakerIds),
        db.articleHeads.bulkGet(articleIds),
      ]),
  );
  const askedSpeakers = new Set<string>(speakerIds);
  const askedArticles = new Set(articleIds);
  const moved = rows.some(
    (r) => (r.speakerId !== null && !askedSpeakers.has(r.speakerId)) || !askedArticles.has(r.articleId),
  );
  return moved ? labelClaimRows(rows) : named(rows, speakers, heads);
}

/**
 * A page's rows from the index rows its walk read (inside the caller's read transaction on claims,
 * evidence and claimSourced): the claims it read are not read again, and only the links of claims
 * with a source are read (has-source from the rows, or from `claimSourced` where a hot row did not
 * say: `h` null), a request each, asked together.
 */
function itemsOfRefs(ids: readonly ClaimId[], refs: NonNullable<IdsPage['refs']>): Promise<ClaimListItem[]> {
  const linksOf = (claimIds: readonly string[]) =>
    Promise.all(claimIds.map((id) => db.evidence.where('claimId').equals(id).toArray()));
  const unknown = refs.filter((r) => r.h === null).map((r) => r.id);
  const held = refs.every((r) => r.claim) ? refs.map((r) => withoutHotKeys(r.claim!)) : null;
  return Promise.all([
    held ?? db.claims.bulkGet([...ids]),
    linksOf(refs.filter((r) => r.h === 1).map((r) => r.id)),
    unknown.length === 0
      ? []
      : db.claimSourced.bulkGet(unknown).then((rows) => linksOf(rows.flatMap((r) => (r ? [r.id] : [])))),
  ]).then(([claims, sourced, found]) => listItems(claims, [...sourced, ...found].flat()));
}

/** How many of these claims have no live source (a rating verdict on them asks first). */
export async function countWithoutSource(ids: readonly ClaimId[]): Promise<number> {
  const rows = await db.claimFacets.bulkGet([...ids]);
  return rows.filter((r) => r === undefined || r.h === 0).length;
}
