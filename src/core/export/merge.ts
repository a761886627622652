import { sameValue } from '../model/row-diff';
import { BackupError } from './backup-error';
import type { BackupTable } from './backup-schema';

export type Row = Readonly<Record<string, unknown>>;

/** A row present in the library and in the backup with different contents: the newer `updatedAt` wins. */
export type MergeConflict = Readonly<{
  table: BackupTable;
  id: string;
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
  /** Backup rows newer than the library's: written over them. */
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

/**
 * With `replace`, the backup's row simply overwrites the library's (no article-hash matching, no
 * conflicts): `change` counts what is overwritten.
 *
 * Plans the merge of one chunk of backup rows into the library: what to add, what to change
 * (the backup's row is newer), what is the same, and every conflict. Throws a BackupError when a
 * backup id belongs to a different row in the library (another article's text, a claim of another
 * article, a different history entry).
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
    if (backupWins) change.push(row);
    conflicts.push({
      table,
      id: keyOf(table, row),
      winner: backupWins ? 'backup' : 'library',
      fields,
      backupUpdatedAt: backupAt,
      libraryUpdatedAt: libraryAt,
      lost: pick(backupWins ? current : row, fields),
      kept: pick(backupWins ? row : current, fields),
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
