import { useMutation, useQuery } from '@tanstack/react-query';
import type { ArticleId } from '@/core/model/types';
import { softDeleteArticle } from '@/db/articles';
import { articleQueries } from '@/db/queries';

export const useArticles = () => useQuery(articleQueries.list());

export const useDeleteArticle = () => useMutation({ mutationFn: (id: ArticleId) => softDeleteArticle(id) });
