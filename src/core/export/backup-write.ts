import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupTable,
} from './backup-schema';

/**
 * The backup file's layout: standard JSON that is also readable a line at a time (so a restore
 * never holds the whole file in memory) — the header fields on the first line, then per table a
 * line `"name":[`, one row per line, and `]`; `}}` ends the file.
 *
 * ```
 * {"format":"claimdesk-backup","version":2,…,"counts":{…},"tables":{
 * "articles":[
 * {"id":"…",…},
 * {"id":"…",…}
 * ],
 * "speakers":[
 * ]
 * }}
 * ```
 */
export type BackupHeaderInput = Omit<BackupHeader, 'format' | 'version'>;

export function backupHeader(input: BackupHeaderInput): BackupHeader {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...input };
}

export const TABLES_KEY_LINE = '"tables":{';

/**
 * Writes a backup a page of rows at a time; every method returns the text to append. Tables must
 * come in BACKUP_TABLES order, each once.
 */
export class BackupWriter {
  private table = -1;
  private rowsInTable = 0;

  begin(header: BackupHeader): string {
    return `${JSON.stringify(header).slice(0, -1)},${TABLES_KEY_LINE}\n`;
  }

  startTable(name: BackupTable): string {
    const index = BACKUP_TABLES.indexOf(name);
    if (index !== this.table + 1) throw new Error(`Tables must be written in order: ${name} is out of turn`);
    const close = this.table >= 0 ? this.closeTable(',') : '';
    this.table = index;
    this.rowsInTable = 0;
    return `${close}"${name}":[`;
  }

  rows(rows: readonly unknown[]): string {
    let out = '';
    for (const row of rows) {
      out += `${this.rowsInTable === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`;
      this.rowsInTable++;
    }
    return out;
  }

  end(): string {
    if (this.table !== BACKUP_TABLES.length - 1) throw new Error('A backup must hold every table');
    return `${this.closeTable('')}}}\n`;
  }

  private closeTable(after: string): string {
    return `\n]${after}\n`;
  }
}

/** A whole backup in one string (tests, the CLI, small libraries). */
export function backupText(
  header: BackupHeader,
  tables: Readonly<Record<BackupTable, readonly unknown[]>>,
): string {
  const w = new BackupWriter();
  let out = w.begin(header);
  for (const t of BACKUP_TABLES) out += w.startTable(t) + w.rows(tables[t]);
  return out + w.end();
}
