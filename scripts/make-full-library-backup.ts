/**
 * Writes e2e/data/full-library-backup.json: `buildFullLibrary()` exported by the app's own backup
 * code, for the e2e round trip (e2e/backup-restore.spec.ts). Run after changing the library build,
 * the rows or the backup format (src/test/full-library-backup.test.ts says when):
 *
 *   npm run fixtures:backup
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { db } from '@/db/db';
import { FULL_LIBRARY_BACKUP, fullLibraryBackupText } from '@/test/full-library-backup';

await db.open();
const text = await fullLibraryBackupText();
db.close();
writeFileSync(join(import.meta.dirname, '..', FULL_LIBRARY_BACKUP), text);
console.log(`wrote ${FULL_LIBRARY_BACKUP} (${text.length} characters)`);
