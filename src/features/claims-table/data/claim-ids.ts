/**
 * The Claims screen's windowed reads at scale: the ordered ids of every matching claim are worked
 * out once per filter (from index keys, never whole rows, except for the kind filter), and the
 * visible window reads only its rows by id. Paging with `offset` over a filtered collection re-reads
 * every earlier row for every page (`claimQueries.list` re-filters and re-sorts the whole match per
 * page), which took seconds per scroll step at 20,000 claims; a cached id list makes each page ~100
 * primary-key reads. Text search is the data layer's MiniSearch index (`searchClaims`).
 *
 * Candidate to move into src/db next to `claimQueries.list` (same ClaimFilters, same row shape).
 */
import { queryOptions } from '@tanstack/react-query';
import type { Claim, ClaimId, SpeakerId } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import type { ClaimFilters } from '@/core/review/filters';
import { verdictNeedsSource } from '@/core/review/verdicts';
import type { ClaimListItem } from '@/db/claim-list';
import { db } from '@/db/db';
import type { DbQueryMeta } from '@/db/queries';
import { searchClaims } from '@/db/search';

/** As many search hits as the data layer's list considers. */
export const SEARCH_LIMIT = 2_000;

const live = <T extends { deletedAt: number | null }>(r: T | undefined): r is T =>
  r !== undefined && r.deletedAt === null;

/** Below this many candidates, their rows are read and sorted in memory instead of walking an index. */
const SMALL = 5_000;

const intersect = (a: Set<string> | null, b: Iterable<string>): Set<string> => {
  const next = new Set<string>();
  for (const id of b) if (a === null || a.has(id)) next.add(id);
  return next;
};

const keys = async (coll: { primaryKeys: () => Promise<unknown[]> }) =>
  (await coll.primaryKeys()) as string[];

