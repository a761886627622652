import type { Table } from 'dexie';
import { BackupError } from '@/core/export/backup-error';
import { readBackup } from '@/core/export/backup-read';
import { BACKUP_TABLES, type BackupHeader, type BackupTable } from '@/core/export/backup-schema';
import {
  addToSummary,
  type ChunkPlan,
  emptySummary,
  type MergeConflict,
  type MergeContext,
  type MergeSummary,
  newMergeContext,
  planMergeChunk,
  type Row,
} from '@/core/export/merge';
import type { HistoryTable } from '@/core/model/types';
import type { BackupSource } from './backup-source';
import { META_RESTORE_IN_PROGRESS } from './backup-source';
import { db } from './db';
import { type HistoryChange, newBatchId, recordHistory } from './history';
import { CURRENT_VERSION } from './schema';
import { refuseReplaceWhileConnected } from './sync-guard';

export type RestoreMode = 'merge' | 'replace';

export type RestoreProgress = Readonly<{
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}>;

export type RestorePreview = Readonly<{
  header: BackupHeader;
  mode: RestoreMode;
  /** Per table: rows added, changed (backup newer), unchanged, and kept (library newer). */
  summary: MergeSummary;
  conflicts: readonly MergeConflict[];
  /** Replace only: the library's rows the backup does not hold, per table (they will be deleted). */
  lost: Record<BackupTable, number>;
}>;

export type RestoreOptions = Readonly<{
  onProgress?: (p: RestoreProgress) => void;
  chunkSize?: number;
}>;

const HISTORY_TABLES: ReadonlySet<string> = new Set([
  'claims',
  'speakers',
  'sources',
  'evidence',
  'articles',
  'questions',
]);

const keyOf = (table: BackupTable, row: Row) => String(table === 'meta' ? row.key : row.id);

const zero = () => Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as Record<BackupTable, number>;

function tableOf(name: BackupTable): Table<Row, string> {
  return db.table(name) as unknown as Table<Row, string>;
}

async function libraryRows(table: BackupTable, rows: readonly Row[]) {
  const keys = rows.map((r) => keyOf(table, r));
  const found = await tableOf(table).bulkGet(keys);
  const byId = new Map<string, Row>();
  for (const row of found) if (row) byId.set(keyOf(table, row), row);
  if (table !== 'articles') return { byId };
  const shas = await db.articles
    .where('sha256')
    .anyOf(rows.map((r) => r.sha256 as string))
    .toArray();
  return { byId, bySha: new Map(shas.map((a) => [a.sha256, a as unknown as Row])) };
}

async function pass(
  source: BackupSource,
  chunkSize: number,
  onChunk: (table: BackupTable, rows: readonly Row[]) => Promise<void>,
  onHeader?: (header: BackupHeader) => void,
): Promise<BackupHeader> {
  return readBackup(source.lines(), onChunk, {
    chunkSize,
    wholeText: source.wholeText,
    onHeader: (header) => {
      // rows from a newer database may mean things this version cannot keep: refuse before any write
      if (header.schemaVersion > CURRENT_VERSION)
        throw new BackupError(
          `This backup was made by a newer Claimdesk (database version ${header.schemaVersion}; this one has ${CURRENT_VERSION}). Reload Claimdesk to update it, then restore again.`,
        );
      onHeader?.(header);
    },
  });
}

const totalOf = (h: BackupHeader) => BACKUP_TABLES.reduce((n, t) => n + h.counts[t], 0);

/**
 * Reads and checks the whole backup and says what a restore would do, writing nothing: for a
 * merge, what is added, changed and left alone and every conflict; for a replace, what the
 * library would lose. Throws a BackupError with a sentence for the user when the file is bad.
 */
export async function previewRestore(
  source: BackupSource,
  mode: RestoreMode,
  options: RestoreOptions = {},
): Promise<RestorePreview> {
  if (mode === 'replace') await refuseReplaceWhileConnected();
  const chunkSize = options.chunkSize ?? 500;
  const summary = emptySummary(BACKUP_TABLES);
  const conflicts: MergeConflict[] = [];
  const ctx = newMergeContext();
  const backupKeys = new Map<BackupTable, Set<string>>(BACKUP_TABLES.map((t) => [t, new Set()]));
  let done = 0;
  let total = 0;
  const header = await pass(
    source,
    chunkSize,
    async (table, rows) => {
      const plan = await db.transaction('r', [tableOf(table), db.articles], async () =>
        planMergeChunk(table, rows, await libraryRows(table, rows), ctx, { replace: mode === 'replace' }),
      );
      addToSummary(summary, plan);
      conflicts.push(...plan.conflicts);
      if (mode === 'replace') for (const r of rows) backupKeys.get(table)!.add(keyOf(table, r));
      done += rows.length;
      options.onProgress?.({ phase: 'checking', done, total });
    },
    (h) => {
      total = totalOf(h);
    },
  );
  const lost = zero();
  if (mode === 'replace') {
    for (const t of BACKUP_TABLES) {
      const keys = (await tableOf(t).toCollection().primaryKeys()) as string[];
      lost[t] = keys.filter((k) => !backupKeys.get(t)!.has(String(k))).length;
    }
  }
  return { header, mode, summary, conflicts, lost };
}

