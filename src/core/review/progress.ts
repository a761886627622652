/** How far the checking of an article has got, and the library's "what still needs work" order. */

export type ArticleProgress = Readonly<{
  id: string;
  title: string;
  importedAt: number;
  claimCount: number;
  checkedCount: number;
  /** Claims still unchecked or in progress. */
  uncheckedCount: number;
  /** Claims with a rating verdict but no source. */
  flaggedCount: number;
}>;

export const ARTICLE_SORTS = ['imported', 'needs-work', 'title', 'progress'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

export const isArticleSort = (v: unknown): v is ArticleSort =>
  typeof v === 'string' && (ARTICLE_SORTS as readonly string[]).includes(v);

/** Share of claims checked, 0..1 (an article with no claims counts as done). */
export const progressRatio = (p: Pick<ArticleProgress, 'claimCount' | 'checkedCount'>): number =>
  p.claimCount === 0 ? 1 : p.checkedCount / p.claimCount;

/**
 * Articles in the requested order: `imported` newest first; `needs-work` most flagged claims (a
 * verdict with no source) first, then most unchecked claims; `progress` least checked share first;
 * `title` A–Z. Ties fall back to newest import.
 */
export function sortArticles<T extends ArticleProgress>(articles: readonly T[], sort: ArticleSort): T[] {
  const newest = (a: T, b: T) => b.importedAt - a.importedAt || (a.id < b.id ? -1 : 1);
  const by: Record<ArticleSort, (a: T, b: T) => number> = {
    imported: newest,
    'needs-work': (a, b) =>
      b.flaggedCount - a.flaggedCount || b.uncheckedCount - a.uncheckedCount || newest(a, b),
    progress: (a, b) => progressRatio(a) - progressRatio(b) || newest(a, b),
    title: (a, b) => a.title.localeCompare(b.title) || newest(a, b),
  };
  return [...articles].sort(by[sort]);
}
