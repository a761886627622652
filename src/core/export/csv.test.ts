import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { safeCell as cliSafeCell } from '@/cli/extract-csv';
import { CRITICS, claim, item, MAYOR, MINUS, speaker } from '@/test/export-rows';
import { CSV_COLUMNS, claimsCsv, csvHeader, csvRows } from './csv';
import { neutraliseCell, safeCell } from './csv-cell';

const parse = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;

describe('neutraliseCell (formula injection)', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+cmd|" /C calc"!A0', `'+1+cmd|" /C calc"!A0`],
    ['-2+3+cmd|" /C calc"!A0', `'-2+3+cmd|" /C calc"!A0`],
    ['@SUM(1+1)*cmd|" /C calc"!A0', `'@SUM(1+1)*cmd|" /C calc"!A0`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('%j starts with a formula character and gets an apostrophe', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  test('-5 degrees still reads right: the apostrophe is the only change and spreadsheets hide it', () => {
    const cell = neutraliseCell('-5 degrees');
    expect(cell).toBe("'-5 degrees");
    expect(cell.slice(1)).toBe('-5 degrees');
  });

  test('a plain signed number stays a number; other text is untouched', () => {
    expect(neutraliseCell('-5')).toBe('-5');
    expect(neutraliseCell('+3.25')).toBe('+3.25');
    expect(neutraliseCell('We will =SUM(A1) win')).toBe('We will =SUM(A1) win');
    expect(safeCell(42)).toBe(42);
  });

  test('the command line uses this very function', () => {
    expect(cliSafeCell).toBe(safeCell);
  });
});

describe('claims CSV', () => {
  const rows = [
    item(claim(MAYOR)),
    item(claim(MINUS, { speakerId: null, kind: 'unattributed' })),
    item(claim(CRITICS)),
  ];

  test('RFC 4180: CRLF line ends, a header of every column, quotes doubled, parses back', () => {
    const csv = claimsCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const back = parse(csv);
    expect(back).toHaveLength(3);
    expect(Object.keys(back[0]!)).toEqual([...CSV_COLUMNS]);
    expect(back[2]!.text).toBe(CRITICS);
  });

  test('the optional BOM comes first, once', () => {
    expect(csvHeader({ bom: true }).startsWith('\ufeffarticle_id,')).toBe(true);
    expect(csvHeader().startsWith('article_id,')).toBe(true);
    expect(claimsCsv(rows, { bom: true }).match(/\ufeff/g)).toHaveLength(1);
  });

  test('pages concatenate to the same file as one call', () => {
    expect(csvHeader() + csvRows(rows.slice(0, 1)) + csvRows(rows.slice(1))).toBe(claimsCsv(rows));
    expect(csvRows([])).toBe('');
  });

  test('every column holds what the issue lists', () => {
    const r = parse(claimsCsv(rows))[0]!;
    expect(r).toMatchObject({
      article_id: 'art-1',
      article_title: 'Council to cut bus routes',
      article_outlet: 'The Courier',
      article_url: 'https://news.example/bus-cuts',
      article_published: '2026-01-14',
      claim: claim(MAYOR).id,
      kind: 'direct',
      kind_label: 'Direct quote',
      speaker: 'Jo Hart',
      speaker_type: 'person',
      speaker_role: 'mayor',
      cue: 'said',
      text: MAYOR,
      verdict: 'false',
      verdict_label: 'False',
      claimreview_rating: 'False',
      rating_note: 'The budget shows £0.5m.',
      tags: 'transport; budget',
      source_urls: 'https://council.example/budget.pdf',
      source_relations: 'refutes',
      sources: 'refutes: Budget 2026 (draft) <https://council.example/budget.pdf>',
      notes: 'Asked the council.',
      checkworthy: '0.7',
      signals: 'number money',
      origin: 'extracted',
      created_at: '2026-01-15T10:00:00.000Z',
      updated_at: '2026-01-15T10:00:01.000Z',
    });
    expect(Number(r.start)).toBe(claim(MAYOR).start);
    expect(r.context).toContain('The mayor, Jo Hart, said:');
  });

  test('a claim text starting with "-" is neutralised, and a speaker named =HYPERLINK too', () => {
    const csv = claimsCsv([
      item(claim(MINUS, { speakerId: null })),
      item(claim(MAYOR), { speaker: speaker({ name: '=HYPERLINK("http://x.example","y")' }) }),
    ]);
    const back = parse(csv);
    expect(back[0]!.text).toBe(`'${MINUS}`);
    expect(back[0]!.speaker).toBe('');
    expect(back[1]!.speaker).toBe(`'=HYPERLINK("http://x.example","y")`);
  });
});
