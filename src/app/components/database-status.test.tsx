import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { db } from '@/db/db';
import { MESSAGES, reportDatabaseOutdated, resetDatabaseOutdated } from '@/db/errors';
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
});
