/**
 * The import limit and how sizes are written: what the first screen shows (the Library's import
 * panel, the storage use in the footer) before anything is imported. Their own module so the first
 * load does not carry every import check (`validate.ts`, with the import code loaded on first use).
 */

/** The largest article Claimdesk imports: 1 MB of UTF-8 (a long feature is ~50 KB). */
export const MAX_IMPORT_BYTES = 1_000_000;

/** "2.1 GB", "5.0 MB", "812 KB", "20 bytes" (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000_000) return `${(bytes / 1_000_000_000).toFixed(1)} GB`;
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}
