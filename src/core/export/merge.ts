import { sameValue } from '../model/row-diff';
import { mergeRows } from '../model/row-merge';
import { BackupError } from './backup-error';
import type { BackupTable } from './backup-schema';

export type Row = Readonly<Record<string, unknown>>;

/**
 * A row both the library and the backup hold, where a person changed the same field on each side
 * (or a meta setting with two values): the newer row's value wins (`winner`), the other is kept
 * in history.
 */
export type MergeConflict = Readonly<{
  table: BackupTable;
  id: string;
  /** What a person knows the row by, as the library has it: a claim's words, a title, a name, a key. */
  label: string;
  winner: 'backup' | 'library';
  fields: readonly string[];
  backupUpdatedAt: number | null;
  libraryUpdatedAt: number | null;
  /** The differing fields as the losing side had them (kept in history) and as the winner has them. */
  lost: Readonly<Record<string, unknown>>;
  kept: Readonly<Record<string, unknown>>;
}>;

export type ChunkPlan = Readonly<{
  table: BackupTable;
  /** Rows the library does not have (ids remapped to the library's where articles are the same text). */
  add: readonly Row[];
  /** Library rows the backup changes: each the two sides merged (`mergeBoth`). */
  change: readonly Row[];
  unchanged: number;
  conflicts: readonly MergeConflict[];
}>;

/** What a merge learns as it goes: backup article ids that are library articles with the same text. */
export type MergeContext = { articleIdMap: Map<string, string> };

export const newMergeContext = (): MergeContext => ({ articleIdMap: new Map() });

export type LibraryRows = Readonly<{
  /** The library's rows with the chunk's ids (meta: keys). */
  byId: ReadonlyMap<string, Row>;
  /** Articles only: the library's articles with the chunk's text hashes. */
  bySha?: ReadonlyMap<string, Row>;
}>;

const keyOf = (table: BackupTable, row: Row) => String(table === 'meta' ? row.key : row.id);

const LABEL_FIELDS: Partial<Record<BackupTable, readonly string[]>> = {
  articles: ['title'],
  speakers: ['name'],
  sources: ['title', 'url'],
  claims: ['text'],
  questions: ['text'],
};

const labelOf = (table: BackupTable, row: Row): string => {
  for (const field of LABEL_FIELDS[table] ?? []) {
    const value = row[field];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return keyOf(table, row);
};

/** Fields that say which row this is: the same id with other values here is another row, not an edit. */
const IDENTITY: Partial<Record<BackupTable, readonly string[]>> = {
  articles: ['sha256'],
  claims: ['articleId'],
  evidence: ['claimId', 'sourceId'],
};

/** Points a backup row's article references at the library's article with the same text. */
export function remapRow(table: BackupTable, row: Row, ctx: MergeContext): Row {
  const map = ctx.articleIdMap;
  if (map.size === 0) return row;
  const to = (id: unknown) => (typeof id === 'string' ? (map.get(id) ?? id) : id);
  switch (table) {
    case 'claims':
      return map.has(row.articleId as string) ? { ...row, articleId: to(row.articleId) } : row;
    case 'questions':
      return { ...row, articleIds: (row.articleIds as string[]).map(to) };
    case 'history':
      return row.table === 'articles' && map.has(row.rowId as string)
        ? { ...row, rowId: to(row.rowId) }
        : row;
    default:
      return row;
  }
}

function differingFields(a: Row, b: Row): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => k !== 'updatedAt' && !sameValue(a[k], b[k])).sort();
}

const pick = (row: Row, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, row[f]]));

/** When a row was made, for the tables whose rows say so. */
const MADE_AT: Partial<Record<BackupTable, string>> = { claims: 'createdAt', articles: 'importedAt' };

/**
 * A row no person changed since the app made it (an import, the first-run article): its change
 * time is still its making time. Rows of other tables do not say, and count as changed.
 */
export function untouched(table: BackupTable, row: Row): boolean {
  const made = MADE_AT[table];
  return made !== undefined && typeof row[made] === 'number' && row.updatedAt === row[made];
}

/**
 * What a claim held when it was made, for the fields a review changes: with no common row to
 * compare with, a side whose value is still this one did not change that field.
 */
const MADE_WITH: Partial<Record<BackupTable, Row>> = {
  claims: { verdict: 'unchecked', ratingNote: '', notes: '', tags: [], deletedAt: null },
};

/**
 * The backup's row and the library's merged, field by field, by the sync's rules
 * (`core/model/row-merge.ts`): a side no person touched is the other's base, so the touched side
 * wins whole; else a field one side left as the row was made takes the other side's value, sets
 * (tags) are joined, and a field both changed takes the newer row's value (a conflict, both kept
 * in history). A row's making time takes the earlier of the two, silently.
 */
