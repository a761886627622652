import { ClaimsScreen } from '@/features/claims-table/components/claims-screen';
import { paths } from '../paths';

export function ClaimsRoute() {
  return (
    <>
      <title>Claims · Claimdesk</title>
      <ClaimsScreen libraryHref={paths.library} claimHref={paths.claim} />
    </>
  );
}
