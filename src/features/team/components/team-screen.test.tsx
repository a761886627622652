import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamScreen } from '@/features/team/components/team-screen';
import { TeamSignInError } from '@/features/team/runner/team-sync-controller';
import { TeamSyncProvider } from '@/features/team/team-sync-context';
import type { SyncStatus, TeamConnection, TeamSnapshot, TeamSync } from '@/features/team/team-types';

afterEach(cleanup);

function fakeSync(initial: TeamSnapshot) {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  const sync: TeamSync & { set(next: Partial<TeamSnapshot>): void } = {
    getSnapshot: () => snapshot,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    connect: vi.fn(async () => {}),
    disconnect: vi.fn(async () => {}),
    syncNow: vi.fn(),
    listConflicts: async () => [],
    resolveConflict: async () => {},
    setSlice: vi.fn(),
    findArticles: vi.fn(async () => ({ articles: [], truncated: false })),
    set(next) {
      snapshot = { ...snapshot, ...next };
      for (const l of listeners) l();
    },
  };
  return sync;
}

const renderWith = (sync: TeamSync) =>
  render(
    <TeamSyncProvider sync={sync}>
      <TeamScreen />
    </TeamSyncProvider>,
  );

const CONNECTION: TeamConnection = {
  url: 'http://127.0.0.1:5984',
  database: 'desk',
  name: 'ana',
  role: 'member',
};

describe('TeamScreen', { timeout: 30_000 }, () => {
  it('checks the form before signing in, and sends only cleaned values', async () => {
    const sync = fakeSync({ connection: null, status: null, leader: false });
    renderWith(sync);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Server address'), 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Sign in and connect' }));
    expect(sync.connect).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Server address').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Server address'));
    expect(screen.getByText('Only http:// and https:// addresses can be used.')).toBeTruthy();

    await user.clear(screen.getByLabelText('Server address'));
    await user.type(screen.getByLabelText('Server address'), 'http://127.0.0.1:5984/');
    await user.type(screen.getByLabelText('Team database'), 'desk');
    await user.type(screen.getByLabelText('User name'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'secret{Enter}');
    expect(sync.connect).toHaveBeenCalledWith({
      url: 'http://127.0.0.1:5984',
      database: 'desk',
      name: 'ana',
      password: 'secret',
    });
  });

  it('says why a sign-in failed and empties the password', async () => {
    const sync = fakeSync({ connection: null, status: null, leader: false });
    vi.mocked(sync.connect).mockRejectedValue(
      new TeamSignInError('The server did not accept that name and password.'),
    );
    renderWith(sync);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Server address'), 'https://couch.example.org');
    await user.type(screen.getByLabelText('Team database'), 'desk');
    await user.type(screen.getByLabelText('User name'), 'ana');
    await user.type(screen.getByLabelText('Password'), 'wrong{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not accept/);
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });

  it('shows the role, the status with a progress bar during a first sync, and the numbers', () => {
    const sync = fakeSync({ connection: CONNECTION, status: null, leader: true });
    renderWith(sync);
    expect(screen.getByTestId('team-role').textContent).toBe('Member');
    const pulling: SyncStatus = {
      state: 'pulling',
      pending: 2,
      conflicts: 1,
      progress: { done: 2_500, total: 10_000 },
    };
    act(() => sync.set({ status: pulling }));
    const bar = screen.getByRole('progressbar', { name: 'Received from the team' }) as HTMLProgressElement;
    expect(bar.value).toBe(2_500);
    expect(bar.max).toBe(10_000);
    expect(screen.getByText('2,500 of 10,000 changes received (25%)')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Receiving changes. 1 conflict needs you.');
    expect(screen.getByTestId('sync-pending').textContent).toBe('2');

    // after a catch-up: the lists and counts are built in steps, with a bar of their own
    act(() =>
      sync.set({
        status: {
          ...pulling,
          progress: {
            done: 10_000,
            total: 10_000,
            phase: 'indexing',
            indexed: { done: 4_000, total: 9_800 },
          },
        },
      }),
    );
    expect(screen.queryByRole('progressbar', { name: 'Received from the team' })).toBeNull();
    const lists = screen.getByRole('progressbar', {
      name: 'Lists and counts prepared',
    }) as HTMLProgressElement;
    expect(lists.value).toBe(4_000);
    expect(lists.max).toBe(9_800);
    expect(screen.getByText('10,000 changes received; preparing lists and counts (40%)')).toBeTruthy();

    // the rows are in (synced): the filter rows are built after, with a bar of their own
    act(() =>
      sync.set({
        status: {
          state: 'idle',
          pending: 0,
          conflicts: 0,
          lastSyncAt: Date.now(),
          indexing: { done: 41_000, total: 100_000 },
        },
      }),
    );
    expect(screen.queryByRole('progressbar', { name: 'Lists and counts prepared' })).toBeNull();
    const filters = screen.getByRole('progressbar', { name: 'Filters prepared' }) as HTMLProgressElement;
    expect(filters.value).toBe(41_000);
    expect(filters.max).toBe(100_000);
    expect(screen.getByTestId('sync-indexing').textContent).toMatch(
      /^Preparing filters: 41,000 of 100,000 claims\. The library is here/,
    );
    expect(screen.getByText('Just now')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Up to date. Preparing filters.');

    act(() => sync.set({ status: { state: 'offline', pending: 3, conflicts: 0 } }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/cannot be reached/)).toBeTruthy();
  });

  it('asks before disconnecting, and offers to sign in again when the session ended', async () => {
    const sync = fakeSync({
      connection: CONNECTION,
      status: { state: 'forbidden', pending: 0, conflicts: 0 },
      leader: true,
    });
    renderWith(sync);
    expect(screen.getByRole('heading', { name: 'Sign in again' })).toBeTruthy();
    expect((screen.getByLabelText('User name') as HTMLInputElement).value).toBe('ana');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Sign out and disconnect' }));
    expect(sync.disconnect).not.toHaveBeenCalled();
    const dialog = screen.getByText('Disconnect from the team?').closest('dialog')!;
    await user.click(
      [...dialog.querySelectorAll('button')].find((b) => b.textContent === 'Sign out and disconnect')!,
    );
    expect(sync.disconnect).toHaveBeenCalled();
  });
});
