import { paths } from '@/app/paths';
import { ClaimsScreen } from '@/features/claims-table/components/claims-screen';

export function ClaimsRoute() {
  return (
    <>
      <title>Claims · Claimdesk</title>
      <ClaimsScreen libraryHref={paths.library} claimHref={paths.claim} />
    </>
  );
}
