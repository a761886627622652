import { queryOptions } from '@tanstack/react-query';
import { Dexie, type Table } from 'dexie';
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
  Speaker,
  SpeakerId,
  Timestamp,
} from '@/core/model/types';
import { type ArticleSort, sortArticles } from '@/core/review/progress';
import { claimFilterKey } from './claim-filter-key';
import type { ClaimListFilter, ClaimPageRequest } from './claim-list';
import { db, type TableName } from './db';
import type { ArticleHead } from './derived/article-heads';
import { articleScope, HIGH, type SummaryRow } from './derived/facets';
import { getMeta } from './meta';
import { rowsByKey } from './rows-by-key';
import { estimateStorage, type StorageEstimate } from './storage';
import {
  type ArticleCounts,
  articleCounts,
  type ClaimCounts,
  countsOf,
  keysOf,
  libraryCounts,
  speakerCounts,
  tagsInUse,
} from './summaries';

/**
 * What a query reads, for the invalidation bridge (live.ts):
 * - `tables`: every table it reads besides the one its key starts with;
 * - `scope`: the query holds only rows of `table` whose `index` equals `key` (and only those
 *   rows' ids, when `rowsInData`), so a write elsewhere in that table can leave it alone.
 */
export type QueryScope = Readonly<{ table: TableName; index: string; key: string; rowsInData: boolean }>;
/**
 * - `inPlace`: the query's rows (`scope.rowsInData`) are ordered by the field `orderBy`; a write that
 *   only changes rows it holds, each still live, in scope and at the same `orderBy` value, is read
 *   row by row and put in place by the bridge (live.ts), not answered by reading the whole list again.
 * - `stillCurrent`: for a write to `tables` only (not the table its key starts with), whether the
 *   query's data is still what a read would give (a cheaper read than the query's own); a shown
 *   query whose answer is true is left as it is.
 */
export type DbQueryMeta = Readonly<{
  tables?: readonly TableName[];
  scope?: QueryScope;
  inPlace?: Readonly<{ orderBy: string }>;
  stillCurrent?: (data: unknown) => Promise<boolean>;
}>;

const isLive = <T extends { deletedAt: Timestamp | null }>(row: T | undefined): row is T =>
  row !== undefined && row.deletedAt === null;

/** The claims of one article, in the range of a compound index starting with articleId. */
const articleRange = (index: string, articleId: ArticleId) =>
  db.claims.where(index).between([articleId, Dexie.minKey], [articleId, Dexie.maxKey], true, true);

/**
 * `read` in a read transaction on `tables`, aborted when `signal` aborts (TanStack Query aborts the
 * signal of a query no screen observes any more): the next screen's reads do not queue behind it,
 * and its rows are not decoded.
 */
function abortableRead<T>(signal: AbortSignal, tables: Table[], read: () => Promise<T>): Promise<T> {
  return db.transaction('r', tables, () => {
    const tx = Dexie.currentTransaction;
    const abort = () => {
      if (tx?.active) tx.abort();
    };
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    return read();
  });
}

/** How many claims an article's first read holds (`claimQueries.byArticleHead`). */
export const ARTICLE_HEAD_CLAIMS = 150;
/** Claims per request when reading a whole article (`articleClaimsInPages`). */
const ARTICLE_PAGE = 300;

/**
 * An article's live claims by start offset, in pages of `ARTICLE_PAGE` by key inside one read
 * transaction: each page's rows are decoded in a task of its own, so a 1,800-claim article's read
 * does not hold the main thread for the whole 1.5 MB at once (a key or a click answers between pages).
 * One batch read per page, filtered after: a Dexie .filter() walks a cursor, a round trip per claim.
 */
function articleClaimsInPages(articleId: ArticleId): Promise<Claim[]> {
  return db.transaction('r', db.claims, async () => {
    const rows: Claim[] = [];
    const taken = new Set<string>();
    let from: number | null = null;
    for (;;) {
      const range = () =>
        db.claims
          .where('[articleId+start]')
          .between([articleId, from ?? Dexie.minKey], [articleId, Dexie.maxKey], true, true);
      const page = await range().limit(ARTICLE_PAGE).toArray();
      // The page starts at the last start read: the claims already taken at that offset are skipped.
      const fresh = page.filter((c) => !taken.has(c.id));
      if (page.length === ARTICLE_PAGE && fresh.length === 0) {
        // More than a page of claims share one start: read the rest at once.
        const rest = (await range().toArray()).filter((c) => !taken.has(c.id));
        rows.push(...rest);
        break;
      }
      for (const c of fresh) taken.add(c.id);
      rows.push(...fresh);
      if (page.length < ARTICLE_PAGE) break;
      from = page.at(-1)!.start;
    }
    return rows.filter(isLive);
  });
}

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

