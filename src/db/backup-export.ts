import { BACKUP_TABLES, type BackupTable } from '@/core/export/backup-schema';
import { BackupWriter, backupHeader } from '@/core/export/backup-write';
import { EXTRACTOR_VERSION } from '@/core/extract/pipeline';
import { version as appVersion } from '../../package.json';
import { db } from './db';
import { countHistory, eachHistoryPage } from './history-read';
import { CURRENT_VERSION } from './schema';

export type BackupProgress = Readonly<{ done: number; total: number; table: BackupTable }>;

export type BackupExportOptions = Readonly<{
  pageSize?: number;
  onProgress?: (p: BackupProgress) => void;
  /** Receives the file a page at a time (default: collected into the returned Blob). */
  write?: (text: string) => void;
  now?: () => Date;
}>;

/**
 * Writes a backup of every table (history and meta included) a page of rows at a time, inside one
 * read transaction, so the file is one consistent moment of the library and at most a page of rows
 * is held in memory besides the output (pages go straight into Blob parts).
 */
export async function exportBackup(options: BackupExportOptions = {}): Promise<Blob> {
  const pageSize = options.pageSize ?? 1_000;
  const parts: Blob[] = [];
  const write = options.write ?? ((text: string) => parts.push(new Blob([text])));
  const tables = BACKUP_TABLES.map((t) => db.table(t));
  await db.transaction('r', tables, async () => {
    const counts = Object.fromEntries(
      await Promise.all(
        BACKUP_TABLES.map(
          async (t) => [t, t === 'history' ? await countHistory() : await db.table(t).count()] as const,
        ),
      ),
    ) as Record<BackupTable, number>;
    const total = BACKUP_TABLES.reduce((n, t) => n + counts[t], 0);
    const writer = new BackupWriter();
    write(
      writer.begin(
        backupHeader({
          exportedAt: (options.now?.() ?? new Date()).toISOString(),
          app: { name: 'Claimdesk', version: appVersion },
          extractorVersion: EXTRACTOR_VERSION,
          schemaVersion: CURRENT_VERSION,
          counts,
        }),
      ),
    );
    let done = 0;
    for (const name of BACKUP_TABLES) {
      write(writer.startTable(name));
      if (name === 'history') {
        // from both of history's stores, in id order, without batch-head marks (history-read.ts)
        await eachHistoryPage(pageSize, (page) => {
          write(writer.rows(page));
          done += page.length;
          options.onProgress?.({ done, total, table: name });
        });
        continue;
      }
      const table = db.table(name);
      let last: unknown = null;
      for (;;) {
        const page: unknown[] =
          last === null
            ? await table.orderBy(':id').limit(pageSize).toArray()
            : await table.where(':id').above(last).limit(pageSize).toArray();
        if (page.length === 0) break;
        write(writer.rows(page));
        const tail = page[page.length - 1] as Record<string, unknown>;
        last = name === 'meta' ? tail.key : tail.id;
        done += page.length;
        options.onProgress?.({ done, total, table: name });
        if (page.length < pageSize) break;
      }
    }
    write(writer.end());
  });
  return new Blob(parts, { type: 'application/json' });
}

/** The file name a backup gets: `claimdesk-backup-2026-02-01.json`. */
export const backupFileName = (now = new Date()): string =>
  `claimdesk-backup-${now.toISOString().slice(0, 10)}.json`;
