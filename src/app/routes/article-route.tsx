import { useParams } from 'react-router';
import type { ArticleId } from '@/core/model/types';
import { ArticleScreen } from '@/features/article/components/article-screen';
import { paths } from '../paths';

export function ArticleRoute() {
  const { articleId = '' } = useParams();
  return <ArticleScreen key={articleId} articleId={articleId as ArticleId} libraryHref={paths.library} />;
}
