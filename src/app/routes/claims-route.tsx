import { useSearchParams } from 'react-router';
import { paths } from '@/app/paths';
import { filtersFromParams } from '@/core/review/filters';
import { ClaimsScreen } from '@/features/claims-table/components/claims-screen';
import { ExportButton } from '@/features/export/components/export-button';
import { ALL_CLAIMS_CHOICE } from '@/features/export/export-choice';

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
          <ExportButton
            settingsHref={paths.settings}
            choices={[
              {
                id: 'view',
                label: 'The claims in this view (same search and filters)',
                title: 'Claims',
                scope: { kind: 'view', filters },
              },
              ALL_CLAIMS_CHOICE,
            ]}
          />
        }
      />
    </>
  );
}
