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
import { historyByIds, historyIds } from './history-read';
import { META_KEYS } from './meta';
import { CURRENT_VERSION } from './schema';
import { refuseReplaceWhileConnected } from './sync-guard';

export type RestoreMode = 'merge' | 'replace';

export type RestoreProgress = Readonly<{
  phase: 'checking' | 'writing';
  /** Rows of every table checked (or written) so far, of the backup's total. */
  done: number;
  total: number;
  /** The table of the chunk just checked or written. */
  table: BackupTable;
}>;

/** What a restore would do (its preview) or did (its result). */
type RestoreReport = Readonly<{
  header: BackupHeader;
  mode: RestoreMode;
  /** Per table: rows added, changed (backup newer), unchanged, and kept (library newer). */
  summary: MergeSummary;
  conflicts: readonly MergeConflict[];
}>;

export type RestorePreview = RestoreReport &
  Readonly<{
    /** Replace only: the library's rows the backup does not hold, per table (they will be deleted). */
    lost: Record<BackupTable, number>;
  }>;

export type RestoreOptions = Readonly<{
  onProgress?: (p: RestoreProgress) => void;
  /** Rows a transaction (default 2,000): every chunk of claims rewrites the summaries it touches once. */
  chunkSize?: number;
}>;

const CHUNK_SIZE = 2_000;

/**
 * A backup lists links (evidence) after claims. Written in that order, every linked claim's facet
 * row is written twice (once without a source, then again with one), so the links are held from the
 * checking pass and written before the claims, as long as there are at most this many of them.
 */
export const EARLY_EVIDENCE_MAX = 50_000;

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
  const found =
    table === 'history'
      ? ((await historyByIds(keys)) as (Row | undefined)[])
      : await tableOf(table).bulkGet(keys);
  const byId = new Map<string, Row>();
  // history entries come as a backup holds them: without their batch-head mark (history-read.ts)
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

type BackupKeys = Map<BackupTable, Set<string>>;
const noKeys = (): BackupKeys => new Map(BACKUP_TABLES.map((t) => [t, new Set<string>()]));

/** A replace's losses: the library's keys in `table` that the backup does not hold. */
async function keysNotInBackup(table: BackupTable, backupKeys: BackupKeys): Promise<string[]> {
  const keys =
    table === 'history'
      ? await historyIds()
      : ((await tableOf(table).toCollection().primaryKeys()) as string[]);
  const kept = backupKeys.get(table)!;
  return keys.filter((k) => !kept.has(String(k)));
}

const totalOf = (h: BackupHeader) => BACKUP_TABLES.reduce((n, t) => n + h.counts[t], 0);

/** What a preview checked, for `restoreChecked` to write without reading the file a third time. */
type Checked = Readonly<{ source: BackupSource; chunkSize: number; early: readonly Row[] | null }>;
const checkedFiles = new WeakMap<RestorePreview, Checked>();

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
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  // links held for the writes (already checked), written before the claims: see EARLY_EVIDENCE_MAX
  let early: Row[] | null = null;
  const summary = emptySummary(BACKUP_TABLES);
  const conflicts: MergeConflict[] = [];
  const ctx = newMergeContext();
  const backupKeys = noKeys();
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
      if (table === 'evidence') early?.push(...rows);
      done += rows.length;
      options.onProgress?.({ phase: 'checking', done, total, table });
    },
    (h) => {
      total = totalOf(h);
      if (h.counts.evidence <= EARLY_EVIDENCE_MAX) early = [];
    },
  );
  const lost = zero();
  if (mode === 'replace') {
    for (const t of BACKUP_TABLES) lost[t] = (await keysNotInBackup(t, backupKeys)).length;
  }
  const preview: RestorePreview = { header, mode, summary, conflicts, lost };
  checkedFiles.set(preview, { source, chunkSize, early });
  return preview;
}

/** A sentence naming what a replace deletes, for the confirmation. */
const ROW_NOUNS: Readonly<Record<BackupTable, readonly [string, string]>> = {
  articles: ['article', 'articles'],
  speakers: ['speaker', 'speakers'],
  sources: ['source', 'sources'],
  claims: ['claim', 'claims'],
  evidence: ['source link', 'source links'],
  questions: ['question', 'questions'],
  history: ['history entry', 'history entries'],
  meta: ['setting', 'settings'],
};

