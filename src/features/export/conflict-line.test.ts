import { describe, expect, test } from 'vitest';
import type { MergeConflict } from '@/core/export/merge';
import { conflictLine } from './conflict-line';

const conflict = (over: Partial<MergeConflict>): MergeConflict => ({
  table: 'claims',
  id: 'art-c3982c8987bc4bb4209df9742fdeec98.00000205-00000268',
  label: 'This plan protects 3,000 homes and it will be finished by 2028,',
  winner: 'backup',
  fields: ['verdict'],
  backupUpdatedAt: 20,
  libraryUpdatedAt: 10,
  lost: { verdict: 'false' },
  kept: { verdict: 'mostly false' },
  ...over,
});

describe('conflictLine', () => {
  test('names the claim by its words and gives both verdicts, not the row id', () => {
    expect(conflictLine(conflict({}))).toBe(
      'Claim “This plan protects 3,000 homes and it will be finished by…”: verdict Mostly false (the backup’s, newer) kept; False (yours) in history',
    );
  });

  test('the library’s newer edit; a field with no readable value (an id) is named, not shown', () => {
    const line = conflictLine(
      conflict({
        winner: 'library',
        fields: ['notes', 'speakerId'],
        lost: { notes: '', speakerId: 'spk-1' },
        kept: { notes: 'Asked the council\non Monday.', speakerId: 'spk-2' },
      }),
    );
    expect(line).toBe(
      'Claim “This plan protects 3,000 homes and it will be finished by…”: notes “Asked the council on Monday.” (yours, newer) kept; (none) (the backup’s) in history. speaker: yours (newer) kept; the backup’s in history',
    );
    expect(line).not.toContain('spk-');
  });
});
