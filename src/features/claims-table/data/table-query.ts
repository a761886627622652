/**
 * The Claims screen's reads: the ordered ids of the claims matching the URL's filters, and pages of
 * rows for the virtualised table. Only the ids of the whole result live in the query cache (for the
 * count, ranges and "select all matching"); rows are read a page at a time, for the visible window.
 *
 * Interim: until the data layer's `claimQueries.list(filters, { offset, limit })` / `count(filters)`
 * with its search index (branch rdata) lands, this reads index key ranges directly and falls back to a
 * plain substring scan for the text search. Swap the bodies of `idsQuery` / `pageQuery` then.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Claim, ClaimId, Speaker, Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { type ClaimFilters, claimMatchesFilters } from '@/core/review/filters';
import { verdictNeedsSource } from '@/core/review/verdicts';
import { db } from '@/db/db';
import type { DbQueryMeta } from '@/db/queries';

export const PAGE_SIZE = 100;

export type ClaimRow = Readonly<{
  claim: Claim;
  sourceCount: number;
  /** A verdict that rates the claim, with no source behind it. */
  flagged: boolean;
}>;

const live = <T extends { deletedAt: number | null }>(r: T | undefined): r is T =>
  r !== undefined && r.deletedAt === null;

async function tombstoneIds(): Promise<Set<string>> {
  // [articleId+deletedAt] holds only tombstones (a key with a null part is left out of an index).
  return new Set((await db.claims.orderBy('[articleId+deletedAt]').primaryKeys()) as string[]);
}

/** Ids of the claims with at least one live evidence link. */
async function claimIdsWithSource(): Promise<Set<string>> {
  const ids = new Set<string>();
  await db.evidence.each((e) => {
    if (e.deletedAt === null) ids.add(e.claimId);
  });
  return ids;
}

const intersect = (a: Set<string> | null, b: Iterable<string>): Set<string> => {
  const next = new Set<string>();
  for (const id of b) if (a === null || a.has(id)) next.add(id);
  return next;
};

/** Ids narrowed through indexes (article, speaker, verdict, tags), or null when none of those is set. */
async function indexedCandidates(f: ClaimFilters): Promise<Set<string> | null> {
  let set: Set<string> | null = null;
  if (f.articleIds.length) {
    const keys = await db.claims.where('articleId').anyOf(f.articleIds).primaryKeys();
    set = intersect(set, keys as string[]);
  }
  if (f.speakerIds.length) {
    const keys = await db.claims.where('speakerId').anyOf(f.speakerIds).primaryKeys();
    set = intersect(set, keys as string[]);
  }
  if (f.verdicts.length) {
    const keys = await db.claims.where('verdict').anyOf(f.verdicts).primaryKeys();
    set = intersect(set, keys as string[]);
  }
  for (const tag of f.tags) {
    const keys = await db.claims.where('tags').equalsIgnoreCase(tag).primaryKeys();
    set = intersect(set, keys as string[]);
  }
  return set;
}

const needsRows = (f: ClaimFilters) =>
  f.q.trim() !== '' || f.kinds.length > 0 || f.minCheckworthy !== null || f.sort === 'checkworthy';

