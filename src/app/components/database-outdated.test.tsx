import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { reportDatabaseOutdated, resetDatabaseOutdated } from '@/db/errors';
import { DatabaseOutdated } from './database-outdated';

afterEach(() => {
  cleanup();
  resetDatabaseOutdated();
});

describe('DatabaseOutdated', () => {
  test('says nothing until another tab upgrades the database, then asks for a reload', () => {
    render(<DatabaseOutdated />);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => reportDatabaseOutdated());
    expect(screen.getByRole('alert').textContent).toMatch(/reload/i);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
