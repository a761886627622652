import { queryOptions } from '@tanstack/react-query';
import { Dexie } from 'dexie';
import type {
  Article,
  ArticleId,
  Claim,
  ClaimId,
  Evidence,
  HistoryEntry,
  HistoryTable,
  Question,
  Source,
  SourceId,
  Speaker,
  SpeakerId,
  Timestamp,
  Verdict,
} from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { type ArticleSort, sortArticles } from '@/core/review/progress';
import { type ClaimListFilter, type ClaimPage, claimFilterKey, countClaims, listClaims } from './claim-list';
import { db, type TableName } from './db';
import { getMeta } from './meta';
import { searchClaims } from './search';
import { estimateStorage, type StorageEstimate } from './storage';

/**
 * What a query reads, for the invalidation bridge (live.ts):
 * - `tables`: every table it reads besides the one its key starts with;
 * - `scope`: the query holds only rows of `table` whose `index` equals `key` (and only those
 *   rows' ids, when `rowsInData`), so a write elsewhere in that table can leave it alone.
 */
export type QueryScope = Readonly<{ table: TableName; index: string; key: string; rowsInData: boolean }>;
export type DbQueryMeta = Readonly<{ tables?: readonly TableName[]; scope?: QueryScope }>;

/** Verdicts that count as checked in progress figures. */
export const OPEN_VERDICTS: readonly Verdict[] = ['unchecked', 'in progress'];
export const isChecked = (verdict: Verdict): boolean => !OPEN_VERDICTS.includes(verdict);
const CHECKED_VERDICTS: readonly Verdict[] = VERDICTS.filter(isChecked);

const isLive = <T extends { deletedAt: Timestamp | null }>(row: T | undefined): row is T =>
  row !== undefined && row.deletedAt === null;

/** The claims of one article, in the range of a compound index starting with articleId. */
const articleRange = (index: string, articleId: ArticleId) =>
  db.claims.where(index).between([articleId, Dexie.minKey], [articleId, Dexie.maxKey], true, true);

export type ArticleSummary = Readonly<{
  id: ArticleId;
  title: string;
  outlet: string | null;
  importedAt: Timestamp;
  claimCount: number;
  /** Claims with a verdict other than unchecked / in progress. */
  checkedCount: number;
  /** Claims still unchecked or in progress (claimCount − checkedCount). */
  uncheckedCount: number;
  /** Claims with a rating verdict but no live source: flagged in lists. */
  flaggedCount: number;
  speakerCount: number;
}>;

/** The ids of the live speakers of an article's live claims: distinct index keys, corrected for tombstones. */
async function liveSpeakerIds(articleId: ArticleId, tombstones: readonly Claim[]): Promise<SpeakerId[]> {
  const keys = await articleRange('[articleId+speakerId]', articleId).uniqueKeys();
  const ids = keys.map((key) => (key as unknown as [ArticleId, SpeakerId])[1]);
  const deletedPerSpeaker = new Map<SpeakerId, number>();
  for (const c of tombstones) {
    if (c.speakerId !== null)
      deletedPerSpeaker.set(c.speakerId, (deletedPerSpeaker.get(c.speakerId) ?? 0) + 1);
  }
  if (deletedPerSpeaker.size === 0) return ids;
  const live = await Promise.all(
    ids.map(async (id) => {
      const deleted = deletedPerSpeaker.get(id) ?? 0;
      return (
        deleted === 0 ||
        (await db.claims.where('[articleId+speakerId]').equals([articleId, id]).count()) > deleted
      );
    }),
  );
  return ids.filter((_, i) => live[i]);
}

/** An article's tombstoned claims (usually none): the only claim rows the counts read. */
const tombstonesOf = (articleId: ArticleId): Promise<Claim[]> =>
  articleRange('[articleId+deletedAt]', articleId).toArray();

/**
 * The progress of every live article with few reads and no cursor over every claim: the ids of
 * checked claims from the verdict index (one key-only read per rating verdict), each article's
 * claim ids from the articleId index (key-only), its speakers as distinct index keys, the
 * tombstoned claims, and the live links to sources. (Per-article counts per verdict took 35 s for
 * 1,000 articles in Chromium; cursors over every index key 10 s.)
 */
