import { useCallback, useRef } from 'react';
import { useParams } from 'react-router';
import { ALL_CLAIMS_TITLE } from '@/core/export/render';
import type { ArticleId, Claim, Verdict } from '@/core/model/types';
import { ArticleScreen } from '@/features/article/components/article-screen';
import { ClaimReview, type VerdictRequester } from '@/features/claim/components/claim-review';
import { NeedsSourceBadge } from '@/features/claim/components/needs-source-badge';
import { ExportButton } from '@/features/export/components/export-button';
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
          claimActions={(claimId) => (
            <ExportButton
              settingsHref={paths.settings}
              label="Export"
              className="small"
              choices={[
                { id: 'claim', label: 'This claim', title: 'Claim', scope: { kind: 'claim', claimId } },
              ]}
            />
          )}
        />
      }
      ClaimBadge={NeedsSourceBadge}
      onVerdict={onVerdict}
      actions={
        <ExportButton
          settingsHref={paths.settings}
          choices={[
            {
              id: 'article',
              label: 'The claims of this article',
              title: 'Article',
              scope: { kind: 'article', articleId },
            },
            { id: 'all', label: 'All claims', title: ALL_CLAIMS_TITLE, scope: { kind: 'all' } },
          ]}
        />
      }
    />
  );
}
