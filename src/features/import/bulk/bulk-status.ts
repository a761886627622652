import type { BulkState } from '@/features/import/bulk/bulk-runner';

const n = (x: number) => x.toLocaleString();
/** "1 duplicate", "2 duplicates" (and "0 duplicates"). */
const count = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

function timeLeft(ms: number | null): string {
  if (ms === null) return 'estimating time left';
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `about ${s} s left`;
  const m = Math.floor(s / 60);
  return `about ${m} min ${s % 60} s left`;
}

/** The one-line progress of a bulk import, as the panel's status reads it. */
export function bulkStatusText(state: BulkState): string {
  if (state.phase === 'counting') return 'Counting the articles…';
  const tail =
    state.phase === 'importing'
      ? ` · ${timeLeft(state.remainingMs)}`
      : state.phase === 'cancelling'
        ? ' · finishing the batch being saved'
        : state.phase === 'cancelled'
          ? ` · ${state.stoppedBecause ? 'stopped, storage is full' : 'cancelled'}: ${count(state.imported, 'article')} imported whole, the rest not started`
          : ` · finished: ${n(state.imported)} imported`;
  return `${n(state.done)} of ${count(state.total, 'article')} done · ${count(state.claims, 'claim')} found · ${count(state.duplicates, 'duplicate')} skipped · ${n(state.failures.length)} failed${tail}`;
}