async function summariseLibrary(articles: readonly Article[]): Promise<ArticleSummary[]> {
  const checkedIds = new Set<string>(
    (
      await Promise.all(CHECKED_VERDICTS.map((v) => db.claims.where('verdict').equals(v).primaryKeys()))
    ).flat(),
  );
  const tombstones = await db.claims.where('deletedAt').above(Dexie.minKey).toArray();
  const deleted = new Set<string>(tombstones.map((c) => c.id));
  const sourced = new Set<string>(
    (await db.evidence.filter((e) => e.deletedAt === null).toArray()).map((e) => e.claimId),
  );
  const tombstonesOfArticle = new Map<string, Claim[]>();
  for (const c of tombstones)
    tombstonesOfArticle.set(c.articleId, [...(tombstonesOfArticle.get(c.articleId) ?? []), c]);

  return Promise.all(
    articles.map(async (article) => {
      const [ids, speakerIds] = await Promise.all([
        db.claims.where('articleId').equals(article.id).primaryKeys(),
        liveSpeakerIds(article.id, tombstonesOfArticle.get(article.id) ?? []),
      ]);
      const live = ids.filter((id) => !deleted.has(id));
      const checked = live.filter((id) => checkedIds.has(id));
      return {
        id: article.id,
        title: article.title,
        outlet: article.outlet,
        importedAt: article.importedAt,
        claimCount: live.length,
        checkedCount: checked.length,
        uncheckedCount: live.length - checked.length,
        flaggedCount: checked.filter((id) => !sourced.has(id)).length,
        speakerCount: speakerIds.length,
      };
    }),
  );
}

export const articleQueries = {
  all: () => ['articles'] as const,
  /**
   * Live articles with their progress: newest import first, or `needs-work` (most flagged, then
   * most unchecked claims first), `progress` (least checked share first) or `title`.
   */
  list: (sort: ArticleSort = 'imported') =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'list', ...(sort === 'imported' ? [] : [sort])] as const,
      queryFn: () =>
        db.transaction('r', [db.articles, db.claims, db.evidence], async () => {
          const articles = await db.articles.orderBy('importedAt').reverse().filter(isLive).toArray();
          return sortArticles(await summariseLibrary(articles), sort);
        }),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: { tables: ['claims', 'evidence'] } satisfies DbQueryMeta,
    }),
  /** Articles in the trash, most recently deleted first. */
  trash: () =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'trash'] as const,
      queryFn: async (): Promise<Article[]> => {
        const rows = await db.articles.orderBy('deletedAt').reverse().toArray();
        return rows;
      },
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
  /** One article (tombstoned too: the screen shows that it is in the trash), or null. */
  detail: (id: ArticleId) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'detail', id] as const,
      queryFn: async (): Promise<Article | null> => (await db.articles.get(id)) ?? null,
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
};

export const claimQueries = {
  all: () => ['claims'] as const,
  /** An article's live claims, by start offset. */
  byArticle: (articleId: ArticleId) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'byArticle', articleId] as const,
      queryFn: (): Promise<Claim[]> => articleRange('[articleId+start]', articleId).filter(isLive).toArray(),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: {
        scope: { table: 'claims', index: 'articleId', key: articleId, rowsInData: true },
      } satisfies DbQueryMeta,
    }),
  /** One claim (tombstoned too), or null. */
  detail: (id: ClaimId) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'detail', id] as const,
      queryFn: async (): Promise<Claim | null> => (await db.claims.get(id)) ?? null,
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
  /**
   * A page of the claims table: the live claims matching the URL's `ClaimFilters` (any left out
   * are the defaults; `q` searches text, speaker, source titles, notes and tags), in the filters'
   * sort, each with `sourceCount` and `flagged`. See `listClaims`.
   */
  list: (filter: ClaimListFilter = {}, { offset = 0, limit = 100 }: ClaimPage = {}) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'list', claimFilterKey(filter), { offset, limit }] as const,
      queryFn: () => listClaims(filter, { offset, limit }),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: { tables: ['evidence', 'speakers', 'sources'] } satisfies DbQueryMeta,
    }),
  /** How many live claims match `filter` (the table's height and header). */
  count: (filter: ClaimListFilter = {}) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'count', claimFilterKey(filter)] as const,
      queryFn: () => countClaims(filter),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: { tables: ['evidence', 'speakers', 'sources'] } satisfies DbQueryMeta,
    }),
  /** Claim ids best match first for a text query (prefix and fuzzy), e.g. for a quick-find box. */
  search: (q: string, limit = 50) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'search', q.trim(), limit] as const,
      queryFn: () => searchClaims(q, limit),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: { tables: ['evidence', 'speakers', 'sources'] } satisfies DbQueryMeta,
    }),
  /** A speaker's live claims across the library, newest article first within the limit. */
  bySpeaker: (speakerId: SpeakerId, limit = 500) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'bySpeaker', speakerId, limit] as const,
      queryFn: (): Promise<Claim[]> =>
        db.claims.where('speakerId').equals(speakerId).filter(isLive).limit(limit).toArray(),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: {
        scope: { table: 'claims', index: 'speakerId', key: speakerId, rowsInData: true },
      } satisfies DbQueryMeta,
    }),
};