const counted = (n: number, [one, many]: readonly [string, string]) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function describeLoss(preview: RestorePreview): string {
  const parts = BACKUP_TABLES.filter((t) => t !== 'meta' && preview.lost[t] > 0).map((t) =>
    counted(preview.lost[t], ROW_NOUNS[t]),
  );
  const changed = BACKUP_TABLES.reduce((n, t) => n + preview.summary[t].change, 0);
  const lines: string[] = [];
  if (parts.length) lines.push(`Replace deletes what the backup does not hold: ${parts.join(', ')}.`);
  if (changed)
    lines.push(
      `${counted(changed, ['row you have', 'rows you have'])} will be overwritten by the backup’s version.`,
    );
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

export type RestoreResult = RestoreReport &
  Readonly<{
    /** Replace only: the library's rows the backup did not hold, per table, now deleted. */
    deleted: Record<BackupTable, number>;
    batchId: string | null;
  }>;

/**
 * Restores a backup. The whole file is read and checked first (`previewRestore`: a bad file writes
 * nothing); then it is read again and written a chunk per transaction (`restoreChecked`), so memory
 * stays bounded for a 100,000-claim library.
 */
export async function restoreBackup(
  source: BackupSource,
  mode: RestoreMode,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  return restoreChecked(await previewRestore(source, mode, options), options);
}

/**
 * Writes the backup a preview checked, in the preview's mode: the file is read once more, to write
 * (the check is not repeated), a chunk per transaction; merge plans each chunk against the library
 * as it is then, so edits made since the preview are merged too. The links, up to
 * EARLY_EVIDENCE_MAX of them, were held by the preview and go in before the claims, so each
 * claim's facet row is written once. A meta flag marks a restore in progress until the last chunk
 * is written: merge writes are idempotent, so restoring the same file again after an interruption
 * completes it. `replace` puts every backup row and then, in one transaction, deletes the library's
 * rows the backup does not hold (confirm first with `describeLoss`).
 */
export async function restoreChecked(
  preview: RestorePreview,
  options: Pick<RestoreOptions, 'onProgress'> = {},
): Promise<RestoreResult> {
  const checked = checkedFiles.get(preview);
  if (!checked) throw new Error('restoreChecked needs a preview made by previewRestore.');
  const { source, chunkSize } = checked;
  let early = checked.early;
  const { mode, header } = preview;
  if (mode === 'replace') await refuseReplaceWhileConnected();
  const total = totalOf(header);
  const summary = emptySummary(BACKUP_TABLES);
  const conflicts: MergeConflict[] = [];
  const ctx = newMergeContext();
  const batchId = newBatchId();
  const backupKeys = noKeys();
  let done = 0;
  let started = false;
  const write = async (table: BackupTable, rows: readonly Row[]) => {
    if (!started) {
      started = true;
      await db.meta.put({
        key: META_RESTORE_IN_PROGRESS,
        value: { mode, startedAt: Date.now(), exportedAt: header.exportedAt },
      });
    }
    if (mode === 'merge') {
      const plan = await writeMergeChunk(table, rows, ctx, batchId);
      addToSummary(summary, plan);
      conflicts.push(...plan.conflicts);
    } else {
      await writeReplaceChunk(table, rows);
      for (const r of rows) backupKeys.get(table)!.add(keyOf(table, r));
    }
    done += rows.length;
    options.onProgress?.({ phase: 'writing', done, total, table });
  };
  const writeEarlyEvidence = async () => {
    const held = early;
    if (!held) return;
    early = null;
    for (let i = 0; i < held.length; i += chunkSize) await write('evidence', held.slice(i, i + chunkSize));
  };
  const heldEvidence = early !== null;
  await pass(
    source,
    chunkSize,
    async (table, rows) => {
      if (table === 'claims' || table === 'evidence') await writeEarlyEvidence();
      if (table === 'evidence' && heldEvidence) return;
      await write(table, rows);
    },
    (h) => {
      // the file read again is the one checked (its header comes before any row): else write nothing
      if (JSON.stringify(h) !== JSON.stringify(header))
        throw new BackupError('The backup file changed after it was checked. Choose it again to restore it.');
    },
  );
  await writeEarlyEvidence();
  const deleted = zero();
  await db.transaction('rw', BACKUP_TABLES.map(tableOf), async () => {
    if (mode === 'replace') {
      for (const t of BACKUP_TABLES) {
        const drop = (await keysNotInBackup(t, backupKeys)).filter((k) => k !== META_RESTORE_IN_PROGRESS);
        if (drop.length) await tableOf(t).bulkDelete(drop);
        deleted[t] = drop.length;
      }
    }
    await db.meta.delete(META_RESTORE_IN_PROGRESS);
    await db.meta.put({ key: META_KEYS.undoFloor, value: batchId });
  });
  if (mode === 'replace') Object.assign(summary, preview.summary);
  return {
    header,
    mode,
    summary,
    conflicts: mode === 'merge' ? conflicts : preview.conflicts,
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