/**
 * Rows per request of the Library's whole list (heads, then summaries): at 1,000 articles the
 * summaries are about 1.5 MB, and IndexedDB answers requests in order, so the next screen's first
 * reads (asked when a person leaves the Library right after its first rows) waited behind one
 * request for all of them (100–160 ms on the Claims screen's trace at load 5–8); now behind one page.
 */
export const LIBRARY_PAGE = 200;

/** A table's rows whose primary keys run from `lo` up to `hi` (every key above `lo` without it), in key order, `LIBRARY_PAGE` per request. */
async function inPages<T extends { id: K }, K extends string>(
  table: Table<T, K, unknown>,
  lo: string,
  hi: string | typeof Dexie.maxKey = Dexie.maxKey,
): Promise<T[]> {
  const rows: T[] = [];
  let from = lo;
  let inclusive = true;
  for (;;) {
    const page = await table.where(':id').between(from, hi, inclusive, true).limit(LIBRARY_PAGE).toArray();
    rows.push(...page);
    if (page.length < LIBRARY_PAGE) return rows;
    from = page.at(-1)!.id;
    inclusive = false;
  }
}

/**
 * The progress of every live article from its kept summary (never a claim): counts by verdict and
 * source are maintained with every write (src/db/derived). The article summaries are read as key
 * ranges (`a:…`, `inPages`), not one request per article: issuing and answering a get per article
 * was most of the main thread's script time of each Library re-read during a bulk import, growing
 * with the library.
 */
async function summariseLibrary(articles: readonly ArticleHead[]): Promise<ArticleSummary[]> {
  const read = await inPages(db.summaries, articleScope(''), articleScope(HIGH));
  const byId = new Map(read.map((r) => [r.id, r]));
  return articles.map((article) => summaryOf(article, byId.get(articleScope(article.id))));
}

function summaryOf(article: ArticleHead, row: SummaryRow | undefined): ArticleSummary {
  const counts = countsOf(row);
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    importedAt: article.importedAt,
    claimCount: counts.claimCount,
    checkedCount: counts.checkedCount,
    uncheckedCount: counts.uncheckedCount,
    flaggedCount: counts.flaggedCount,
    speakerCount: keysOf(row, 's:').length,
  };
}

/**
 * The newest `limit` live articles with their progress, as `list()` orders them: bounded reads (the
 * newest heads on the `importedAt` index, those tied with the last of them, and their summaries by
 * key). At 1,000 articles the summaries are about 1.5 MB, and reading them all was most of the
 * Library's wait for its first rows.
 */
async function newestSummaries(limit: number): Promise<ArticleSummary[]> {
  const newest = await db.articleHeads.orderBy('importedAt').reverse().filter(isLive).limit(limit).toArray();
  const last = newest.at(-1);
  // on equal import times the list orders by id, which the index's reverse walk does not
  const tied = last
    ? await db.articleHeads.where('importedAt').equals(last.importedAt).filter(isLive).toArray()
    : [];
  const heads = [...new Map([...newest, ...tied].map((h) => [h.id, h])).values()];
  const rows = await db.summaries.bulkGet(heads.map((h) => articleScope(h.id)));
  return sortArticles(
    heads.map((h, i) => summaryOf(h, rows[i])),
    'imported',
  ).slice(0, limit);
}

export type ArticleTitle = Readonly<{ id: ArticleId; title: string }>;

