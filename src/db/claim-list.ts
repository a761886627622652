import { Dexie } from 'dexie';
import type { Claim, ClaimId, SpeakerId } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { type ClaimFilters, type ClaimSort, claimMatchesFilters, EMPTY_FILTERS } from '@/core/review/filters';
import { verdictNeedsSource } from '@/core/review/verdicts';
import type { ClaimSearchHit } from '@/core/search/claim-index';
import { db } from './db';
import { searchClaims } from './search';

/** A row of the claims table: the claim, how many live sources it has, and whether it is flagged. */
export type ClaimListItem = Claim &
  Readonly<{
    sourceCount: number;
    /** A rating verdict (not unchecked / in progress) with no source: shown as needing attention. */
    flagged: boolean;
  }>;

export type ClaimPage = Readonly<{ offset?: number; limit?: number }>;

/** How many search hits a text query considers before the other filters and paging. */
export const SEARCH_LIMIT = 2_000;

/** Filters as the claims table passes them (from the URL); anything left out is the default. */
export type ClaimListFilter = Partial<ClaimFilters>;

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

type ClaimCollection = ReturnType<typeof db.claims.toCollection>;

const SORT_INDEX: Partial<Record<ClaimSort, string>> = {
  article: '[articleId+start]',
  updated: 'updatedAt',
  checkworthy: 'checkworthy.score',
};

/** The claim ids with at least one live source (read only when a filter needs them). */
async function claimIdsWithSources(): Promise<Set<string>> {
  const rows = await db.evidence.filter((e) => e.deletedAt === null).toArray();
  return new Set(rows.map((e) => e.claimId));
}

const onlyIndexed = (f: ClaimFilters) =>
  f.q.trim() === '' && f.kinds.length === 0 && f.tags.length <= 1 && f.source === 'any';

/** The narrowest index range for the filters, and whether it alone answers them (besides tombstones). */
function indexRange(f: ClaimFilters): { range: ClaimCollection; exact: boolean } | null {
  const criteria =
    (f.articleIds.length ? 1 : 0) +
    (f.speakerIds.length ? 1 : 0) +
    (f.verdicts.length ? 1 : 0) +
    (f.tags.length ? 1 : 0) +
    (f.minCheckworthy !== null ? 1 : 0);
  const exact = criteria === 1 && onlyIndexed(f);
  if (f.articleIds.length) return { range: db.claims.where('articleId').anyOf(f.articleIds), exact };
  if (f.speakerIds.length) return { range: db.claims.where('speakerId').anyOf(f.speakerIds), exact };
  if (f.tags.length) return { range: db.claims.where('tags').equalsIgnoreCase(f.tags[0]!), exact };
  if (f.verdicts.length) return { range: db.claims.where('verdict').anyOf(f.verdicts), exact };
  if (f.minCheckworthy !== null)
    return { range: db.claims.where('checkworthy.score').aboveOrEqual(f.minCheckworthy), exact };
  return null;
}

function comparator(f: ClaimFilters, speakerNames: ReadonlyMap<string, string>) {
  const key = (c: Claim): (string | number)[] => {
    switch (f.sort) {
      case 'updated':
        return [c.updatedAt];
      case 'checkworthy':
        return [c.checkworthy.score];
      case 'speaker':
        return [c.speakerId ? (speakerNames.get(c.speakerId) ?? '').toLowerCase() : '\uffff'];
      case 'verdict':
        return [VERDICTS.indexOf(c.verdict)];
      default:
        return [c.articleId, c.start];
    }
  };
  const dir = f.desc ? -1 : 1;
  return (a: Claim, b: Claim) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i]! < kb[i]!) return -dir;
      if (ka[i]! > kb[i]!) return dir;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

async function speakerNamesOf(claims: readonly Claim[]): Promise<Map<string, string>> {
  const ids = [...new Set(claims.map((c) => c.speakerId).filter((s): s is SpeakerId => s !== null))];
  const names = new Map<string, string>();
  for (const s of await db.speakers.bulkGet(ids)) if (s) names.set(s.id, s.name);
  return names;
}

/** The live claims matching the filters, in order (no paging), when they cannot be paged off an index. */
async function matchingClaims(f: ClaimFilters, hits: readonly ClaimSearchHit[] | null): Promise<Claim[]> {
  const withSources = f.source === 'any' ? null : await claimIdsWithSources();
  const match = (c: Claim) =>
    c.deletedAt === null && claimMatchesFilters(c, f, (id) => withSources?.has(id) ?? false);
  let rows: Claim[];
  if (hits !== null) {
    rows = (await db.claims.bulkGet(hits.map((h) => h.id as ClaimId))).filter(
      (c): c is Claim => c !== undefined && match(c),
    );
    // with a text query and the default order, the best matches come first
    if (f.sort === 'article' && !f.desc) return rows;
  } else if (f.source === 'with' && withSources && !indexRange(f)) {
    rows = (await db.claims.bulkGet([...withSources] as ClaimId[])).filter(
      (c): c is Claim => c !== undefined && match(c),
    );
  } else {
    const range = indexRange(f)?.range ?? db.claims.toCollection();
    rows = await range.filter(match).toArray();
  }
  const names = f.sort === 'speaker' ? await speakerNamesOf(rows) : new Map<string, string>();
  return rows.sort(comparator(f, names));
}

