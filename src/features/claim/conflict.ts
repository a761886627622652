import type { Verdict } from '@/core/model/types';
import { isVerdict, verdictLabel } from '@/core/review/verdicts';
import type { ClaimConflict, ClaimEditResult } from '@/db/claims';

const FIELD_NAMES: Readonly<Record<string, string>> = {
  verdict: 'the verdict',
  notes: 'the notes',
  ratingNote: 'the rating explanation',
  speakerId: 'the speaker',
  tags: 'the tags',
  start: 'the span',
  text: 'the span',
  deletedAt: 'whether it is deleted',
};
const nameOf = (field: string) => FIELD_NAMES[field] ?? field;
/** Field names that read as plurals ("the notes were …"). */
const PLURAL = new Set(['notes', 'tags']);
const wasOf = (field: string) => (PLURAL.has(field) ? 'were' : 'was');

function valueText(field: string, value: unknown): string | null {
  if (field === 'verdict' && isVerdict(value)) return `verdict was ${verdictLabel(value as Verdict)}`;
  if (field === 'tags' && Array.isArray(value))
    return `tags were ${value.length ? value.join(', ') : 'none'}`;
  return null;
}

/**
 * What another tab did, in words. When it changed a field this edit also wrote, this edit replaced
 * that value ("the later write wins"); otherwise both edits are kept side by side.
 */
export function conflictSummary(conflict: ClaimConflict): string {
  const seconds = Math.max(0, Math.round((Date.now() - conflict.at) / 1000));
  const when = seconds < 60 ? 'a moment ago' : `${Math.round(seconds / 60)} min ago`;
  const written = Object.keys(conflict.previous);
  const clashing = written.filter((f) => conflict.changedFields.includes(f));
  const others = [...new Set(conflict.changedFields.filter((f) => !written.includes(f)).map(nameOf))];
  if (clashing.length > 0) {
    const was = clashing.map(
      (f) =>
        valueText(f, conflict.previous[f as keyof typeof conflict.previous]) ??
        `${nameOf(f)} ${wasOf(f)} different`,
    );
    return `This claim was changed in another tab ${when} (${was.join('; ')}); your change replaced it. History keeps both.`;
  }
  const changed = others.length > 0 ? others.join(', ') : 'it';
  return `Another tab changed ${changed} of this claim ${when}; your change was saved alongside, nothing was lost.`;
}

export type ConflictNotice = Readonly<{ text: string; batchId: string }>;

export const noticeOf = (result: ClaimEditResult): ConflictNotice | null =>
  result.conflict ? { text: conflictSummary(result.conflict), batchId: result.batchId } : null;
