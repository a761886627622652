import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SlicePanel } from '@/features/team/components/slice-panel';
import { TeamSyncProvider } from '@/features/team/team-sync-context';
import type { TeamConnection, TeamSync } from '@/features/team/team-types';

afterEach(cleanup);

const ARTICLES = [
  { id: 'a1', title: 'Budget cuts', publishedAt: '2026-02-10' },
  { id: 'a2', title: 'Hospital lists', publishedAt: null },
  { id: 'a3', title: 'Rail fares', publishedAt: '2026-05-02T08:00:00Z' },
];

function fakeSync() {
  const sync: TeamSync = {
    getSnapshot: () => ({ connection: null, status: null, leader: false }),
    subscribe: () => () => {},
    connect: vi.fn(async () => {}),
    disconnect: vi.fn(async () => {}),
    syncNow: vi.fn(),
    listConflicts: async () => [],
    resolveConflict: async () => {},
    setSlice: vi.fn(),
    findArticles: vi.fn(async () => ({ articles: ARTICLES, truncated: false })),
  };
  return sync;
}

const CONNECTION: TeamConnection = { url: 'http://127.0.0.1:5984', database: 'desk', name: 'ana' };

const renderWith = (sync: TeamSync, connection: TeamConnection) =>
  render(
    <TeamSyncProvider sync={sync}>
      <SlicePanel connection={connection} />
    </TeamSyncProvider>,
  );

describe('SlicePanel', { timeout: 30_000 }, () => {
  it("counts the articles the slice's search added since it was chosen", () => {
    render(
      <TeamSyncProvider sync={fakeSync()}>
        <SlicePanel
          connection={{
            ...CONNECTION,
            slice: { articleIds: ['a1'], label: 'tag “budget”', criteria: { tag: 'budget' } },
          }}
          joined={2}
        />
      </TeamSyncProvider>,
    );
    expect(screen.getByTestId('team-slice-current').textContent).toBe(
      'Part of the team library: 3 articles (tag “budget”; 2 found by its search since), with every speaker and source.',
    );
  });

  it('finds articles by tag and dates, lets a person untick some, and syncs only the chosen ones', async () => {
    const sync = fakeSync();
    renderWith(sync, CONNECTION);
    const user = userEvent.setup();
    expect(screen.getByTestId('team-slice-current').textContent).toBe('The whole team library.');
    await user.type(screen.getByLabelText('Tag on their claims'), ' budget ');
    await user.type(screen.getByLabelText('Published from'), '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Find articles' }));
    expect(sync.findArticles).toHaveBeenCalledWith({ tag: 'budget', publishedFrom: '2026-01-01' });
    expect((await screen.findByRole('status')).textContent).toBe('3 articles found.');
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([true, true, true]);
    await user.click(screen.getByRole('checkbox', { name: /Hospital lists/ }));
    await user.click(screen.getByRole('button', { name: 'Sync only these 2 articles' }));
    // the search is kept (articles it finds later join), and the unticked article stays out
    expect(sync.setSlice).toHaveBeenCalledWith({
      articleIds: ['a1', 'a3'],
      label: 'chosen by hand from tag “budget”, published from 2026-01-01',
      criteria: { tag: 'budget', publishedFrom: '2026-01-01' },
      excluded: ['a2'],
    });
  });

  it('refuses a date range that ends before it starts, and needs at least one article', async () => {
    const sync = fakeSync();
    renderWith(sync, { ...CONNECTION, slice: { articleIds: ['a1'], label: 'tag “budget”' } });
    const user = userEvent.setup();
    expect(screen.getByTestId('team-slice-current').textContent).toMatch(/1 article \(tag “budget”\)/);
    await user.type(screen.getByLabelText('Published from'), '2026-05-01');
    await user.type(screen.getByLabelText('Published up to'), '2026-04-01');
    await user.click(screen.getByRole('button', { name: 'Find articles' }));
    expect(sync.findArticles).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Published up to').getAttribute('aria-invalid')).toBe('true');
    await user.clear(screen.getByLabelText('Published up to'));
    await user.click(screen.getByRole('button', { name: 'Find articles' }));
    await user.click(await screen.findByRole('button', { name: 'Select none' }));
    expect(screen.getByRole('button', { name: 'Choose at least one article' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Sync the whole library' }));
    expect(sync.setSlice).toHaveBeenCalledWith(null);
  });
});
