import { useCallback, useRef } from 'react';
import { useParams } from 'react-router';
import type { ArticleId, Claim, Verdict } from '@/core/model/types';
import { ArticleScreen } from '@/features/article/components/article-screen';
import { ClaimReview, type VerdictRequester } from '@/features/claim/components/claim-review';
import { NeedsSourceBadge } from '@/features/claim/components/needs-source-badge';
import { paths } from '../paths';

export function ArticleRoute() {
  const { articleId = '' } = useParams();
  // The claim list's verdict menu goes through the review, which asks before a rating with no source.
  const verdicts = useRef<VerdictRequester | null>(null);
  const onVerdict = useCallback((claim: Claim, verdict: Verdict) => verdicts.current?.(claim, verdict), []);
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
          verdictRequests={verdicts}
          speakerHref={paths.speaker}
        />
      }
      ClaimBadge={NeedsSourceBadge}
      onVerdict={onVerdict}
      speakerHref={paths.speaker}
    />
  );
}
