import { findArticleByHash, sha256Hex } from '@/db/articles';
import type { BatchArticle } from '@/db/bulk-import';
import { describeDbError, MESSAGES } from '@/db/errors';
import { ImportRefused, type Prepared, readFile, readPaste } from '@/features/import/import-article';
import { useUiStore } from '@/stores/ui-store';
import { saveImportBatchOffThread } from '@/workers/import-writer';
import { extractClaims } from '@/workers/pipeline';
import { type BulkFailure, type BulkItem, bulkItems, countItems } from './bulk-sources';

export type BulkState = Readonly<{
  phase: 'idle' | 'counting' | 'importing' | 'cancelling' | 'done' | 'cancelled';
  total: number;
  /** Articles handled: imported, skipped as duplicates, or failed. */
  done: number;
  imported: number;
  duplicates: number;
  claims: number;
  failures: readonly BulkFailure[];
  startedAt: number;
  /** Milliseconds left at the pace so far; null until one batch is written. */
  remainingMs: number | null;
  /** Why the run stopped by itself (the disk is full): the rest would fail the same way. */
  stoppedBecause: string | null;
}>;

export const BATCH_SIZE = 20;

/** Nothing run yet (and after a finished run is cleared). */
export const IDLE: BulkState = {
  phase: 'idle',
  total: 0,
  done: 0,
  imported: 0,
  duplicates: 0,
  claims: 0,
  failures: [],
  startedAt: 0,
  remainingMs: null,
  stoppedBecause: null,
};

let state: BulkState = IDLE;
let controller: AbortController | null = null;
const listeners = new Set<() => void>();

const set = (patch: Partial<BulkState>) => {
  state = { ...state, ...patch };
  for (const l of listeners) l();
};

export const bulkImportStore = {
  get: (): BulkState => state,
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

const reasonOf = (e: unknown) => (e instanceof ImportRefused ? e.message : describeDbError(e));

async function prepare(
  item: BulkItem,
): Promise<{ prepared: Prepared; outlet: string | null; date: string | null }> {
  if (item.kind === 'file') {
    const prepared = await readFile(item.file);
    return { prepared, outlet: prepared.outlet, date: prepared.publishedAt };
  }
  const r = item.record;
  const prepared = await readPaste(r.text, r.title ?? undefined, r.url ?? undefined);
  // a corpus line's own fields first; a line whose text is a saved page may say them in its head
  return { prepared, outlet: r.outlet ?? prepared.outlet, date: r.date ?? prepared.publishedAt };
}

/** Cancels the running import after the batch being written (whole articles or none). */
export function cancelBulkImport(): void {
  if (controller && state.phase === 'importing') {
    controller.abort();
    set({ phase: 'cancelling' });
  }
}

/**
 * Imports many files and corpus lines: each article read and checked by the single-file import's
 * own steps, deduplicated by text hash, extracted in the worker, and written BATCH_SIZE at a time
 * in one transaction. Runs outside React, so it goes on while the person uses the rest of the app.
 */
export async function startBulkImport(files: readonly File[]): Promise<void> {
  if (state.phase === 'counting' || state.phase === 'importing' || state.phase === 'cancelling') return;
  const abort = new AbortController();
  controller = abort;
  set({ ...IDLE, phase: 'counting', startedAt: Date.now() });
  const total = await countItems(files);
  set({ phase: 'importing', total, startedAt: Date.now() });
  useUiStore.getState().bulkImportRunningChanged(true);
  const failures: BulkFailure[] = [];
  const fail = (f: BulkFailure) => {
    failures.push(f);
    set({ failures: [...failures], done: state.done + 1 });
  };
  const seen = new Set<string>();
  let batch: (BatchArticle & { label: string })[] = [];

  // one batch is written (in the import worker) while the next is read and extracted
  let writing: Promise<void> = Promise.resolve();
  const write = async () => {
    await writing;
    if (batch.length === 0 || abort.signal.aborted) return;
    const current = batch;
    batch = [];
    writing = writeBatch(current);
  };
  const writeBatch = async (current: typeof batch) => {
    try {
      const results = await saveImportBatchOffThread(current);
      let imported = 0;
      let duplicates = 0;
      let claims = 0;
      for (const r of results) {
        if (r.status === 'created') {
          imported++;
          claims += r.claimCount;
        } else duplicates++;
      }
      const done = state.done + current.length;
      const elapsed = Date.now() - state.startedAt;
      set({
        done,
        imported: state.imported + imported,
        duplicates: state.duplicates + duplicates,
        claims: state.claims + claims,
        remainingMs: done > 0 ? Math.round((elapsed / done) * Math.max(0, total - done)) : null,
      });
    } catch (e) {
      const reason = reasonOf(e);
      for (const a of current) fail({ label: a.label, reason });
      // a full disk refuses every later batch too: stop, rather than extract the rest for nothing
      if (reason === MESSAGES.quota) {
        set({ stoppedBecause: reason });
        abort.abort();
      }
    }
  };

  try {
    for await (const item of bulkItems(files, fail)) {
      if (abort.signal.aborted) break;
      try {
        const { prepared, outlet, date } = await prepare(item);
        const sha = await sha256Hex(prepared.text);
        if (seen.has(sha) || (await findArticleByHash(sha))) {
          set({ duplicates: state.duplicates + 1, done: state.done + 1 });
          continue;
        }
        seen.add(sha);
        const extraction = await extractClaims(prepared.text);
        batch.push({
          label: item.label,
          input: { text: prepared.text, title: prepared.title, url: prepared.url, outlet, publishedAt: date },
          extraction,
          sha256: sha,
        });
      } catch (e) {
        fail({ label: item.label, reason: reasonOf(e) });
      }
      if (batch.length >= BATCH_SIZE) await write();
    }
    await write();
    await writing;
  } finally {
    await writing;
    controller = null;
    useUiStore.getState().bulkImportRunningChanged(false);
    set({ phase: abort.signal.aborted ? 'cancelled' : 'done', remainingMs: null });
  }
}

/** Clears a finished run's report. */
export function resetBulkImport(): void {
  if (state.phase === 'done' || state.phase === 'cancelled') set(IDLE);
}
