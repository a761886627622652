import { describe, expect, test } from 'vitest';
import type { HistoryEntry } from '@/core/model/types';
import { describeEntry } from '@/features/claim/history-text';

const entry = (over: Partial<HistoryEntry>): HistoryEntry =>
  ({
    id: 'h1',
    table: 'claims',
    rowId: 'c1',
    batchId: 'b1',
    action: 'update',
    from: {},
    to: {},
    at: 0,
    undoneAt: null,
    ...over,
  }) as HistoryEntry;

const speakers = new Map([
  ['s1', { name: 'Rother Valley' }],
  ['s2', { name: 'Alexander Stafford' }],
]);

describe('describeEntry', () => {
  test('verdicts and speakers read as labels and names', () => {
    expect(
      describeEntry(
        entry({ from: { verdict: 'unchecked', speakerId: 's1' }, to: { verdict: 'false', speakerId: 's2' } }),
        speakers,
      ),
    ).toEqual(['Verdict: Unchecked → False', 'Speaker: Rother Valley → Alexander Stafford']);
  });

  test('a long note is clipped with its length, never printed whole', () => {
    const [line] = describeEntry(
      entry({ from: { notes: '' }, to: { notes: 'x'.repeat(102_400) } }),
      speakers,
    );
    expect(line).toMatch(/^Notes: empty → “x+…” \(102,400 characters\)$/);
    expect(line!.length).toBeLessThan(120);
  });

  test('undo batches say so; evidence links and tombstones are named', () => {
    expect(
      describeEntry(entry({ action: 'delete', batchKind: 'undo' } as Partial<HistoryEntry>), speakers),
    ).toEqual(['Undo: Deleted (moved to the trash)']);
    expect(
      describeEntry(
        entry({ table: 'evidence', action: 'create', from: null, to: { relation: 'refutes' } }),
        speakers,
      ),
    ).toEqual(['Source linked (refutes)']);
  });

  test('a team sync conflict shows both values and who made the change', () => {
    expect(
      describeEntry(
        entry({
          from: { verdict: 'true' },
          to: { verdict: 'false' },
          label: 'Sync conflict on verdict: both values kept in history',
          author: 'bob',
        } as Partial<HistoryEntry>),
        speakers,
      ),
    ).toEqual(['Sync conflict, both values kept (set aside → kept): Verdict: True → False (by bob)']);
    expect(
      describeEntry(
        entry({ from: { verdict: 'false' }, to: { verdict: 'true' }, label: 'Settle a sync conflict' }),
        speakers,
      ),
    ).toEqual(['Sync conflict settled: Verdict: False → True']);
  });
});
