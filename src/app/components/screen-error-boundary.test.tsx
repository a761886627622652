import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ScreenErrorBoundary } from './screen-error-boundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Throws({ error }: Readonly<{ error: Error }>): never {
  throw error;
}

describe('ScreenErrorBoundary', () => {
  test('a screen whose chunk did not load says so with a Reload, and what is around it stays', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <main>
        <p>header</p>
        <ScreenErrorBoundary>
          <Throws error={new TypeError('Failed to fetch dynamically imported module: /assets/x.js')} />
        </ScreenErrorBoundary>
      </main>,
    );
    expect(screen.getByText('header')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/did not load/);
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  test('any other error is named, as text', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ScreenErrorBoundary>
        <Throws error={new Error('<b>bad</b> row')} />
      </ScreenErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      'This screen could not be shown: <b>bad</b> row.',
    );
  });

  test('a quiet part that fails shows nothing, and the rest stays', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <footer>
        <p>storage</p>
        <ScreenErrorBoundary quiet>
          <Throws error={new TypeError('Failed to fetch dynamically imported module: /assets/undo.js')} />
        </ScreenErrorBoundary>
      </footer>,
    );
    expect(screen.getByText('storage')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