/** A sentence naming what a replace deletes, for the confirmation. */
export function describeLoss(preview: RestorePreview): string {
  const parts = BACKUP_TABLES.filter((t) => t !== 'meta' && preview.lost[t] > 0).map(
    (t) => `${preview.lost[t].toLocaleString('en')} ${t === 'history' ? 'history entries' : t}`,
  );
  const changed = BACKUP_TABLES.reduce((n, t) => n + preview.summary[t].change, 0);
  const lines: string[] = [];
  if (parts.length) lines.push(`Replace deletes what the backup does not hold: ${parts.join(', ')}.`);
  if (changed)
    lines.push(`${changed.toLocaleString('en')} rows you have will be overwritten by the backup’s version.`);
  return lines.join(' ') || 'Your library holds nothing the backup does not.';
}

/** History entries keeping both sides of every conflict of a merged chunk, one batch per restore. */
function conflictHistory(plan: ChunkPlan): HistoryChange[] {
  return plan.conflicts
    .filter((c) => HISTORY_TABLES.has(c.table))
    .map((c) => ({
      table: c.table as HistoryTable,
      rowId: c.id,
      action: 'update' as const,
      // from: what lost (an undo brings it back); to: what the row now holds
      from: c.lost,
      to: c.kept,
    }));
}

async function writeMergeChunk(table: BackupTable, rows: readonly Row[], ctx: MergeContext, batchId: string) {
  const tables = [tableOf(table), db.articles, db.history];
  return db.transaction('rw', tables, async () => {
    const plan = planMergeChunk(table, rows, await libraryRows(table, rows), ctx);
    const put = [...plan.add, ...plan.change];
    if (put.length) await tableOf(table).bulkPut(put as Row[]);
    await recordHistory(conflictHistory(plan), Date.now(), {
      batchId,
      label: 'Restore from a backup (merge)',
    });
    return plan;
  });
}

async function writeReplaceChunk(table: BackupTable, rows: readonly Row[]) {
  await db.transaction('rw', [tableOf(table), db.articles], async () => {
    if (table === 'articles') {
      // the library's article with the same text under another id goes (replace keeps the backup's)
      const same = await db.articles
        .where('sha256')
        .anyOf(rows.map((r) => r.sha256 as string))
        .toArray();
      const ids = new Set(rows.map((r) => r.id as string));
      const drop = same.filter((a) => !ids.has(a.id)).map((a) => a.id);
      if (drop.length) await db.articles.bulkDelete(drop);
    }
    await tableOf(table).bulkPut(rows as Row[]);
  });
}

export type RestoreResult = Readonly<{
  header: BackupHeader;
  mode: RestoreMode;
  summary: MergeSummary;
  conflicts: readonly MergeConflict[];
  deleted: Record<BackupTable, number>;
  batchId: string | null;
}>;

/**
 * Restores a backup. The whole file is read and checked first (a bad file writes nothing); then it
 * is written a chunk per transaction, so memory stays bounded for a 100,000-claim library. A meta
 * flag marks a restore in progress until the last chunk is written: merge writes are idempotent, so
 * restoring the same file again after an interruption completes it. `replace` puts every backup row
 * and then, in one transaction, deletes the library's rows the backup does not hold (confirm first
 * with `previewRestore` + `describeLoss`).
 */
export async function restoreBackup(
  source: BackupSource,
  mode: RestoreMode,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const chunkSize = options.chunkSize ?? 500;
  const checked = await previewRestore(source, mode, {
    chunkSize,
    onProgress: (p) => options.onProgress?.(p),
  });
  const total = totalOf(checked.header);
  const summary = emptySummary(BACKUP_TABLES);
  const conflicts: MergeConflict[] = [];
  const ctx = newMergeContext();
  const batchId = newBatchId();
  const backupKeys = new Map<BackupTable, Set<string>>(BACKUP_TABLES.map((t) => [t, new Set()]));
  let done = 0;
  await db.meta.put({
    key: META_RESTORE_IN_PROGRESS,
    value: { mode, startedAt: Date.now(), exportedAt: checked.header.exportedAt },
  });
  await pass(source, chunkSize, async (table, rows) => {
    if (mode === 'merge') {
      const plan = await writeMergeChunk(table, rows, ctx, batchId);
      addToSummary(summary, plan);
      conflicts.push(...plan.conflicts);
    } else {
      await writeReplaceChunk(table, rows);
      for (const r of rows) backupKeys.get(table)!.add(keyOf(table, r));
    }
    done += rows.length;
    options.onProgress?.({ phase: 'writing', done, total });
  });
  const deleted = zero();
  await db.transaction('rw', BACKUP_TABLES.map(tableOf), async () => {
    if (mode === 'replace') {
      for (const t of BACKUP_TABLES) {
        const keys = (await tableOf(t).toCollection().primaryKeys()) as string[];
        const drop = keys.filter((k) => !backupKeys.get(t)!.has(String(k)) && k !== META_RESTORE_IN_PROGRESS);
        if (drop.length) await tableOf(t).bulkDelete(drop);
        deleted[t] = drop.length;
      }
    }
    await db.meta.delete(META_RESTORE_IN_PROGRESS);
  });
  if (mode === 'replace') Object.assign(summary, checked.summary);
  return {
    header: checked.header,
    mode,
    summary,
    conflicts: mode === 'merge' ? conflicts : checked.conflicts,
    deleted,
    batchId: mode === 'merge' && conflicts.some((c) => HISTORY_TABLES.has(c.table)) ? batchId : null,
  };
}

/** A restore that started and did not finish (the tab closed): restoring the same file again completes it. */
export async function interruptedRestore(): Promise<{
  mode: RestoreMode;
  startedAt: number;
  exportedAt: string;
} | null> {
  const row = await db.meta.get(META_RESTORE_IN_PROGRESS);
  return (row?.value as { mode: RestoreMode; startedAt: number; exportedAt: string } | undefined) ?? null;
}

export { BackupError };
