import Papa from 'papaparse';
import { neutraliseCell } from '../export/csv-cell';
import { verdictLabel } from '../review/verdicts';
import type { Matrix } from './matrix';
import { STANCE_LABELS } from './types';

/**
 * Exports of a comparison. The CSV's cells go through the claims export's formula guard
 * (`neutraliseCell`), so every CSV the app writes is safe to open in a spreadsheet.
 */

export const NOTHING_SAID = 'said nothing on this';

const sources = (n: number) => `${n} source${n === 1 ? '' : 's'}`;

/** One row per placed claim (and one per empty cell), with the question, speaker, stance and verdict. */
export function matrixToCsv(matrix: Matrix, articleTitles: ReadonlyMap<string, string> = new Map()): string {
  const rows: string[][] = [];
  for (const row of matrix.rows)
    for (const [i, cell] of row.cells.entries()) {
      const speaker = matrix.columns[i]!.name;
      const conflict = row.conflict ? 'yes' : 'no';
      if (cell.entries.length === 0)
        rows.push([row.question.text, speaker, '', NOTHING_SAID, '', '', '', '', conflict]);
      for (const { claim, stance } of cell.entries)
        rows.push([
          row.question.text,
          speaker,
          STANCE_LABELS[stance],
          claim.text,
          verdictLabel(claim.verdict),
          String(claim.sourceCount),
          articleTitles.get(claim.articleId) ?? '',
          claim.date ?? '',
          conflict,
        ]);
    }
  return Papa.unparse(
    {
      fields: ['question', 'speaker', 'stance', 'claim', 'verdict', 'sources', 'article', 'date', 'conflict'],
      data: rows.map((r) => r.map(neutraliseCell)),
    },
    { newline: '\r\n' },
  );
}

/**
 * The comparison's CSV file as the Export CSV button writes it: with a UTF-8 byte order mark, as the
 * claims export writes by default, so a spreadsheet reads “Núñez” and not “NÃºÃ±ez”.
 */
export function matrixCsvFile(
  matrix: Matrix,
  articleTitles: ReadonlyMap<string, string> = new Map(),
): string {
  return `\ufeff${matrixToCsv(matrix, articleTitles)}`;
}

/** Markdown special characters escaped, line breaks folded: untrusted text stays plain text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>|~])/g, '\\$1');
}

/** A summary table of stances, then each question with every shown speaker's claims. */
export function matrixToMarkdown(
  matrix: Matrix,
  title = 'Comparison',
  articleTitles: ReadonlyMap<string, string> = new Map(),
): string {
  const lines = [`# ${escapeMarkdown(title)}`, ''];
  if (matrix.rows.length === 0 || matrix.columns.length === 0) {
    lines.push('No questions or speakers to compare.', '');
    return lines.join('\n');
  }
  lines.push(
    `| Question | ${matrix.columns.map((c) => escapeMarkdown(c.name)).join(' | ')} |`,
    `| --- | ${matrix.columns.map(() => '---').join(' | ')} |`,
  );
  for (const row of matrix.rows)
    lines.push(
      `| ${row.conflict ? '**Conflict:** ' : ''}${escapeMarkdown(row.question.text)} | ${row.cells
        .map((c) => (c.stance ? STANCE_LABELS[c.stance] : '—'))
        .join(' | ')} |`,
    );
  lines.push('');
  for (const row of matrix.rows) {
    lines.push(`## ${escapeMarkdown(row.question.text)}`, '');
    if (row.conflict) lines.push('**Conflict:** speakers for and against.', '');
    for (const [i, cell] of row.cells.entries()) {
      const name = escapeMarkdown(matrix.columns[i]!.name);
      if (cell.entries.length === 0) {
        lines.push(`- **${name}**: ${NOTHING_SAID}`);
        continue;
      }
      lines.push(`- **${name}**`);
      for (const { claim, stance } of cell.entries) {
        const where = [articleTitles.get(claim.articleId), claim.date].filter(Boolean).map(String);
        lines.push(
          `  - ${STANCE_LABELS[stance]}: “${escapeMarkdown(claim.text)}” (${verdictLabel(claim.verdict)}, ${sources(claim.sourceCount)}${where.length > 0 ? `; ${escapeMarkdown(where.join(', '))}` : ''})`,
        );
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}
