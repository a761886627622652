import { queryOptions } from '@tanstack/react-query';
import { db } from '@/db/db';

export type ArticleTitle = Readonly<{ id: string; title: string }>;

/**
 * Live articles' ids and titles, newest first: all the Claims screen needs for its article column
 * and filter (the library's list also counts every article's claims, seconds at 500 articles).
 */
export const articleTitlesQuery = () =>
  queryOptions({
    queryKey: ['articles', 'titles'] as const,
    queryFn: async (): Promise<ArticleTitle[]> => {
      const titles: ArticleTitle[] = [];
      await db.articles
        .orderBy('importedAt')
        .reverse()
        .each((a) => {
          if (a.deletedAt === null) titles.push({ id: a.id, title: a.title });
        });
      return titles;
    },
    staleTime: Number.POSITIVE_INFINITY,
    networkMode: 'always',
  });
