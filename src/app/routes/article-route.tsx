import { useMemo } from 'react';
import { useParams } from 'react-router';
import { paths } from '@/app/paths';
import { ScreenExportButton } from '@/app/routes/screen-export';
import type { ArticleId } from '@/core/model/types';
import { ArticleScreen } from '@/features/article/components/article-screen';
import { ClaimReview } from '@/features/claim/components/claim-review';
import { NeedsSourceBadge } from '@/features/claim/components/needs-source-badge';
import { useApplyVerdict, useVerdictRequest } from '@/features/claim/hooks/use-verdict-request';
import { ExportButton } from '@/features/export/components/export-button';
import { ClaimSyncConflicts } from '@/features/team/components/claim-sync-conflicts';

export function ArticleRoute() {
  const { articleId = '' } = useParams();
  // The claim list's verdict menu asks through the same request as the panel (a rating with no source is confirmed).
  const onVerdict = useVerdictRequest(useApplyVerdict());
  // The same element while the article is the same: opening another claim (`j`, a click) changes the
  // URL, and only the parts that show the open claim render again, not the whole screen.
  return useMemo(
    () => <ArticleScreenOf articleId={articleId} onVerdict={onVerdict} />,
    [articleId, onVerdict],
  );
}

function ArticleScreenOf({
  articleId,
  onVerdict,
}: Readonly<{ articleId: string; onVerdict: ReturnType<typeof useVerdictRequest> }>) {
  return (
    <ArticleScreen
      key={articleId}
      articleId={articleId as ArticleId}
      libraryHref={paths.library}
      review={
        <ClaimReview
          articleId={articleId as ArticleId}
          claimNotices={(claimId) => <ClaimSyncConflicts claimId={claimId} />}
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
          speakerHref={paths.speaker}
        />
      }
      ClaimBadge={NeedsSourceBadge}
      onVerdict={onVerdict}
      actions={
        <ScreenExportButton
          choice={{
            id: 'article',
            label: 'The claims of this article',
            title: 'Article',
            scope: { kind: 'article', articleId },
          }}
        />
      }
      speakerHref={paths.speaker}
    />
  );
}
