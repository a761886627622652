import { useParams } from 'react-router';
import type { ArticleId } from '@/core/model/types';
import { ArticleScreen } from '@/features/article/components/article-screen';
import { ClaimReview } from '@/features/claim/components/claim-review';
import { NeedsSourceBadge } from '@/features/claim/components/needs-source-badge';
import { paths } from '../paths';

export function ArticleRoute() {
  const { articleId = '' } = useParams();
  return (
    <ArticleScreen
      key={articleId}
      articleId={articleId as ArticleId}
      libraryHref={paths.library}
      review={
        <ClaimReview
          articleId={articleId as ArticleId}
          articleHref={paths.article(articleId)}
          claimHref={(claimId) => paths.claim(articleId, claimId)}
        />
      }
      ClaimBadge={NeedsSourceBadge}
    />
  );
}
