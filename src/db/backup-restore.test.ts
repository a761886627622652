import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { BACKUP_TABLES, type BackupHeader } from '@/core/export/backup-schema';
import { emptySummary } from '@/core/export/merge';
import { describeLoss, type RestorePreview } from './backup-restore';

const preview = (lost: Partial<Record<(typeof BACKUP_TABLES)[number], number>>, changed: number) => {
  const summary = emptySummary(BACKUP_TABLES);
  summary.claims.change = changed;
  const none = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as RestorePreview['lost'];
  return {
    header: {} as BackupHeader,
    mode: 'replace',
    summary,
    conflicts: [],
    lost: { ...none, ...lost },
  } satisfies RestorePreview;
};

describe('describeLoss', () => {
  test('one of a kind is counted in the singular', () => {
    expect(describeLoss(preview({ questions: 1, history: 1, claims: 1 }, 1))).toBe(
      'Replace deletes what the backup does not hold: 1 claim, 1 question, 1 history entry. 1 row you have will be overwritten by the backup’s version.',
    );
  });

  test('many, in the plural', () => {
    expect(describeLoss(preview({ questions: 2, history: 9, evidence: 3 }, 5))).toBe(
      'Replace deletes what the backup does not hold: 3 source links, 2 questions, 9 history entries. 5 rows you have will be overwritten by the backup’s version.',
    );
  });
});
