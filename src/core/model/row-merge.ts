/**
 * Three-way merge of one row: the base (the row as both sides last agreed on it), mine and theirs.
 * A field only one side changed takes that side's value; sets (tags, aliases…) merge as sets; a
 * field both changed takes the newer row's value (its `updatedAt`), and the other value is reported
 * so it lands in history. Fields a person should look at (a verdict, notes, a claim's words) are
 * also marked. Team sync (`src/sync`) merges a pulled row with an unpushed edit with it, and a
 * backup's merge restore (`core/export/merge.ts`) a backup row with the library's.
 */
import { sameValue } from './row-diff';

type Row = Readonly<Record<string, unknown>>;

const SET_FIELDS = new Set(['tags', 'aliases', 'articleIds', 'placedClaimIds']);
const SPAN = ['start', 'end', 'text', 'quote'];

/** Fields where newest-wins settles the row, but a person should still decide. */
const ASK: Readonly<Record<string, readonly string[]>> = {
  claims: ['verdict', 'notes', 'ratingNote', 'speakerId', ...SPAN],
  sources: ['notes', 'excerpt', 'url'],
  evidence: ['note', 'passage', 'relation'],
  speakers: ['name'],
  questions: ['text'],
};

/** A field both sides changed: each side's value, and which one the merge kept. */
export type RowFieldConflict = Readonly<{
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** The value the merge kept. */
  kept: 'mine' | 'theirs';
}>;

export type RowMergeResult<R extends Row = Row> = Readonly<{
  row: R;
  /** Every field both sides changed (kept: which side the rules chose). */
  both: readonly RowFieldConflict[];
  /** The fields of `both` a person should settle. */
  ask: readonly RowFieldConflict[];
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

/**
 * `base` may be partial: a field it does not hold counts as changed by both sides when they
 * differ (the newer row's value wins), as with no base at all.
 */
export function mergeRows<R extends Row>(
  table: string,
  base: Row | null,
  mine: R,
  theirs: R,
): RowMergeResult<R> {
  const mineNewer = Number(mine.updatedAt ?? 0) > Number(theirs.updatedAt ?? 0);
  const out: Record<string, unknown> = {};
  const both: RowFieldConflict[] = [];
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
  return { row: out as R, both, ask: both.filter((c) => asked.has(c.field)) };
}
