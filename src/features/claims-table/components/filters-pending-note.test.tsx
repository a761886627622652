import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FiltersPendingNote } from '@/features/claims-table/components/filters-pending-note';
import { TeamSyncProvider } from '@/features/team/team-sync-context';
import type { SyncStatus, TeamSnapshot, TeamSync } from '@/features/team/team-types';

afterEach(cleanup);

function fakeSync(status: SyncStatus | null) {
  let snapshot: TeamSnapshot = { connection: null, status, leader: true };
  const listeners = new Set<() => void>();
  const sync = {
    getSnapshot: () => snapshot,
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    setStatus(next: SyncStatus) {
      snapshot = { ...snapshot, status: next };
      for (const l of listeners) l();
    },
  } as unknown as TeamSync & { setStatus(s: SyncStatus): void };
  for (const k of ['connect', 'disconnect', 'syncNow', 'setSlice', 'findArticles'] as const)
    (sync as unknown as Record<string, unknown>)[k] = vi.fn();
  return sync;
}

describe('FiltersPendingNote', () => {
  it('says the lists may miss claims while the filter rows are built, and nothing otherwise', () => {
    const sync = fakeSync({
      state: 'idle',
      pending: 0,
      conflicts: 0,
      indexing: { done: 41_000, total: 100_000 },
    });
    render(
      <TeamSyncProvider sync={sync}>
        <FiltersPendingNote />
      </TeamSyncProvider>,
    );
    const note = screen.getByRole('status');
    expect(note.textContent).toBe(
      'Preparing filters: 41,000 of 100,000 claims. Until then this list and its filters may miss some claims; the Library, the articles and the counts have them all.',
    );
    act(() => sync.setStatus({ state: 'idle', pending: 0, conflicts: 0 }));
    // the live region stays, empty
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('is an empty live region for someone with no team', () => {
    render(<FiltersPendingNote />);
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
