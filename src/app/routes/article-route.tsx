import { useParams } from 'react-router';
import type { ArticleId } from '@/core/model/types';
import { ArticleScreen } from '@/features/article/components/article-screen';
import { ClaimReview } from '@/features/claim/components/claim-review';
import { NeedsSourceBadge } from '@/features/claim/components/needs-source-badge';
import { useApplyVerdict, useVerdictRequest } from '@/features/claim/hooks/use-verdict-request';
import { paths } from '../paths';

export function ArticleRoute() {
  const { articleId = '' } = useParams();
  // The claim list's verdict menu asks through the same request as the panel (a rating with no source is confirmed).
  const onVerdict = useVerdictRequest(useApplyVerdict());
  return (
    <ArticleScreen
      key={articleId}
      articleId={articleId as ArticleId}
      libraryHref={paths.library}
      review={<ClaimReview articleId={articleId as ArticleId} />}
      ClaimBadge={NeedsSourceBadge}
      onVerdict={onVerdict}
    />
  );
}
