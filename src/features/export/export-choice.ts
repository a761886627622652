import { ALL_CLAIMS_TITLE } from '@/core/export/titles';
import type { ExportScope } from '@/db/export-read';

/** One "which claims" option of the export dialog, as the screen that opens it offers it. */
export type ExportChoice = Readonly<{ id: string; label: string; title: string; scope: ExportScope }>;

/** Every claim in the library: the last choice of every screen that exports. */
export const ALL_CLAIMS_CHOICE: ExportChoice = {
  id: 'all',
  label: 'All claims',
  title: ALL_CLAIMS_TITLE,
  scope: { kind: 'all' },
};
