import type { ExportScope } from '@/db/export-read';

/** One "which claims" option of the export dialog, as the screen that opens it offers it. */
export type ExportChoice = Readonly<{ id: string; label: string; title: string; scope: ExportScope }>;
