import { safeCell } from '../core/export/csv-cell';
import type { Extraction } from '../core/extract/types';

export { safeCell };

/** The extractor's CSV columns; the app's claims CSV uses the same names for the same values. */
export const EXTRACT_CSV_FIELDS = [
  'id',
  'claim',
  'start',
  'end',
  'kind',
  'speaker',
  'speaker_type',
  'speaker_role',
  'speaker_mention',
  'cue',
  'rule',
  'group',
  'confidence',
  'checkworthy',
  'signals',
  'text',
] as const;

export function csvRows(id: string, x: Extraction): Record<string, unknown>[] {
  const byId = new Map(x.speakers.map((s) => [s.id, s]));
  return x.claims.map((c) => {
    const sp = c.speakerId ? byId.get(c.speakerId) : undefined;
    const row: Record<string, unknown> = {
      id,
      claim: c.id,
      start: c.start,
      end: c.end,
      kind: c.kind,
      speaker: sp?.name ?? '',
      speaker_type: sp?.type ?? '',
      speaker_role: sp?.role ?? '',
      speaker_mention: c.speakerMention?.text ?? '',
      cue: c.cue?.text ?? '',
      rule: c.rule ?? '',
      group: c.groupId ?? '',
      confidence: c.confidence,
      checkworthy: c.checkworthy.score,
      signals: c.checkworthy.signals.join(' '),
      text: c.text,
    };
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safeCell(v)]));
  });
}
