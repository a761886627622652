import { useQuery } from '@tanstack/react-query';
import type { ArticleId } from '@/core/model/types';
import { articleQueries, claimQueries, speakerQueries } from '@/db/queries';

export const useArticle = (id: ArticleId) => useQuery(articleQueries.detail(id));
export const useArticleClaims = (id: ArticleId) => useQuery(claimQueries.byArticle(id));
export const useArticleSpeakers = (id: ArticleId) => useQuery(speakerQueries.byArticle(id));
