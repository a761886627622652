import { cleanup, screen, waitFor } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, expect, test, vi } from 'vitest';
import { db } from '@/db/db';
import { UndoControls } from '@/features/undo/undo-controls';
import { importArticleA, renderWithQueries } from '@/test/claim-forms';

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
});

test('a read of the undo state that fails once is read again: the button names the latest change', async () => {
  await importArticleA();
  const transaction = db.transaction.bind(db);
  let failures = 0;
  vi.spyOn(db, 'transaction').mockImplementation(((...args: Parameters<typeof transaction>) => {
    if (failures++ === 0) return Promise.reject(new Dexie.PrematureCommitError());
    return transaction(...args);
  }) as typeof db.transaction);
  renderWithQueries(<UndoControls />);
  await waitFor(() => expect(screen.getByText(/^Undo: Import “/)).toBeTruthy());
  expect(failures).toBeGreaterThan(1);
});
