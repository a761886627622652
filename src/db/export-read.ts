import { queryOptions } from '@tanstack/react-query';
import { type ExportItem, exportItemOf, liveLinks } from '@/core/export/export-item';
import { filterTitle } from '@/core/export/filter-title';
import type { Article, ArticleId, Claim, ClaimId, Evidence, SourceId, SpeakerId } from '@/core/model/types';
import type { ClaimFilters } from '@/core/review/filters';
import { type ClaimListFilter, countClaims, iterateClaimRows } from './claim-list';
import { db } from './db';
import type { DbQueryMeta } from './queries';

/** Which claims an export takes: all, the Claims screen's current view, one article, one claim. */
export type ExportScope =
  | Readonly<{ kind: 'all' }>
  | Readonly<{ kind: 'view'; filters: Partial<ClaimFilters> }>
  | Readonly<{ kind: 'article'; articleId: string }>
  | Readonly<{ kind: 'claim'; claimId: string }>;

export const DEFAULT_PAGE_SIZE = 500;

/** The claims of a page with their article, speaker and live sources (four bounded reads). */
async function itemsOf(
  claims: readonly Claim[],
  articles?: ReadonlyMap<string, Article>,
): Promise<ExportItem[]> {
  if (claims.length === 0) return [];
  const articleIds = [...new Set(claims.map((c) => c.articleId))].filter((id) => !articles?.has(id));
  const speakerIds = [...new Set(claims.map((c) => c.speakerId).filter((s): s is SpeakerId => s !== null))];
  const [moreArticles, speakers, evidence] = await Promise.all([
    db.articles.bulkGet(articleIds as ArticleId[]),
    db.speakers.bulkGet(speakerIds),
    db.evidence
      .where('claimId')
      .anyOf(claims.map((c) => c.id))
      .toArray(),
  ]);
  const sources = await db.sources.bulkGet([...new Set(evidence.map((e) => e.sourceId))] as SourceId[]);
  const articleById = new Map(articles);
  for (const a of moreArticles) if (a) articleById.set(a.id, a);
  const speakerById = new Map(speakers.filter((s) => s !== undefined).map((s) => [s.id as string, s]));
  const sourceById = new Map(sources.filter((s) => s !== undefined).map((s) => [s.id as string, s]));
  const evidenceByClaim = new Map<string, Evidence[]>();
  for (const e of evidence) evidenceByClaim.set(e.claimId, [...(evidenceByClaim.get(e.claimId) ?? []), e]);
  const lookup = {
    article: (id: string) => articleById.get(id),
    speaker: (id: string) => speakerById.get(id),
    links: (claimId: string) => liveLinks(evidenceByClaim.get(claimId) ?? [], (id) => sourceById.get(id)),
  };
  return claims.map((c) => exportItemOf(c, lookup)).filter((i): i is ExportItem => i !== null);
}

