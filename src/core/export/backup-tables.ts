import { linesOf, readBackup } from './backup-read';
import { BACKUP_TABLES, type BackupHeader, type BackupTable } from './backup-schema';

/** A whole backup read into memory, table by table (the CLI's `convert`; small files). */
export async function backupTablesOf(
  text: string,
): Promise<{ header: BackupHeader; tables: Record<BackupTable, Record<string, unknown>[]> }> {
  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as Record<
    BackupTable,
    Record<string, unknown>[]
  >;
  const header = await readBackup(linesOf(text), (table, rows) => void tables[table].push(...rows), {
    wholeText: async () => text,
  });
  return { header, tables };
}
