import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { storageQueries } from '@/db/queries';
import { StorageUsage } from '@/features/storage/components/storage-usage';

afterEach(cleanup);

describe('StorageUsage', () => {
  test('the not-persistent hint points at nothing the app does not have (no backup, no export)', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
    client.setQueryData(storageQueries.estimate().queryKey, {
      usage: 1_000_000,
      quota: 2e9,
      persisted: false,
    });
    render(
      <QueryClientProvider client={client}>
        <StorageUsage />
      </QueryClientProvider>,
    );
    const hint = (await screen.findByText('not persistent')).getAttribute('title') ?? '';
    expect(hint).toMatch(/may clear/);
    expect(hint).not.toMatch(/backup|export/i);
  });
});