export function mergeBoth(table: BackupTable, backup: Row, library: Row) {
  const base = untouched(table, library)
    ? library
    : untouched(table, backup)
      ? backup
      : (MADE_WITH[table] ?? null);
  const merged = mergeRows(table, base, backup, library);
  const made = MADE_AT[table];
  const both = merged.both.filter((c) => c.field !== made);
  if (made === undefined || both.length === merged.both.length) return { row: merged.row, both };
  const earlier = Math.min(Number(backup[made]), Number(library[made]));
  return { row: { ...merged.row, [made]: earlier }, both };
}

/**
 * With `replace`, the backup's row simply overwrites the library's (no article-hash matching, no
 * conflicts): `change` counts what is overwritten.
 *
 * Plans the merge of one chunk of backup rows into the library: what to add, what to change (the
 * two rows merged, `mergeBoth`: what a person did on either side is kept), what is the same, and
 * every conflict. Rows no person touched on either side (two first-run copies of one article)
 * keep the library's. Throws a BackupError when a backup id belongs to a different row in the
 * library (another article's text, a claim of another article, a different history entry).
 */
export function planMergeChunk(
  table: BackupTable,
  rows: readonly Row[],
  library: LibraryRows,
  ctx: MergeContext,
  options: Readonly<{ replace?: boolean }> = {},
): ChunkPlan {
  const add: Row[] = [];
  const change: Row[] = [];
  const conflicts: MergeConflict[] = [];
  let unchanged = 0;
  for (const original of rows) {
    let row = remapRow(table, original, ctx);
    let current = library.byId.get(keyOf(table, row));
    if (options.replace) {
      if (!current) add.push(row);
      else if (sameValue(row, current)) unchanged++;
      else change.push(row);
      continue;
    }
    if (table === 'articles' && !current) {
      const same = library.bySha?.get(row.sha256 as string);
      if (same) {
        ctx.articleIdMap.set(row.id as string, same.id as string);
        row = { ...row, id: same.id };
        current = same;
      }
    }
    if (!current) {
      add.push(row);
      continue;
    }
    const identity = table === 'history' ? Object.keys(row) : (IDENTITY[table] ?? []);
    const clash = identity.find((f) => !sameValue(row[f], current[f]));
    if (
      clash !== undefined ||
      (table === 'history' && Object.keys(current).length !== Object.keys(row).length)
    )
      throw new BackupError(
        `The backup’s ${table} row ${keyOf(table, row)} has the same id as a different row in your library (${clash ?? 'its contents'} differ${clash ? 's' : ''}); nothing was restored.`,
      );
    const fields = differingFields(row, current);
    if (fields.length === 0 && sameValue(row.updatedAt, current.updatedAt)) {
      unchanged++;
      continue;
    }
    const backupAt = typeof row.updatedAt === 'number' ? row.updatedAt : null;
    const libraryAt = typeof current.updatedAt === 'number' ? current.updatedAt : null;
    const backupWins = backupAt !== null && libraryAt !== null && backupAt > libraryAt;
    if (fields.length === 0) {
      // Same contents, only the change time differs: keep the later time, no conflict.
      if (backupWins) change.push(row);
      else unchanged++;
      continue;
    }
    if (table === 'meta') {
      // a setting: the library's value stays, the backup's is listed
      conflicts.push({
        table,
        id: keyOf(table, row),
        label: labelOf(table, current),
        winner: 'library',
        fields,
        backupUpdatedAt: null,
        libraryUpdatedAt: null,
        lost: pick(row, fields),
        kept: pick(current, fields),
      });
      continue;
    }
    if (untouched(table, row) && untouched(table, current)) {
      // two copies the app made (the first-run article in two profiles): nothing of a person's to keep
      unchanged++;
      continue;
    }
    const merged = mergeBoth(table, row, current);
    const changes = differingFields(merged.row, current).length > 0;
    if (changes) change.push(merged.row);
    if (merged.both.length === 0) {
      if (!changes) unchanged++;
      continue;
    }
    const both = merged.both.map((c) => c.field).sort();
    conflicts.push({
      table,
      id: keyOf(table, row),
      label: labelOf(table, current),
      winner: backupWins ? 'backup' : 'library',
      fields: both,
      backupUpdatedAt: backupAt,
      libraryUpdatedAt: libraryAt,
      lost: pick(backupWins ? current : row, both),
      kept: pick(merged.row, both),
    });
  }
  return { table, add, change, unchanged, conflicts };
}

export type MergeSummary = Record<
  BackupTable,
  { add: number; change: number; unchanged: number; keep: number }
>;

export function emptySummary(tables: readonly BackupTable[]): MergeSummary {
  return Object.fromEntries(
    tables.map((t) => [t, { add: 0, change: 0, unchanged: 0, keep: 0 }]),
  ) as MergeSummary;
}

/** Adds a chunk's plan to the running summary (`keep`: conflicts the library's newer row wins). */
export function addToSummary(summary: MergeSummary, plan: ChunkPlan): void {
  const s = summary[plan.table];
  s.add += plan.add.length;
  s.change += plan.change.length;
  s.unchanged += plan.unchanged;
  s.keep += plan.conflicts.filter((c) => c.winner === 'library').length;
}
