/**
 * The committed backup of the full library (e2e/data/full-library-backup.json, restored by the e2e
 * round trip) must be what `buildFullLibrary()` and the app's export make today and hold a row of
 * every backup table; otherwise the e2e story would prove the round trip on a library that rotted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { BACKUP_TABLES } from '@/core/export/backup-table-names';
import { resetDb } from '@/test/db';
import { backupShape, FULL_LIBRARY_BACKUP, fullLibraryBackupText } from '@/test/full-library-backup';

const committed = readFileSync(join(import.meta.dirname, '..', '..', FULL_LIBRARY_BACKUP), 'utf8');
const REGENERATE = 'stale: run `npm run fixtures:backup` and commit e2e/data/full-library-backup.json';

beforeEach(resetDb);

describe('the full-library backup fixture', () => {
  test('holds every backup table, in order, each with at least one row', () => {
    const { tables, counts } = JSON.parse(committed) as {
      tables: Record<string, unknown[]>;
      counts: Record<string, number>;
    };
    expect(Object.keys(tables), REGENERATE).toEqual([...BACKUP_TABLES]);
    for (const t of BACKUP_TABLES) {
      expect(tables[t]!.length, `${t}: ${REGENERATE}`).toBeGreaterThan(0);
      expect(counts[t], t).toBe(tables[t]!.length);
    }
  });

  test('is what the library build and the backup export make today (ids and clock times aside)', async () => {
    const fresh = await fullLibraryBackupText();
    expect(backupShape(committed), REGENERATE).toEqual(backupShape(fresh));
  });

  test('the comparison sees a change in a row', async () => {
    const fresh = await fullLibraryBackupText();
    const changed = fresh.replace('"mostly true"', '"true"');
    expect(changed).not.toBe(fresh);
    expect(backupShape(changed)).not.toEqual(backupShape(fresh));
  });
});