const isPlain = (f: ClaimFilters) =>
  f.q.trim() === '' &&
  f.articleIds.length + f.speakerIds.length + f.verdicts.length + f.tags.length + f.kinds.length === 0 &&
  f.minCheckworthy === null &&
  f.source === 'any';

async function decorate(claims: readonly Claim[]): Promise<ClaimListItem[]> {
  const counts = new Map<string, number>();
  if (claims.length > 0) {
    const evidence = await db.evidence
      .where('claimId')
      .anyOf(claims.map((c) => c.id))
      .filter((e) => e.deletedAt === null)
      .toArray();
    for (const e of evidence) counts.set(e.claimId, (counts.get(e.claimId) ?? 0) + 1);
  }
  return claims.map((c) => {
    const sourceCount = counts.get(c.id) ?? 0;
    return { ...c, sourceCount, flagged: verdictNeedsSource(c.verdict) && sourceCount === 0 };
  });
}

/**
 * A page of the live claims matching the claims table's filters (`ClaimFilters`, from the URL), in
 * its sort order. With no filter and an indexed sort (article, updated, check-worthiness) the page
 * is read straight off the index; otherwise the narrowest index range (article, speaker, tag,
 * verdict, check-worthiness) or the search hits are read, filtered and sorted. A text query with
 * the default sort orders by relevance.
 */
export async function listClaims(
  filter: ClaimListFilter = {},
  { offset = 0, limit = 100 }: ClaimPage = {},
): Promise<ClaimListItem[]> {
  const f = fullFilters(filter);
  // the search runs before the transaction: building its index awaits more than IndexedDB
  const hits = f.q.trim() === '' ? null : await searchClaims(f.q, SEARCH_LIMIT);
  return db.transaction('r', [db.claims, db.evidence, db.speakers, db.sources], async () => {
    const index = SORT_INDEX[f.sort];
    if (index && f.q.trim() === '' && indexRange(f) === null) {
      // no narrowing index (at most kinds / has-source): walk the sort index until the page is full
      const withSources = f.source === 'any' ? null : await claimIdsWithSources();
      const ordered = f.desc ? db.claims.orderBy(index).reverse() : db.claims.orderBy(index);
      const page = await ordered
        .filter(
          (c) => c.deletedAt === null && claimMatchesFilters(c, f, (id) => withSources?.has(id) ?? false),
        )
        .offset(offset)
        .limit(limit)
        .toArray();
      return decorate(page);
    }
    if (isPlain(f) && f.sort === 'verdict') return decorate(await pageByVerdict(f.desc, offset, limit));
    const rows = await matchingClaims(f, hits);
    return decorate(rows.slice(offset, offset + limit));
  });
}

/**
 * All live claims in verdict-scale order, paged without reading them all: one `verdict` index
 * bucket after another (by id within a bucket, as the in-memory sort ties), skipping whole buckets
 * by their live counts.
 */
async function pageByVerdict(desc: boolean, offset: number, limit: number): Promise<Claim[]> {
  const tombstones = await db.claims.where('deletedAt').above(Dexie.minKey).toArray();
  const order = desc ? [...VERDICTS].reverse() : VERDICTS;
  const page: Claim[] = [];
  let skip = offset;
  for (const verdict of order) {
    if (page.length >= limit) break;
    const bucket = db.claims.where('verdict').equals(verdict);
    const live = (await bucket.count()) - tombstones.filter((c) => c.verdict === verdict).length;
    if (skip >= live) {
      skip -= live;
      continue;
    }
    const rows = await db.claims
      .where('verdict')
      .equals(verdict)
      .filter((c) => c.deletedAt === null)
      .offset(skip)
      .limit(limit - page.length)
      .toArray();
    skip = 0;
    page.push(...rows);
  }
  return page;
}

/**
 * How many live claims match (the table's height and header). Answered from index counts when one
 * indexed criterion is given (minus the tombstones in it), else by filtering the narrowest range.
 */
export async function countClaims(filter: ClaimListFilter = {}): Promise<number> {
  const f = fullFilters(filter);
  const hits = f.q.trim() === '' ? null : await searchClaims(f.q, SEARCH_LIMIT);
  return db.transaction('r', [db.claims, db.evidence, db.speakers, db.sources], async () => {
    const tombstones = () =>
      db.claims
        .where('deletedAt')
        .above(Dexie.minKey)
        .filter((c) => claimMatchesFilters(c, f, () => false))
        .count();
    /** Counted from indexes alone, or null. */
    const indexCount = async (g: ClaimFilters): Promise<number | null> => {
      if (isPlain(g)) return (await db.claims.count()) - (await tombstones());
      const range = indexRange(g);
      // anyOf over several keys counts each claim once (one article, speaker, verdict per claim)
      return range?.exact ? (await range.range.count()) - (await tombstones()) : null;
    };
    const direct = await indexCount(f);
    if (direct !== null) return direct;
    if (f.source !== 'any' && f.q.trim() === '') {
      // has-source / no-source: the claims with sources are few next to the library; count those
      // matching the other filters, and take them from the index count
      const rest: ClaimFilters = { ...f, source: 'any' };
      const total = await indexCount(rest);
      if (total !== null) {
        const ids = [...(await claimIdsWithSources())] as ClaimId[];
        const withSource = (await db.claims.bulkGet(ids)).filter(
          (c) => c !== undefined && c.deletedAt === null && claimMatchesFilters(c, rest, () => true),
        ).length;
        return f.source === 'with' ? withSource : total - withSource;
      }
    }
    return (await matchingClaims(f, hits)).length;
  });
}
