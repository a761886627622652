import { useMutation } from '@tanstack/react-query';
import type { ArticleId } from '@/core/model/types';
import { restoreArticle } from '@/db/articles';

export const useRestoreArticle = () => useMutation({ mutationFn: (id: ArticleId) => restoreArticle(id) });
