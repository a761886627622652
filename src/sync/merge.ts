/**
 * Three-way merge of one row: the base (as the server last had it, as this device knew it), mine
 * (this device's unpushed edit) and theirs (the server's). A field only one side changed takes that
 * side's value; sets (tags, aliases…) merge as sets; a field both changed takes the newer row's value
 * (its `updatedAt`), and the other value is reported so it lands in history. Fields a person should
 * look at (a verdict, notes, a claim's words) are also marked for the claim panel.
 */
import { sameValue } from '@/core/model/row-diff';
import type { FieldConflict, ReplicatedTable } from '@/db/sync-tables';
import type { Row } from './docs';

const SET_FIELDS = new Set(['tags', 'aliases', 'articleIds', 'placedClaimIds']);
const SPAN = ['start', 'end', 'text', 'quote'];

/** Fields where newest-wins settles the row, but a person should still decide. */
const ASK: Partial<Record<ReplicatedTable, readonly string[]>> = {
  claims: ['verdict', 'notes', 'ratingNote', 'speakerId', ...SPAN],
  sources: ['notes', 'excerpt', 'url'],
  evidence: ['note', 'passage', 'relation'],
  speakers: ['name'],
  questions: ['text'],
};

export type MergeResult = Readonly<{
  row: Row;
  /** Every field both sides changed (kept: which side the rules chose). */
  both: readonly FieldConflict[];
  /** The fields of `both` a person should settle. */
  ask: readonly FieldConflict[];
}>;

function mergeSet(base: unknown, mine: unknown, theirs: unknown): unknown[] {
  const b = Array.isArray(base) ? base : [];
  const m = Array.isArray(mine) ? mine : [];
  const t = Array.isArray(theirs) ? theirs : [];
  const removed = new Set([...b.filter((x) => !m.includes(x)), ...b.filter((x) => !t.includes(x))]);
  const out: unknown[] = [];
  for (const x of [...b, ...m, ...t]) if (!removed.has(x) && !out.includes(x)) out.push(x);
  return out;
}

export function mergeRows(
  table: ReplicatedTable,
  base: Readonly<Record<string, unknown>> | null,
  mine: Row,
  theirs: Row,
): MergeResult {
  const mineNewer = Number(mine.updatedAt ?? 0) > Number(theirs.updatedAt ?? 0);
  const out: Record<string, unknown> = {};
  const both: FieldConflict[] = [];
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  keys.delete('updatedAt');
  const spanBoth = SPAN.some(
    (k) =>
      !sameValue(mine[k], theirs[k]) &&
      !(base && (sameValue(mine[k], base[k]) || sameValue(theirs[k], base[k]))),
  );
  for (const k of keys) {
    const m = mine[k];
    const t = theirs[k];
    const b = base?.[k];
    if (sameValue(m, t)) out[k] = m;
    else if (base && sameValue(m, b) && !(spanBoth && SPAN.includes(k))) out[k] = t;
    else if (base && sameValue(t, b) && !(spanBoth && SPAN.includes(k))) out[k] = m;
    else if (SET_FIELDS.has(k) && (Array.isArray(m) || Array.isArray(t))) out[k] = mergeSet(b, m, t);
    else {
      out[k] = mineNewer ? m : t;
      both.push({ field: k, base: b, mine: m, theirs: t, kept: mineNewer ? 'mine' : 'theirs' });
    }
  }
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  out.updatedAt = Math.max(Number(mine.updatedAt ?? 0), Number(theirs.updatedAt ?? 0));
  const asked = new Set(ASK[table] ?? []);
  return { row: out as Row, both, ask: both.filter((c) => asked.has(c.field)) };
}
