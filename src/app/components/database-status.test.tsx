import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { reportDatabaseOutdated, resetDatabaseOutdated } from '@/db/errors';
import { DatabaseStatus } from './database-status';

afterEach(() => {
  cleanup();
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
});
