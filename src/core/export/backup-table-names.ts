// Without zod: the sync capture reads this list on every page load (src/db/sync-tables.ts), and zod's
// schemas probe `new Function` when built, which the app's CSP refuses.

/** The tables a backup holds, in the order they are written (a row's references come before it). */
export const BACKUP_TABLES = [
  'articles',
  'speakers',
  'sources',
  'claims',
  'evidence',
  'questions',
  'history',
  'meta',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];