export const articleQueries = {
  all: () => ['articles'] as const,
  /**
   * Live articles with their progress: newest import first, or `needs-work` (most flagged, then
   * most unchecked claims first), `progress` (least checked share first) or `title`.
   */
  list: (sort: ArticleSort = 'imported') =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'list', ...(sort === 'imported' ? [] : [sort])] as const,
      // 1.5 MB of summaries at 1,000 articles: aborted when the Library is left before it is in
      queryFn: ({ signal }) =>
        abortableRead(signal, [db.articleHeads, db.summaries], async () => {
          // heads, not articles (no text), in pages by id; newest first by the sort below
          const articles = (await inPages(db.articleHeads, '')).filter(isLive);
          return sortArticles(await summariseLibrary(articles), sort);
        }),
      meta: { tables: ['summaries'] } satisfies DbQueryMeta,
    }),
  /**
   * The first `limit` rows of `list()` (newest first), read without the rest: the Library draws them
   * while the whole list is still being read.
   */
  newest: (limit: number) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'newest', limit] as const,
      queryFn: () => db.transaction('r', [db.articleHeads, db.summaries], () => newestSummaries(limit)),
      meta: { tables: ['summaries'] } satisfies DbQueryMeta,
    }),
  /** Live articles' ids and titles, newest first (the Claims screen's article column and filter). */
  titles: () =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'titles'] as const,
      // aborted when no screen waits for it any more (the Claims screen reads it for its menu, after its rows)
      queryFn: ({ signal }): Promise<ArticleTitle[]> =>
        abortableRead(signal, [db.articleHeads], async () => {
          const heads = await db.articleHeads.orderBy('importedAt').toArray();
          return heads
            .filter(isLive)
            .reverse()
            .map((a) => ({ id: a.id, title: a.title }));
        }),
    }),
  /** Articles in the trash, most recently deleted first. */
  trash: () =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'trash'] as const,
      queryFn: async (): Promise<Article[]> => {
        const rows = await db.articles.orderBy('deletedAt').reverse().toArray();
        return rows;
      },
    }),
  /** One article (tombstoned too: the screen shows that it is in the trash), or null. */
  detail: (id: ArticleId) =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'detail', id] as const,
      queryFn: async (): Promise<Article | null> => (await db.articles.get(id)) ?? null,
    }),
};

type ReadModel = typeof import('./claim-list');
let readModel: ReadModel | undefined;
/**
 * The claims read model, loaded with the Claims screen's chunk or the first claims list, not with
 * the Library's first paint (`preloadClaimReadModel`). Once it is in, a list or count query asks
 * for its first rows in the caller's task: an import of a loaded module still answers a task later,
 * so a query started as a navigation renders would otherwise wait for the whole render to end.
 */
export const preloadClaimReadModel = (): Promise<ReadModel> =>
  readModel ? Promise.resolve(readModel) : import('./claim-list').then((m) => (readModel = m));
const withReadModel = <T>(read: (m: ReadModel) => Promise<T>): Promise<T> =>
  readModel ? read(readModel) : preloadClaimReadModel().then(read);
/**
 * Claims lists read the facets and summaries (kept with claims, evidence and speaker writes), and
 * from schema v14 the claims' own hot keys and verdicts: a verdict or note edit writes no facet row.
 */
const LIST_TABLES: readonly TableName[] = [
  'claims',
  'claimFacets',
  'claimSourced',
  'summaries',
  'evidence',
  'speakers',
  'sources',
];
const LIST_META: DbQueryMeta = { tables: LIST_TABLES };
/** The table's pages also hold their articles' titles (a rename refreshes them). */
const TABLE_META: DbQueryMeta = { tables: [...LIST_TABLES, 'articleHeads'] };

