/**
 * The backup file of `buildFullLibrary()`, made by the app's own export: the e2e round trip restores
 * it (e2e/data/full-library-backup.json, written by `npm run fixtures:backup`), and
 * `full-library-backup.test.ts` fails when the committed file no longer matches what the build makes.
 */
import { exportBackup } from '@/db/backup-export';
import { buildFullLibrary } from './full-library';

export const FULL_LIBRARY_BACKUP = 'e2e/data/full-library-backup.json';

/** A fixed export time, so regenerating changes only what the library holds. */
const EXPORTED_AT = new Date('2026-01-01T00:00:00.000Z');

/** Builds the full library into the (empty) database and returns its backup file's text. */
export async function fullLibraryBackupText(): Promise<string> {
  await buildFullLibrary();
  return (await exportBackup({ now: () => EXPORTED_AT })).text();
}

// a UUID, or a history entry id naming its batch row (`<UUID>.<count>.<index>`, src/db/history-batches.ts)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.[0-9a-z]+\.[0-9a-z]+)?$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A backup with what differs between two builds of the same library taken out: device-made ids
 * (UUID v7, in whatever key or value they stand) become `<id N>` by first appearance, and clock
 * times become `<time>`. Everything else (content-derived ids, texts, verdicts, links, order) stays.
 */
export function backupShape(text: string): unknown {
  const ids = new Map<string, string>();
  const idOf = (s: string) => {
    if (!ids.has(s)) ids.set(s, `<id ${ids.size}>`);
    return ids.get(s)!;
  };
  const norm = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return UUID.test(v) ? idOf(v) : ISO_TIME.test(v) ? '<time>' : v;
    if (typeof v === 'number' && key !== undefined && /^at$|At$/.test(key)) return '<time>';
    if (Array.isArray(v)) return v.map((x) => norm(x));
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [UUID.test(k) ? idOf(k) : k, norm(x, k)] as const),
      );
    return v;
  };
  return norm(JSON.parse(text));
}
