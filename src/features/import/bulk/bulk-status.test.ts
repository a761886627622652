import { describe, expect, test } from 'vitest';
import { type BulkState, IDLE } from '@/features/import/bulk/bulk-runner';
import { bulkStatusText } from '@/features/import/bulk/bulk-status';

// a finished run of nothing unless told otherwise: built from the idle state, not read from the
// runner's store, which other test files in the same worker may have left mid-run
const state = (over: Partial<BulkState>): BulkState => ({ ...IDLE, phase: 'done', ...over });

describe('bulkStatusText', () => {
  test('one of a thing is said in the singular (a corpus of one article, one duplicate, one claim)', () => {
    expect(bulkStatusText(state({ total: 1, done: 1, imported: 1, claims: 1, duplicates: 1 }))).toBe(
      '1 of 1 article done · 1 claim found · 1 duplicate skipped · 0 failed · finished: 1 imported',
    );
    expect(bulkStatusText(state({ phase: 'cancelled', total: 500, done: 40, imported: 1, claims: 0 }))).toBe(
      '40 of 500 articles done · 0 claims found · 0 duplicates skipped · 0 failed · cancelled: 1 article imported whole, the rest not started',
    );
  });

  test('many stay plural, and each phase keeps its tail', () => {
    expect(bulkStatusText(state({ phase: 'counting' }))).toBe('Counting the articles…');
    expect(
      bulkStatusText(state({ phase: 'importing', total: 500, done: 20, claims: 70, remainingMs: 90_000 })),
    ).toBe(
      '20 of 500 articles done · 70 claims found · 0 duplicates skipped · 0 failed · about 1 min 30 s left',
    );
    expect(
      bulkStatusText(state({ phase: 'cancelled', total: 9, done: 3, stoppedBecause: 'quota', imported: 0 })),
    ).toContain('stopped, storage is full: 0 articles imported whole');
  });
});
