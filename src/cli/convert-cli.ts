import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { BackupError } from '../core/export/backup-error';
import { readBackup } from '../core/export/backup-read';
import { BACKUP_TABLES, type BackupTable } from '../core/export/backup-schema';
import {
  ALL_CLAIMS_TITLE,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportTables,
  exportItemsOfTables,
  renderExport,
} from '../core/export/render';
import { EXPORT_SETTINGS_KEY, exportSettingsOf } from '../core/export/settings';
import type { CliIo } from './cli-io';

const USAGE = `usage: npm run --silent convert -- BACKUP.json --format csv|json|claimreview|webannotation|markdown [--bom] > OUT
  turns a backup exported from Claimdesk into the file the app's Export dialog writes for "All claims"
  (--bom: start the CSV with a UTF-8 byte order mark, as the app does by default)`;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]) {
  let format = '';
  let bom = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format') format = argv[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '--bom') bom = true;
    else if (a === '-h' || a === '--help') return null;
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1)
    throw new UsageError(files.length ? 'give one backup file' : 'no backup file given');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      format ? `unknown format "${format}" (${EXPORT_FORMATS.join(', ')})` : 'no --format given',
    );
  return { file: files[0]!, format: format as ExportFormat, bom };
}

async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (!args) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(args.file);
  } catch {
    throw new BackupError(`${args.file}: no such file`);
  }
  if (stat.isDirectory()) throw new BackupError(`${args.file}: is a directory, not a backup file`);
  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as Record<
    BackupTable,
    Record<string, unknown>[]
  >;
  const lines = createInterface({
    input: createReadStream(args.file, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  await readBackup(lines, (table, rows) => void tables[table].push(...rows), {
    wholeText: async () => (await import('node:fs/promises')).readFile(args.file, 'utf8'),
  });
  const settings = exportSettingsOf(tables.meta.find((m) => m.key === EXPORT_SETTINGS_KEY)?.value);
  const items = exportItemsOfTables(tables as unknown as ExportTables);
  for await (const chunk of renderExport(args.format, [items], {
    settings,
    bom: args.bom,
    title: ALL_CLAIMS_TITLE,
  }))
    io.stdout.write(chunk);
  return 0;
}

/** The convert command: writes to io, returns the exit code (2: the command line is wrong). */
export function convertCli(argv: readonly string[], io: CliIo): Promise<number> {
  return main(argv, io).catch((e: unknown) => {
    // the message on one line; the usage after it keeps its own lines (it was run into one)
    const oneLine = (e instanceof Error ? e.message : String(e)).replace(/\n/g, ' ');
    io.stderr.write(`convert: ${oneLine}\n${e instanceof UsageError ? `${USAGE}\n` : ''}`);
    return e instanceof UsageError ? 2 : 1;
  });
}
