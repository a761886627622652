import type { Matrix } from '@/core/compare/matrix';
import { datedFileName, slug } from '@/ui/download';

/** Speakers named in a file name before the rest are counted ("…-and-2-more"). */
const NAMED_SPEAKERS = 3;

/**
 * `claimdesk-compare-<what>-<date>.<ext>`: the shown speakers (up to three, "ada-obi-vs-john-smith";
 * more: the first two and how many more), or the question when one question is compared by more
 * speakers, so two exports of different comparisons never share a name.
 */
export function compareFileName(matrix: Matrix, extension: string, now: Date = new Date()): string {
  const names = matrix.columns.map((c) => slug(c.name, 24, ''));
  const speakers =
    names.length <= NAMED_SPEAKERS
      ? names.filter(Boolean).join('-vs-')
      : `${names.slice(0, 2).filter(Boolean).join('-vs-')}-and-${names.length - 2}-more`;
  const question = matrix.rows.length === 1 ? slug(matrix.rows[0]!.question.text, 50, '') : '';
  const what = names.length > NAMED_SPEAKERS && question ? question : speakers || question;
  return datedFileName(what ? `compare-${what}` : 'compare', extension, now);
}