export const claimQueries = {
  all: () => ['claims'] as const,
  /** The key prefix of every article's claim list. */
  byArticleAll: () => [...claimQueries.all(), 'byArticle'] as const,
  /** An article's live claims, by start offset. */
  byArticle: (articleId: ArticleId) =>
    queryOptions({
      queryKey: [...claimQueries.byArticleAll(), articleId] as const,
      queryFn: (): Promise<Claim[]> => articleClaimsInPages(articleId),
      // A verdict (or tag, note…) on one of a long article's claims reads that claim, not all 1,800.
      meta: {
        scope: { table: 'claims', index: 'articleId', key: articleId, rowsInData: true },
        inPlace: { orderBy: 'start' },
      } satisfies DbQueryMeta,
    }),
  /**
   * The first live claims of an article by start offset (at most `ARTICLE_HEAD_CLAIMS`): what the
   * top of its text shows, read in one small request while the whole list is still being read.
   * Under `byArticleAll()`, so a verdict shown at once reaches it too.
   */
  byArticleHead: (articleId: ArticleId) =>
    queryOptions({
      queryKey: [...claimQueries.byArticleAll(), articleId, 'head'] as const,
      queryFn: async (): Promise<Claim[]> =>
        (await articleRange('[articleId+start]', articleId).limit(ARTICLE_HEAD_CLAIMS).toArray()).filter(
          isLive,
        ),
      meta: {
        scope: { table: 'claims', index: 'articleId', key: articleId, rowsInData: true },
        inPlace: { orderBy: 'start' },
      } satisfies DbQueryMeta,
    }),
  /** One claim (tombstoned too), or null. */
  detail: (id: ClaimId) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'detail', id] as const,
      queryFn: async (): Promise<Claim | null> => (await db.claims.get(id)) ?? null,
    }),
  /**
   * A page of a claims list: the live claims matching the URL's `ClaimFilters` (any left out are
   * the defaults; `q` searches text, speaker, source titles, notes and tags), in the filters' sort,
   * each with `sourceCount`, `flagged`, its speaker's name and its article's title, from `offset` or
   * `after` a cursor. See `claim-list.ts`.
   */
  list: (filter: ClaimListFilter = {}, { after = null, offset = 0, limit = 100 }: ClaimPageRequest = {}) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'list', claimFilterKey(filter), { after, offset, limit }] as const,
      queryFn: ({ signal }) =>
        withReadModel((m) => m.listTableClaims(filter, { after, offset, limit }, signal)),
      meta: TABLE_META,
    }),
  /** The same page with the cursor of the next one. */
  page: (filter: ClaimListFilter = {}, { after = null, limit = 100 }: ClaimPageRequest = {}) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'page', claimFilterKey(filter), { after, limit }] as const,
      queryFn: () => withReadModel((m) => m.listClaimPage(filter, { after, limit })),
      meta: LIST_META,
    }),
  /** The ordered ids of every matching claim (the Claims table's scroll height, ranges, select all). */
  ids: (filter: ClaimListFilter = {}) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'ids', claimFilterKey(filter)] as const,
      queryFn: () => withReadModel((m) => m.matchingClaimIds(filter)),
      meta: LIST_META,
    }),
  /** The rows of one window of ids: keyed by its length, first and last id so a shifted list reads again. */
  rows: (ids: readonly ClaimId[]) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'rows', ids.length, ids[0] ?? '', ids.at(-1) ?? ''] as const,
      queryFn: () => withReadModel((m) => m.claimRows(ids)),
      meta: { tables: ['evidence'] } satisfies DbQueryMeta,
    }),
  /** How many live claims match `filter` (the table's height and header). */
  count: (filter: ClaimListFilter = {}) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'count', claimFilterKey(filter)] as const,
      queryFn: () => withReadModel((m) => m.countClaims(filter)),
      meta: LIST_META,
    }),
  /** Every tag on a live claim with how many live claims carry it (from the library summary). */
  tagCounts: () =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'tagCounts'] as const,
      queryFn: (): Promise<ReadonlyMap<string, number>> => tagsInUse(),
      meta: { tables: ['summaries'] } satisfies DbQueryMeta,
    }),
  /** Claim ids best match first for a text query (prefix and fuzzy), e.g. for a quick-find box. */
  search: (q: string, limit = 50) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'search', q.trim(), limit] as const,
      // the search code (MiniSearch, the worker connection) loads with the first search, not the first paint
      queryFn: () => import('./search').then((m) => m.searchClaims(q, limit)),
      meta: { tables: ['evidence', 'speakers', 'sources'] } satisfies DbQueryMeta,
    }),
  /** A speaker's live claims across the library, newest article first within the limit. */
  bySpeaker: (speakerId: SpeakerId, limit = 500) =>
    queryOptions({
      queryKey: [...claimQueries.all(), 'bySpeaker', speakerId, limit] as const,
      queryFn: (): Promise<Claim[]> =>
        db.claims.where('speakerId').equals(speakerId).filter(isLive).limit(limit).toArray(),
      meta: {
        scope: { table: 'claims', index: 'speakerId', key: speakerId, rowsInData: true },
      } satisfies DbQueryMeta,
    }),
};

/** The speaker ids of the article's summary each speakers list was read from (`stillCurrent`). */
const speakerKeysRead = new WeakMap<readonly Speaker[], string>();
const speakerKeys = (ids: readonly string[]) => [...ids].sort().join('\n');

