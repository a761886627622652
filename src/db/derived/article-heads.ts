import type { Article } from '@/core/model/types';

/**
 * An article without its text (`articleHeads`, same id): what the Library, the Claims screen's
 * article column, compare and profiles show of an article. Reading a 300 KB article to show its
 * title clones the whole text; a head is a few hundred bytes.
 */
export type ArticleHead = Pick<
  Article,
  'id' | 'title' | 'outlet' | 'url' | 'publishedAt' | 'importedAt' | 'updatedAt' | 'deletedAt'
>;

export const headOf = (a: Article): ArticleHead => ({
  id: a.id,
  title: a.title,
  outlet: a.outlet,
  url: a.url,
  publishedAt: a.publishedAt,
  importedAt: a.importedAt,
  updatedAt: a.updatedAt,
  deletedAt: a.deletedAt,
});
