import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { db } from '@/db/db';
import { articleQueries } from '@/db/queries';
import { LIBRARY_REREAD_DURING_IMPORT_MS, useArticles } from '@/features/library/hooks/use-articles';
import { useUiStore } from '@/stores/ui-store';

function renderArticles() {
  const client = new QueryClient({
    defaultOptions: { queries: { networkMode: 'always', staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const view = renderHook(() => useArticles(), { wrapper });
  const reads = () => client.getQueryState(articleQueries.list().queryKey)?.dataUpdateCount ?? 0;
  // what the Dexie → TanStack Query bridge does when a batch commits
  const batchCommitted = () => act(() => client.invalidateQueries({ queryKey: articleQueries.all() }));
  return { ...view, reads, batchCommitted };
}

describe('useArticles while a bulk import runs', () => {
  beforeEach(async () => {
    db.close();
    await db.delete();
    await db.open();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    useUiStore.getState().bulkImportRunningChanged(false);
  });

  test('outside an import, every commit reads the list again', async () => {
    const { result, reads, batchCommitted } = renderArticles();
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    const before = reads();
    await batchCommitted();
    await batchCommitted();
    expect(reads()).toBe(before + 2);
  });

  test('during an import the list is not read per batch: at most once per interval, and once at the end', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { result, reads, batchCommitted } = renderArticles();
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    const first = reads();
    act(() => useUiStore.getState().bulkImportRunningChanged(true));
    for (let batch = 0; batch < 5; batch++) await batchCommitted();
    expect(reads()).toBe(first);
    expect(result.current.isFetching).toBe(false);

    act(() => vi.advanceTimersByTime(LIBRARY_REREAD_DURING_IMPORT_MS));
    await vi.waitFor(() => expect(reads()).toBe(first + 1));
    // nothing committed since: the next interval reads nothing
    act(() => vi.advanceTimersByTime(LIBRARY_REREAD_DURING_IMPORT_MS));
    expect(result.current.isFetching).toBe(false);
    expect(reads()).toBe(first + 1);

    await batchCommitted();
    expect(reads()).toBe(first + 1);
    act(() => useUiStore.getState().bulkImportRunningChanged(false));
    await vi.waitFor(() => expect(reads()).toBe(first + 2));
  });

  test('a Library opened during an import reads its list at once', async () => {
    useUiStore.getState().bulkImportRunningChanged(true);
    const { result } = renderArticles();
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual([]);
  });
});
