import { describe, expect, test } from 'vitest';
import { newMergeContext, planMergeChunk } from '@/core/export/merge';
import type { Claim } from '@/core/model/types';
import { CRITICS, claim, MAYOR } from '@/test/export-rows';
import { conflictLine } from './conflict-line';

/** The conflict a merge plans when the library holds `library` and the backup `backup` (same id). */
const conflictOf = (library: Claim, backup: Claim) => {
  const plan = planMergeChunk(
    'claims',
    [backup],
    { byId: new Map([[library.id, library]]) },
    newMergeContext(),
  );
  return plan.conflicts[0]!;
};

describe('conflictLine', () => {
  test('names the claim by its words and gives both verdicts, not the row id', () => {
    const line = conflictLine(
      conflictOf(
        claim(CRITICS, { verdict: 'false', updatedAt: 10 }),
        claim(CRITICS, { verdict: 'mostly false', updatedAt: 20 }),
      ),
    );
    expect(line).toBe(
      'Claim “the plan <script>alert(1)</script> would *hurt* rural…”: verdict Mostly false (the backup’s, newer) kept; False (yours) in history',
    );
  });

  test('the library’s newer edit; a field with no readable value (an id) is named, not shown', () => {
    const line = conflictLine(
      conflictOf(
        claim(MAYOR, { notes: 'Asked the council\non Monday.', speakerId: 'sp-2' as never, updatedAt: 20 }),
        claim(MAYOR, { notes: 'Called the mayor.', speakerId: 'sp-3' as never, updatedAt: 10 }),
      ),
    );
    expect(line).toBe(
      'Claim “We will =SUM(A1) save £2m a year.”: notes “Asked the council on Monday.” (yours, newer) kept; “Called the mayor.” (the backup’s) in history. speaker: yours (newer) kept; the backup’s in history',
    );
    expect(line).not.toContain('sp-');
  });
});
