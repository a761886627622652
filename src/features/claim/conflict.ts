import type { Verdict } from '@/core/model/types';
import { isVerdict, verdictLabel } from '@/core/review/verdicts';
import type { ClaimConflict, ClaimEditResult } from '@/db/claims';

/** What another tab's edit was, in words: "verdict was False; notes were different". */
export function conflictSummary(conflict: ClaimConflict): string {
  const parts = Object.entries(conflict.previous).map(([field, value]) => {
    if (field === 'verdict')
      return `verdict was ${isVerdict(value) ? verdictLabel(value as Verdict) : String(value)}`;
    if (field === 'notes') return 'the notes were different';
    if (field === 'ratingNote') return 'the rating explanation was different';
    if (field === 'speakerId') return 'it had another speaker';
    if (field === 'tags')
      return `tags were ${Array.isArray(value) && value.length ? value.join(', ') : 'none'}`;
    return `${field} was different`;
  });
  const seconds = Math.max(0, Math.round((Date.now() - conflict.at) / 1000));
  const when = seconds < 60 ? 'a moment ago' : `${Math.round(seconds / 60)} min ago`;
  return `This claim was changed in another tab ${when}${parts.length ? ` (${parts.join('; ')})` : ''}; your change replaced it. History keeps both.`;
}

export type ConflictNotice = Readonly<{ text: string; batchId: string }>;

export const noticeOf = (result: ClaimEditResult): ConflictNotice | null =>
  result.conflict ? { text: conflictSummary(result.conflict), batchId: result.batchId } : null;
