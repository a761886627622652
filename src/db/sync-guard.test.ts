import { beforeEach, describe, expect, test } from 'vitest';
import { BackupError } from '@/core/export/backup-error';
import { resetDb } from '@/test/db';
import { buildFullLibrary, dumpTables } from '@/test/full-library';
import { exportBackup } from './backup-export';
import { previewRestore, restoreBackup } from './backup-restore';
import { backupSourceOfText } from './backup-source';
import { db } from './db';
import { SYNC_KEYS } from './sync-tables';

const connect = () =>
  db.syncState.put({
    key: SYNC_KEYS.connection,
    value: { url: 'https://couch.example.org', database: 'newsroom', connectedAt: 1 },
  });

describe('a backup restore while a team library is connected', () => {
  beforeEach(resetDb);

  test('replace is refused before anything is written: it would delete rows for the whole team', async () => {
    await buildFullLibrary();
    const text = await (await exportBackup()).text();
    await resetDb();
    await buildFullLibrary(); // other ids, same texts: a replace would delete rows
    await connect();
    const before = await dumpTables();
    const outbox = await db.syncOutbox.count();

    await expect(previewRestore(backupSourceOfText(text), 'replace')).rejects.toThrow(BackupError);
    await expect(restoreBackup(backupSourceOfText(text), 'replace')).rejects.toThrow(
      /connected to the team library “newsroom”.*delete, for everyone in the team.*disconnect from the team first/,
    );
    expect(await dumpTables()).toEqual(before);
    expect(await db.syncOutbox.count()).toBe(outbox);
  });

  test('merge is allowed while connected; replace is allowed once disconnected', async () => {
    await buildFullLibrary();
    const text = await (await exportBackup()).text();
    await connect();
    await expect(restoreBackup(backupSourceOfText(text), 'merge')).resolves.toMatchObject({ mode: 'merge' });
    await db.syncState.delete(SYNC_KEYS.connection);
    await expect(restoreBackup(backupSourceOfText(text), 'replace')).resolves.toMatchObject({
      mode: 'replace',
    });
  });
});