/** An article's claims in position order (the `[articleId+start]` index; ties by id). */
async function claimsOfArticle(articleId: string): Promise<Claim[]> {
  const rows = await db.claims
    .where('[articleId+start]')
    .between([articleId, -Infinity], [articleId, Infinity], true, true)
    .toArray();
  return rows.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * All live claims in the canonical export order (article id, position, id — the order
 * `core/export/export-item.ts` `compareForExport` gives a backup, so the CLI's `convert` writes the
 * same bytes), a page at a time: whole articles until the page holds `pageSize` claims.
 */
async function* allClaimPages(pageSize: number): AsyncGenerator<ExportItem[]> {
  const articleIds = (await db.articles.orderBy(':id').primaryKeys()) as string[];
  let page: Claim[] = [];
  const articles = new Map<string, Article>();
  for (const id of articleIds) {
    const article = await db.articles.get(id as ArticleId);
    if (!article || article.deletedAt !== null) continue;
    articles.set(id, article);
    page.push(...(await claimsOfArticle(id)));
    if (page.length >= pageSize) {
      yield itemsOf(page, articles);
      page = [];
      articles.clear();
    }
  }
  if (page.length) yield itemsOf(page, articles);
}

/** The Claims screen's view, in its order, through the db read model (`iterateClaimRows`), a page at a time. */
async function* viewClaimPages(filters: ClaimListFilter, pageSize: number): AsyncGenerator<ExportItem[]> {
  for await (const page of iterateClaimRows(filters, { pageSize })) {
    const claims: Claim[] = page.map(({ sourceCount: _s, flagged: _f, ...claim }) => claim as Claim);
    yield itemsOf(claims);
  }
}

/** The claims of a scope as export items, a page at a time (never the whole library in memory). */
export async function* exportItemPages(
  scope: ExportScope,
  { pageSize = DEFAULT_PAGE_SIZE }: { pageSize?: number } = {},
): AsyncGenerator<ExportItem[]> {
  switch (scope.kind) {
    case 'all':
      yield* allClaimPages(pageSize);
      return;
    case 'view':
      yield* viewClaimPages(scope.filters, pageSize);
      return;
    case 'article': {
      const article = await db.articles.get(scope.articleId as ArticleId);
      if (!article || article.deletedAt !== null) return;
      yield itemsOf(await claimsOfArticle(article.id), new Map([[article.id, article]]));
      return;
    }
    case 'claim': {
      const claim = await db.claims.get(scope.claimId as ClaimId);
      if (claim) yield itemsOf([claim]);
      return;
    }
  }
}

/** How many claims an export of the scope takes. */
export async function countExportClaims(scope: ExportScope): Promise<number> {
  switch (scope.kind) {
    case 'all':
      return countClaims({});
    case 'view':
      return countClaims(scope.filters);
    case 'article': {
      const article = await db.articles.get(scope.articleId as ArticleId);
      if (!article || article.deletedAt !== null) return 0;
      return db.claims
        .where('[articleId+start]')
        .between([article.id, -Infinity], [article.id, Infinity], true, true)
        .filter((c) => c.deletedAt === null)
        .count();
    }
    case 'claim': {
      const claim = await db.claims.get(scope.claimId as ClaimId);
      if (!claim || claim.deletedAt !== null) return 0;
      const article = await db.articles.get(claim.articleId);
      return article && article.deletedAt === null ? 1 : 0;
    }
  }
}

/** How many claims an export of the scope takes (a count, refreshed when claims or articles change). */
export const exportQueries = {
  count: (scope: ExportScope) =>
    queryOptions({
      queryKey: ['claims', 'export-count', scope] as const,
      queryFn: () => countExportClaims(scope),
      meta: { tables: ['claims', 'articles', 'evidence'] } satisfies DbQueryMeta,
    }),
};

/**
 * The heading of an export: the article's title for an article or a claim; for a filtered view,
 * `fallback` with what the filter keeps ("Claims: verdict False, tag crime"); else `fallback`.
 */
export async function exportTitle(scope: ExportScope, fallback: string): Promise<string> {
  if (scope.kind === 'view') {
    const { speakerIds = [], articleIds = [] } = scope.filters;
    const [speakers, articles] = await Promise.all([
      db.speakers.bulkGet(speakerIds as SpeakerId[]),
      db.articles.bulkGet(articleIds as ArticleId[]),
    ]);
    const names = {
      speaker: (id: string) => speakers[speakerIds.indexOf(id)]?.name,
      article: (id: string) => articles[articleIds.indexOf(id)]?.title,
    };
    return filterTitle(scope.filters, names, fallback);
  }
  const articleId =
    scope.kind === 'article'
      ? scope.articleId
      : scope.kind === 'claim'
        ? (await db.claims.get(scope.claimId as ClaimId))?.articleId
        : undefined;
  const article = articleId ? await db.articles.get(articleId as ArticleId) : undefined;
  return article?.title || fallback;
}
