import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { db } from '@/db/db';
import { appIncomplete, MESSAGES, reportDatabaseOutdated, resetDatabaseOutdated } from '@/db/errors';
import { DatabaseStatus, SLOW_OPEN_MS } from './database-status';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  resetDatabaseOutdated();
});

describe('DatabaseStatus', () => {
  test('says nothing until another tab upgrades the database, then asks for a reload, once', () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <DatabaseStatus />
      </QueryClientProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => reportDatabaseOutdated());
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toMatch(/reload/i);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  test('says why the person waits when the database is slow to open (an upgrade), and nothing before', () => {
    vi.useFakeTimers();
    vi.spyOn(db, 'open').mockReturnValue(new Promise(() => {}) as ReturnType<typeof db.open>);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <DatabaseStatus />
      </QueryClientProvider>,
    );
    act(() => vi.advanceTimersByTime(SLOW_OPEN_MS - 100));
    expect(screen.queryByRole('status')).toBeNull();
    act(() => vi.advanceTimersByTime(200));
    expect(screen.getByRole('status').textContent).toBe(MESSAGES.opening);
  });

  test('when part of the app did not load, says so and offers a reload, not the private-browsing sentence', async () => {
    vi.spyOn(db, 'open').mockReturnValue(
      Promise.reject(
        appIncomplete(new TypeError('Failed to fetch dynamically imported module')),
      ) as ReturnType<typeof db.open>,
    );
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <DatabaseStatus />
      </QueryClientProvider>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(MESSAGES.incomplete);
    expect(alert.textContent).not.toContain(MESSAGES.unavailable);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