export const speakerQueries = {
  all: () => ['speakers'] as const,
  /** The live speakers of an article's live claims, by name. */
  byArticle: (articleId: ArticleId) =>
    queryOptions({
      queryKey: [...speakerQueries.all(), 'byArticle', articleId] as const,
      queryFn: () =>
        db.transaction('r', [db.summaries, db.speakers], async (): Promise<Speaker[]> => {
          const ids = keysOf(await db.summaries.get(articleScope(articleId)), 's:') as SpeakerId[];
          const speakers = (await rowsByKey(db.speakers, ids)).filter(isLive);
          const sorted = speakers.sort((a, b) => a.name.localeCompare(b.name));
          speakerKeysRead.set(sorted, speakerKeys(ids));
          return sorted;
        }),
      // A verdict edit changes the article's summary (its counts), rarely its speakers: one read of
      // the summary says whether the speakers' read would give the same list.
      meta: {
        tables: ['summaries'],
        stillCurrent: async (data) =>
          speakerKeysRead.get(data as Speaker[]) ===
          speakerKeys(keysOf(await db.summaries.get(articleScope(articleId)), 's:')),
      } satisfies DbQueryMeta,
    }),
  /**
   * The live speakers of some of an article's claims (its first claims), by name: what the article
   * screen's first frame names, a read per speaker of those claims (~50 for a long article's first
   * 150) where `byArticle` reads every speaker of the article (~550) after its summary row.
   */
  ofClaims: (articleId: ArticleId, claims: readonly Pick<Claim, 'speakerId'>[]) => {
    const ids = [...new Set(claims.flatMap((c) => (c.speakerId === null ? [] : [c.speakerId])))].sort();
    return queryOptions({
      queryKey: [...speakerQueries.all(), 'ofClaims', articleId, ids.join(' ')] as const,
      queryFn: async (): Promise<Speaker[]> =>
        (await db.speakers.bulkGet(ids)).filter(isLive).sort((a, b) => a.name.localeCompare(b.name)),
    });
  },
  /** Every live speaker in the library, by name. */
  list: () =>
    queryOptions({
      queryKey: [...speakerQueries.all(), 'list'] as const,
      // 0.47 MB at 100,000 claims: aborted when no screen waits for it any more (see articleQueries.list)
      queryFn: ({ signal }): Promise<Speaker[]> =>
        abortableRead(signal, [db.speakers], async () => {
          // one batch read, filtered after: a Dexie .filter() walks a cursor, a round trip per speaker
          const rows = (await db.speakers.toArray()).filter(isLive);
          return rows.sort((a, b) => a.name.localeCompare(b.name));
        }),
    }),
  detail: (id: SpeakerId) =>
    queryOptions({
      queryKey: [...speakerQueries.all(), 'detail', id] as const,
      queryFn: async (): Promise<Speaker | null> => (await db.speakers.get(id)) ?? null,
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
    }),
};

export const historyQueries = {
  all: () => ['history'] as const,
  /** One row's history, oldest first. */
  byRow: (table: HistoryTable, rowId: string) =>
    queryOptions({
      queryKey: [...historyQueries.all(), 'byRow', table, rowId] as const,
      // the history reader loads with the first history panel, not with the app
      queryFn: (): Promise<HistoryEntry[]> =>
        import('./history-read').then((h) => h.historyOfRow(table, rowId)),
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
    }),
  /** Live questions raised by an article. */
  byArticle: (articleId: ArticleId) =>
    queryOptions({
      queryKey: [...questionQueries.all(), 'byArticle', articleId] as const,
      queryFn: (): Promise<Question[]> =>
        db.questions.where('articleIds').equals(articleId).filter(isLive).toArray(),
    }),
};

export const metaQueries = {
  all: () => ['meta'] as const,
  value: <T>(key: string) =>
    queryOptions({
      queryKey: [...metaQueries.all(), key] as const,
      queryFn: async (): Promise<T | null> => (await getMeta<T>(key)) ?? null,
    }),
};

export const storageQueries = {
  all: () => ['storage'] as const,
  /** Usage and quota change with every big write: refreshed when articles or claims change. */
  estimate: () =>
    queryOptions({
      queryKey: [...storageQueries.all(), 'estimate'] as const,
      queryFn: (): Promise<StorageEstimate> => estimateStorage(),
      meta: { tables: ['articles', 'claims'] } satisfies DbQueryMeta,
    }),
};

export const summaryQueries = {
  all: () => ['summaries'] as const,
  /** The library's counts of live claims (by verdict, checked, flagged, with / without source). */
  library: () =>
    queryOptions({
      queryKey: [...summaryQueries.all(), 'library'] as const,
      queryFn: (): Promise<ClaimCounts> => libraryCounts(),
    }),
  /**
   * One article's counts of live claims, and how many speakers they name (kept with every write: no
   * claim is read).
   */
  article: (id: ArticleId) =>
    queryOptions({
      queryKey: [...summaryQueries.all(), 'article', id] as const,
      queryFn: (): Promise<ArticleCounts> => articleCounts(id),
    }),
  /** One speaker's counts across the library. */
  speaker: (id: SpeakerId) =>
    queryOptions({
      queryKey: [...summaryQueries.all(), 'speaker', id] as const,
      queryFn: (): Promise<ClaimCounts> => speakerCounts(id),
    }),
};
