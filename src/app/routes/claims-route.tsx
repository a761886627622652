import { useSearchParams } from 'react-router';
import { paths } from '@/app/paths';
import { ScreenExportButton } from '@/app/routes/screen-export';
import { filtersFromParams } from '@/core/review/filters';
import { ClaimsScreen } from '@/features/claims-table/components/claims-screen';

export function ClaimsRoute() {
  const [params] = useSearchParams();
  const filters = filtersFromParams(params);
  return (
    <>
      <title>Claims · Claimdesk</title>
      <ClaimsScreen
        libraryHref={paths.library}
        claimHref={paths.claim}
        actions={
          <ScreenExportButton
            // Like the article route's choice in shape only: each screen names its own claims.
            choice={{
              id: 'view',
              label: 'The claims in this view (same search and filters)',
              title: 'Claims',
              scope: { kind: 'view', filters },
            }}
          />
        }
      />
    </>
  );
}