export const speakerQueries = {
  all: () => ['speakers'] as const,
  /** The live speakers of an article's live claims, by name. */
  byArticle: (articleId: ArticleId) =>
    queryOptions({
      queryKey: [...speakerQueries.all(), 'byArticle', articleId] as const,
      queryFn: () =>
        db.transaction('r', [db.claims, db.speakers], async (): Promise<Speaker[]> => {
          const ids = await liveSpeakerIds(articleId, await tombstonesOf(articleId));
          const speakers = (await db.speakers.bulkGet(ids)).filter(isLive);
          return speakers.sort((a, b) => a.name.localeCompare(b.name));
        }),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: { tables: ['claims'] } satisfies DbQueryMeta,
    }),
  /** Every live speaker in the library, by name. */
  list: () =>
    queryOptions({
      queryKey: [...speakerQueries.all(), 'list'] as const,
      queryFn: async (): Promise<Speaker[]> => {
        const rows = await db.speakers.filter(isLive).toArray();
        return rows.sort((a, b) => a.name.localeCompare(b.name));
      },
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
  detail: (id: SpeakerId) =>
    queryOptions({
      queryKey: [...speakerQueries.all(), 'detail', id] as const,
      queryFn: async (): Promise<Speaker | null> => (await db.speakers.get(id)) ?? null,
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
};

export type EvidenceWithSource = Readonly<{ evidence: Evidence; source: Source | null }>;

export const evidenceQueries = {
  all: () => ['evidence'] as const,
  /** A claim's live evidence with its sources. */
  byClaim: (claimId: ClaimId) =>
    queryOptions({
      queryKey: [...evidenceQueries.all(), 'byClaim', claimId] as const,
      queryFn: () =>
        db.transaction('r', [db.evidence, db.sources], async (): Promise<EvidenceWithSource[]> => {
          const evidence = await db.evidence.where('claimId').equals(claimId).filter(isLive).toArray();
          const sources = await db.sources.bulkGet(evidence.map((e) => e.sourceId));
          return evidence
            .map((e, i) => ({ evidence: e, source: sources[i] ?? null }))
            .sort((a, b) => (a.evidence.id < b.evidence.id ? -1 : 1));
        }),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: { tables: ['sources'] } satisfies DbQueryMeta,
    }),
};

export const sourceQueries = {
  all: () => ['sources'] as const,
  /** Live sources, most recently changed first. */
  list: () =>
    queryOptions({
      queryKey: [...sourceQueries.all(), 'list'] as const,
      queryFn: (): Promise<Source[]> => db.sources.orderBy('updatedAt').reverse().filter(isLive).toArray(),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
  detail: (id: SourceId) =>
    queryOptions({
      queryKey: [...sourceQueries.all(), 'detail', id] as const,
      queryFn: async (): Promise<Source | null> => (await db.sources.get(id)) ?? null,
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
};

export const historyQueries = {
  all: () => ['history'] as const,
  /** One row's history, oldest first. */
  byRow: (table: HistoryTable, rowId: string) =>
    queryOptions({
      queryKey: [...historyQueries.all(), 'byRow', table, rowId] as const,
      queryFn: async (): Promise<HistoryEntry[]> => {
        const rows = await db.history.where('[table+rowId]').equals([table, rowId]).toArray();
        return rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
      },
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
};

export const questionQueries = {
  all: () => ['questions'] as const,
  /** Live questions, most recently changed first. */
  list: () =>
    queryOptions({
      queryKey: [...questionQueries.all(), 'list'] as const,
      queryFn: (): Promise<Question[]> =>
        db.questions.orderBy('updatedAt').reverse().filter(isLive).toArray(),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
  /** Live questions raised by an article. */
  byArticle: (articleId: ArticleId) =>
    queryOptions({
      queryKey: [...questionQueries.all(), 'byArticle', articleId] as const,
      queryFn: (): Promise<Question[]> =>
        db.questions.where('articleIds').equals(articleId).filter(isLive).toArray(),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
};

export const metaQueries = {
  all: () => ['meta'] as const,
  value: <T>(key: string) =>
    queryOptions({
      queryKey: [...metaQueries.all(), key] as const,
      queryFn: async (): Promise<T | null> => (await getMeta<T>(key)) ?? null,
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
    }),
};

export const storageQueries = {
  all: () => ['storage'] as const,
  /** Usage and quota change with every big write: refreshed when articles or claims change. */
  estimate: () =>
    queryOptions({
      queryKey: [...storageQueries.all(), 'estimate'] as const,
      queryFn: (): Promise<StorageEstimate> => estimateStorage(),
      staleTime: Number.POSITIVE_INFINITY,
      networkMode: 'always',
      meta: { tables: ['articles', 'claims'] } satisfies DbQueryMeta,
    }),
};
