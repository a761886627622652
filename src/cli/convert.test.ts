import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const run = (args: string[]) =>
  spawnSync(tsx, ['src/cli/convert.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

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

describe('convert CLI', { timeout: 300_000 }, () => {
  test('every format: the bytes the app writes for the same claims', async () => {
    for (const format of EXPORT_FORMATS) {
      const r = run([good, '--format', format, ...(format === 'csv' ? ['--bom'] : [])]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout, format).toBe(await expected(format, format === 'csv'));
    }
  });

  test('bad input: one line on stderr, non-zero exit, nothing on stdout', () => {
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
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.status, args.join(' ')).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^convert: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
