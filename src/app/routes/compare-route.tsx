import { paths } from '@/app/paths';
import { CompareScreen } from '@/features/compare/components/compare-screen';

export function CompareRoute() {
  return (
    <>
      <title>Compare positions · Claimdesk</title>
      <CompareScreen speakerHref={paths.speaker} />
    </>
  );
}
