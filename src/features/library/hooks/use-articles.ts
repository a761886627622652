import { useMutation, useQuery } from '@tanstack/react-query';
import type { ArticleId } from '@/core/model/types';
import type { ArticleSort } from '@/core/review/progress';
import { softDeleteArticle } from '@/db/articles';
import { articleQueries } from '@/db/queries';

export const useArticles = (sort: ArticleSort = 'imported') => useQuery(articleQueries.list(sort));

export const useDeleteArticle = () => useMutation({ mutationFn: (id: ArticleId) => softDeleteArticle(id) });