/** Ids narrowed through indexes (and the search index), or null when no criterion narrows. */
async function candidates(f: ClaimFilters, hits: readonly string[] | null): Promise<Set<string> | null> {
  let set: Set<string> | null = hits ? new Set(hits) : null;
  if (f.articleIds.length) set = intersect(set, await keys(db.claims.where('articleId').anyOf(f.articleIds)));
  if (f.speakerIds.length) set = intersect(set, await keys(db.claims.where('speakerId').anyOf(f.speakerIds)));
  if (f.verdicts.length) set = intersect(set, await keys(db.claims.where('verdict').anyOf(f.verdicts)));
  for (const tag of f.tags) set = intersect(set, await keys(db.claims.where('tags').equalsIgnoreCase(tag)));
  if (f.minCheckworthy !== null)
    set = intersect(set, await keys(db.claims.where('checkworthy.score').aboveOrEqual(f.minCheckworthy)));
  if (f.source !== 'any') {
    const withSource = new Set<string>();
    await db.evidence.each((e) => {
      if (e.deletedAt === null) withSource.add(e.claimId);
    });
    if (f.source === 'with') set = intersect(set, withSource);
    else if (set) set = new Set([...set].filter((id) => !withSource.has(id)));
    else {
      const all = await keys(db.claims.toCollection());
      set = new Set(all.filter((id) => !withSource.has(id)));
    }
  }
  if (f.kinds.length) {
    // Kind has no index: read the candidates' rows (or every row) once.
    // (a bulk get of many ids is slower than one pass over the table).
    const narrow = set !== null && set.size <= SMALL * 4;
    const rows = narrow ? await db.claims.bulkGet([...set!] as ClaimId[]) : await db.claims.toArray();
    const within = set;
    set = new Set(
      rows
        .filter((c) => c && f.kinds.includes(c.kind) && (within === null || within.has(c.id)))
        .map((c) => c!.id as string),
    );
  }
  return set;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The ids in an indexed order, walking the whole index (keys only). */
async function indexOrder(f: ClaimFilters): Promise<string[] | null> {
  switch (f.sort) {
    case 'article':
      return keys(db.claims.orderBy('[articleId+start]'));
    case 'updated':
      return keys(db.claims.orderBy('updatedAt'));
    case 'checkworthy':
      return keys(db.claims.orderBy('checkworthy.score'));
    case 'verdict': {
      // Scale order (not the index's alphabetical one): one key range per verdict.
      const parts = await Promise.all(VERDICTS.map((v) => keys(db.claims.where('verdict').equals(v))));
      return parts.flat();
    }
    case 'speaker':
      return null;
  }
}

/** The ordered ids of the live claims matching `f` (the URL's filters). */
export async function matchingClaimIds(f: ClaimFilters): Promise<ClaimId[]> {
  const q = f.q.trim();
  // The search index lives outside IndexedDB: ask it before the read transaction.
  const hits = q ? (await searchClaims(q, SEARCH_LIMIT)).map((h) => h.id as string) : null;
  return db.transaction('r', [db.claims, db.evidence, db.speakers], async () => {
    const [tombstones, narrowed] = await Promise.all([
      keys(db.claims.where('deletedAt').above(0)),
      candidates(f, hits),
    ]);
    const dead = new Set(tombstones);
    const keep = (id: string) => !dead.has(id) && (narrowed === null || narrowed.has(id));
    let ordered: string[];
    if (hits && f.sort === 'article' && !f.desc) {
      // Search hits keep their relevance order under the default sort.
      ordered = hits.filter(keep);
    } else if ((narrowed && narrowed.size <= SMALL) || f.sort === 'speaker') {
      ordered = await sortRows(f, narrowed, keep);
    } else {
      ordered = ((await indexOrder(f)) ?? []).filter(keep);
    }
    if (f.desc) ordered.reverse();
    return ordered as ClaimId[];
  });
}

/** Few candidates (or a sort by speaker name): order them from their rows, or from index keys. */
async function sortRows(f: ClaimFilters, narrowed: Set<string> | null, keep: (id: string) => boolean) {
  if (narrowed && narrowed.size <= SMALL) {
    const rows = (await db.claims.bulkGet([...narrowed] as ClaimId[])).filter(live);
    const speakers =
      f.sort === 'speaker' ? await speakerNames(rows.map((r) => r.speakerId)) : new Map<string, string>();
    const key = (c: Claim): [string | number, string | number] => {
      switch (f.sort) {
        case 'updated':
          return [c.updatedAt, 0];
        case 'checkworthy':
          return [c.checkworthy.score, 0];
        case 'verdict':
          return [VERDICTS.indexOf(c.verdict), 0];
        case 'speaker':
          return [(c.speakerId && speakers.get(c.speakerId)) || '\uffff', 0];
        default:
          return [c.articleId, c.start];
      }
    };
    // Names compare as people read them; ids (article order) by code unit, as IndexedDB orders keys.
    const cmp = (a: string | number, b: string | number) =>
      f.sort === 'speaker' && typeof a === 'string'
        ? collator.compare(a, b as string)
        : a < b
          ? -1
          : a > b
            ? 1
            : 0;
    return rows
      .map((c) => ({ id: c.id as string, k: key(c), a: c.articleId as string, s: c.start }))
      .sort(
        (x, y) => cmp(x.k[0], y.k[0]) || cmp(x.k[1], y.k[1]) || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.s - y.s),
      )
      .map((x) => x.id)
      .filter(keep);
  }
  // Speaker name order over many claims: speakers by name, then each one's claims from the index.
  const speakers = (await db.speakers.toArray()).sort((a, b) => collator.compare(a.name, b.name));
  const parts = await Promise.all(speakers.map((s) => keys(db.claims.where('speakerId').equals(s.id))));
  const seen = new Set(parts.flat());
  const unattributed = (await keys(db.claims.toCollection())).filter((id) => !seen.has(id));
  return [...parts.flat(), ...unattributed].filter(keep);
}

async function speakerNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = await db.speakers.bulkGet(unique as SpeakerId[]);
  return new Map(rows.filter(live).map((s) => [s.id as string, s.name]));
}

/** The rows of one page of ids, with live source counts and the no-source flag. */
export async function claimRows(ids: readonly ClaimId[]): Promise<ClaimListItem[]> {
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
    return claims.filter(live).map((c) => {
      const sourceCount = counts.get(c.id) ?? 0;
      return { ...c, sourceCount, flagged: verdictNeedsSource(c.verdict) && sourceCount === 0 };
    });
  });
}

const META: DbQueryMeta = { tables: ['evidence', 'speakers', 'sources'] };

export const claimTableQueries = {
  ids: (filters: ClaimFilters) =>
    queryOptions({
      queryKey: ['claims', 'tableIds', filters] as const,
      queryFn: () => matchingClaimIds(filters),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: META,
    }),
  /** One page of rows: keyed by its first and last id so a shifted list reads again. */
  rows: (ids: readonly ClaimId[]) =>
    queryOptions({
      queryKey: ['claims', 'tableRows', ids.length, ids[0] ?? '', ids.at(-1) ?? ''] as const,
      queryFn: () => claimRows(ids),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: { tables: ['evidence'] } satisfies DbQueryMeta,
    }),
};

/** How many of these claims have no live source (a rating verdict on them asks first). */
export async function countWithoutSource(ids: readonly ClaimId[]): Promise<number> {
  const withSource = new Set<string>();
  await db.evidence
    .where('claimId')
    .anyOf([...ids])
    .each((e) => {
      if (e.deletedAt === null) withSource.add(e.claimId);
    });
  return ids.filter((id) => !withSource.has(id)).length;
}
