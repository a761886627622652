import { paths } from '@/app/paths';
import { ExportButton } from '@/features/export/components/export-button';
import { ALL_CLAIMS_CHOICE, type ExportChoice } from '@/features/export/export-choice';

/** A screen's Export… menu: the screen's own claims first, then every claim in the library. */
export function ScreenExportButton({ choice }: Readonly<{ choice: ExportChoice }>) {
  return <ExportButton settingsHref={paths.settings} choices={[choice, ALL_CLAIMS_CHOICE]} />;
}