/** Substring search over claim text, notes, the speaker's name and aliases, and linked source titles. */
async function textMatcher(q: string, speakers: ReadonlyMap<string, Speaker>) {
  const needle = q.trim().toLowerCase();
  if (!needle) return () => true;
  const speakerHits = new Set(
    [...speakers.values()]
      .filter((s) => [s.name, ...s.aliases].some((n) => n.toLowerCase().includes(needle)))
      .map((s) => s.id as string),
  );
  const sourceHits = new Set(
    (await db.sources
      .filter((s) => live(s) && s.title.toLowerCase().includes(needle))
      .primaryKeys()) as string[],
  );
  const claimsViaSource = new Set<string>();
  if (sourceHits.size) {
    await db.evidence
      .where('sourceId')
      .anyOf([...sourceHits])
      .each((e) => {
        if (e.deletedAt === null) claimsViaSource.add(e.claimId);
      });
  }
  return (c: Claim) =>
    c.text.toLowerCase().includes(needle) ||
    c.notes.toLowerCase().includes(needle) ||
    (c.speakerId !== null && speakerHits.has(c.speakerId)) ||
    claimsViaSource.has(c.id);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The ordered ids of the live claims matching `f`. */
export async function matchingClaimIds(f: ClaimFilters): Promise<ClaimId[]> {
  return db.transaction('r', [db.claims, db.evidence, db.sources, db.speakers], async () => {
    const [tombstones, candidates, speakerRows] = await Promise.all([
      tombstoneIds(),
      indexedCandidates(f),
      db.speakers.toArray(),
    ]);
    const speakers = new Map(speakerRows.map((s) => [s.id as string, s]));
    const withSource = f.source === 'any' ? null : await claimIdsWithSource();
    // Base order: article, then position in the article.
    let ordered = (await db.claims.orderBy('[articleId+start]').primaryKeys()) as string[];
    ordered = ordered.filter((id) => !tombstones.has(id) && (candidates === null || candidates.has(id)));
    if (withSource) ordered = ordered.filter((id) => withSource.has(id) === (f.source === 'with'));

    let rows: Map<string, Claim> | null = null;
    if (needsRows(f)) {
      const read =
        candidates === null && !withSource
          ? await db.claims.toArray()
          : ((await db.claims.bulkGet(ordered as ClaimId[])).filter(Boolean) as Claim[]);
      const matchesText = await textMatcher(f.q, speakers);
      rows = new Map(
        read
          .filter((c) => claimMatchesFilters(c, { ...f, source: 'any' }, () => true) && matchesText(c))
          .map((c) => [c.id as string, c]),
      );
      const r = rows;
      ordered = ordered.filter((id) => r.has(id));
    }

    const compare = await comparator(f, rows, speakers);
    if (compare) {
      const rank = new Map(ordered.map((id, i) => [id, i]));
      ordered = [...ordered].sort((x, y) => compare(x, y) || rank.get(x)! - rank.get(y)!);
    }
    if (f.desc) ordered.reverse();
    return ordered as ClaimId[];
  });
}

type Compare = (a: string, b: string) => number;

/** How ids compare under the chosen sort (null: the base order, by article and position). */
async function comparator(
  f: ClaimFilters,
  rows: ReadonlyMap<string, Claim> | null,
  speakers: ReadonlyMap<string, Speaker>,
): Promise<Compare | null> {
  const byIndex = async (index: string) => {
    const m = new Map<string, unknown>();
    const coll = db.claims.orderBy(index);
    const [keys, pks] = await Promise.all([coll.keys(), coll.primaryKeys()]);
    pks.forEach((pk, i) => {
      m.set(pk as string, keys[i]);
    });
    return m;
  };
  switch (f.sort) {
    case 'article':
      return null;
    case 'updated': {
      const m = await byIndex('updatedAt');
      const key = (id: string) => (m.get(id) as number | undefined) ?? 0;
      return (a, b) => key(a) - key(b);
    }
    case 'verdict': {
      const m = await byIndex('verdict');
      const key = (id: string) => VERDICTS.indexOf(m.get(id) as Verdict);
      return (a, b) => key(a) - key(b);
    }
    case 'speaker': {
      const m = await byIndex('speakerId');
      // Claims with no speaker are not in the index; they sort last.
      const key = (id: string) => speakers.get(m.get(id) as string)?.name ?? '\uffff';
      return (a, b) => collator.compare(key(a), key(b));
    }
    case 'checkworthy': {
      if (!rows) return null;
      const key = (id: string) => rows.get(id)?.checkworthy.score ?? 0;
      return (a, b) => key(a) - key(b);
    }
  }
}

/** Rows for one page of ids, with their live source counts. */
export async function claimRows(ids: readonly ClaimId[]): Promise<ClaimRow[]> {
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
    return claims.filter(live).map((claim) => {
      const sourceCount = counts.get(claim.id) ?? 0;
      return { claim, sourceCount, flagged: verdictNeedsSource(claim.verdict) && sourceCount === 0 };
    });
  });
}

const META: DbQueryMeta = { tables: ['evidence', 'sources', 'speakers'] };

export const claimTableQueries = {
  all: () => ['claims', 'table'] as const,
  ids: (filters: ClaimFilters) =>
    queryOptions({
      queryKey: [...claimTableQueries.all(), 'ids', filters] as const,
      queryFn: () => matchingClaimIds(filters),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: META,
    }),
  /** One page of rows; `ids` is the page's slice of the ordered result. */
  page: (filters: ClaimFilters, pageIndex: number, ids: readonly ClaimId[]) =>
    queryOptions({
      queryKey: [
        ...claimTableQueries.all(),
        'page',
        filters,
        pageIndex,
        ids.length,
        ids[0] ?? '',
        ids.at(-1) ?? '',
      ] as const,
      queryFn: () => claimRows(ids),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: { tables: ['evidence'] } satisfies DbQueryMeta,
    }),
};

/** Every tag in use with how many claims carry it, read from the multi-entry tags index alone. */
export const tagCountsQuery = () =>
  queryOptions({
    queryKey: ['claims', 'table', 'tagCounts'] as const,
    queryFn: async (): Promise<ReadonlyMap<string, number>> => {
      const counts = new Map<string, number>();
      for (const key of (await db.claims.orderBy('tags').keys()) as string[])
        counts.set(key, (counts.get(key) ?? 0) + 1);
      return counts;
    },
    staleTime: Number.POSITIVE_INFINITY,
    networkMode: 'always',
  });
