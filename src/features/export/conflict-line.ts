import type { MergeConflict } from '@/core/export/merge';
import { isVerdict, verdictLabel } from '@/core/review/verdicts';

const NOUNS: Record<MergeConflict['table'], string> = {
  articles: 'Article',
  speakers: 'Speaker',
  sources: 'Source',
  claims: 'Claim',
  evidence: 'Source link',
  questions: 'Question',
  history: 'History entry',
  meta: 'Setting',
};

const short = (text: string, max: number) => {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

/** "ratingNote" → "rating note", "speakerId" → "speaker". */
const fieldName = (field: string) =>
  field
    .replace(/Id$/, '')
    .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)
    .trim();

/** A value a person can read, or null for one that means nothing out of the app (ids, objects). */
function shown(field: string, value: unknown): string | null {
  if (field.endsWith('Id') || field === 'id') return null;
  if (field === 'verdict' && isVerdict(value)) return verdictLabel(value);
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'string') return `“${short(value, 40)}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.length ? value.join(', ') : '(none)';
  return null;
}

/**
 * One line of a merge preview's conflicts, in words: which row (by what a person knows it by),
 * which field, and each side's value where it reads as one ("Claim “…”: verdict Mostly false
 * (the backup’s, newer) kept; False (yours) in history").
 */
export function conflictLine(c: MergeConflict): string {
  const [winner, loser] = c.winner === 'backup' ? ['the backup’s', 'yours'] : ['yours', 'the backup’s'];
  const fields = c.fields.map((field) => {
    const kept = shown(field, c.kept[field]);
    const lost = shown(field, c.lost[field]);
    return kept !== null && lost !== null
      ? `${fieldName(field)} ${kept} (${winner}, newer) kept; ${lost} (${loser}) in history`
      : `${fieldName(field)}: ${winner} (newer) kept; ${loser} in history`;
  });
  return `${NOUNS[c.table]} “${short(c.label, 60)}”: ${fields.join('. ')}`;
}
