import type { HistoryEntry, Speaker, Verdict } from '@/core/model/types';
import { isVerdict, verdictLabel } from '@/core/review/verdicts';
import { clip } from '@/core/text/clip';

/** Readable lines for a claim's history entries: what changed, from what, to what. */

const n = new Intl.NumberFormat();

function quoted(value: unknown): string {
  if (typeof value !== 'string') return '—';
  if (value === '') return 'empty';
  return value.length > 80 ? `“${clip(value, 60)}” (${n.format(value.length)} characters)` : `“${value}”`;
}

function list(value: unknown): string {
  return Array.isArray(value) && value.length > 0 ? value.join(', ') : 'none';
}

export type SpeakerNames = ReadonlyMap<string, Pick<Speaker, 'name'>>;

function speakerName(id: unknown, speakers: SpeakerNames): string {
  if (id === null || id === undefined) return 'no speaker';
  return speakers.get(String(id))?.name ?? 'a removed speaker';
}

const verdict = (v: unknown) => (isVerdict(v) ? verdictLabel(v as Verdict) : String(v));

/** One line per changed field of an 'update'; one line for the other actions. */
export function describeEntry(entry: HistoryEntry, speakers: SpeakerNames): string[] {
  const undo = (entry as { batchKind?: string }).batchKind;
  const label = entry.label ?? '';
  // Team sync writes both values of a conflict: `from` is the value set aside, `to` the one kept.
  const sync = /sync conflict/i.test(label);
  const settled = sync && /^settle/i.test(label);
  const prefix = settled
    ? 'Sync conflict settled: '
    : sync
      ? 'Sync conflict, both values kept (set aside → kept): '
      : undo === 'undo'
        ? 'Undo: '
        : undo === 'redo'
          ? 'Redo: '
          : '';
  const lines = describeChange(entry, speakers).map((l) => prefix + l);
  const by = entry.author ? ` (by ${entry.author})` : '';
  return by ? lines.map((l) => l + by) : lines;
}

function describeChange(entry: HistoryEntry, speakers: SpeakerNames): string[] {
  const from = entry.from ?? {};
  const to = entry.to ?? {};
  if (entry.table === 'evidence') {
    const relation = typeof to.relation === 'string' ? to.relation : '';
    if (entry.action === 'create') return [`Source linked (${relation || 'supports'})`];
    if (entry.action === 'delete') return ['Source unlinked'];
    if (entry.action === 'restore') return ['Source link restored'];
    return Object.keys(to).map((k) =>
      k === 'relation'
        ? `Source relation: ${from.relation} → ${to.relation}`
        : `Source ${k}: ${quoted(from[k])} → ${quoted(to[k])}`,
    );
  }
  if (entry.action === 'create') return [to.origin === 'manual' ? 'Added by hand' : 'Created'];
  if (entry.action === 'delete') return ['Deleted (moved to the trash)'];
  if (entry.action === 'restore') return ['Restored from the trash'];
  const lines: string[] = [];
  for (const key of Object.keys(to)) {
    switch (key) {
      case 'verdict':
        lines.push(`Verdict: ${verdict(from.verdict)} → ${verdict(to.verdict)}`);
        break;
      case 'speakerId':
        lines.push(
          `Speaker: ${speakerName(from.speakerId, speakers)} → ${speakerName(to.speakerId, speakers)}`,
        );
        break;
      case 'tags':
        lines.push(`Tags: ${list(from.tags)} → ${list(to.tags)}`);
        break;
      case 'notes':
        lines.push(`Notes: ${quoted(from.notes)} → ${quoted(to.notes)}`);
        break;
      case 'ratingNote':
        lines.push(`Rating explanation: ${quoted(from.ratingNote)} → ${quoted(to.ratingNote)}`);
        break;
      case 'text':
        lines.push(`Text: ${quoted(from.text)} → ${quoted(to.text)}`);
        break;
      case 'kind':
        lines.push(`Kind: ${from.kind} → ${to.kind}`);
        break;
      case 'start':
      case 'end':
      case 'quote':
        // Shown through the text change.
        if (!('text' in to) && key === 'start') lines.push('Span adjusted');
        break;
      default:
        lines.push(`${key} changed`);
    }
  }
  return lines.length > 0 ? lines : ['Changed'];
}
