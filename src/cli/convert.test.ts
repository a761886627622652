import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BACKUP_TABLES, type BackupTable } from '@/core/export/backup-schema';
import { backupTablesOf } from '@/core/export/backup-tables';
import { backupHeader, backupText } from '@/core/export/backup-write';
import {
  ALL_CLAIMS_TITLE,
  EXPORT_FORMATS,
  type ExportTables,
  exportItemsOfTables,
  renderExport,
} from '@/core/export/render';
import { exportSettingsOf } from '@/core/export/settings';
import { runCli, runProcess } from '@/test/cli';
import {
  article,
  claim,
  evidence,
  history,
  MAYOR,
  MINUS,
  question,
  source,
  speaker,
} from '@/test/export-rows';
import { convertCli } from './convert-cli';

const run = (args: string[]) => runCli(convertCli, args);

const tables: Record<BackupTable, Record<string, unknown>[]> = {
  articles: [article()],
  speakers: [speaker()],
  sources: [source()],
  claims: [claim(MAYOR), claim(MINUS, { speakerId: null, verdict: 'misleading' })],
  evidence: [evidence()],
  questions: [question()],
  history: [history()],
  meta: [
    {
      key: 'exportSettings',
      value: { organizationName: 'Check Desk', reviewUrlPattern: 'https://c.example/{claimId}' },
    },
  ],
};
const header = backupHeader({
  exportedAt: '2026-02-01T00:00:00.000Z',
  app: { name: 'Claimdesk', version: '0.1.0' },
  extractorVersion: '0.3.1',
  schemaVersion: 2,
  counts: Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].length])) as Record<BackupTable, number>,
});
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-convert-'));
const good = join(dir, 'backup.json');
const text = backupText(header, tables);
writeFileSync(good, text);

async function expected(format: (typeof EXPORT_FORMATS)[number], bom: boolean) {
  const { tables: t } = await backupTablesOf(text);
  const settings = exportSettingsOf(t.meta[0]!.value);
  let out = '';
  for await (const c of renderExport(format, [exportItemsOfTables(t as unknown as ExportTables)], {
    settings,
    bom,
    title: ALL_CLAIMS_TITLE,
  }))
    out += c;
  return out;
}

describe('convert CLI', () => {
  test('as a process: the file on stdout and exit 0; a missing file exits 1 with one line', {
    timeout: 120_000,
  }, async () => {
    const ok = runProcess('src/cli/convert.ts', [good, '--format', 'csv', '--bom']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(await expected('csv', true));
    const missing = runProcess('src/cli/convert.ts', [join(dir, 'missing.json'), '--format', 'csv']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^convert: .*no such file\n$/);
    expect(missing.stdout).toBe('');
  });

  test('every format: the bytes the app writes for the same claims', async () => {
    for (const format of EXPORT_FORMATS) {
      const r = await run([good, '--format', format, ...(format === 'csv' ? ['--bom'] : [])]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout, format).toBe(await expected(format, format === 'csv'));
    }
  });

  test('bad input: one line on stderr (and the usage for a wrong command line), non-zero exit, nothing on stdout', async () => {
    const write = (name: string, content: string) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const cases: [string[], RegExp][] = [
      [[join(dir, 'missing.json'), '--format', 'csv'], /no such file/],
      [[write('notes.json', '{"notes": []}'), '--format', 'csv'], /not a Claimdesk backup/],
      [[write('cut.json', text.slice(0, text.length / 2)), '--format', 'csv'], /cut short|damaged/],
      [[write('newer.json', text.replace('"version":2', '"version":9')), '--format', 'csv'], /newer version/],
      [
        [write('proto.json', text.replace('"tags":[', '"__proto__":{},"tags":[')), '--format', 'csv'],
        /__proto__/,
      ],
      [[good, '--format', 'xml'], /unknown format "xml"/],
      [[good], /no --format given/],
    ];
    // a wrong command line: the message, then the usage as it is laid out (it was run into one line)
    expect((await run([good])).stderr).toBe(
      `convert: no --format given\nusage: npm run --silent convert -- BACKUP.json --format csv|json|claimreview|webannotation|markdown [--bom] > OUT\n  turns a backup exported from Claimdesk into the file the app's Export dialog writes for "All claims"\n  (--bom: start the CSV with a UTF-8 byte order mark, as the app does by default)\n`,
    );
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.status, args.join(' ')).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^convert: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
