import { CompareScreen } from '@/features/compare/components/compare-screen';
import { paths } from '../paths';

export function CompareRoute() {
  return (
    <>
      <title>Compare positions · Claimdesk</title>
      <CompareScreen speakerHref={paths.speaker} />
    </>
  );
}
