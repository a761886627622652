import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { db } from '@/db/db';
import { articleQueries } from '@/db/queries';
import { useArticles } from '@/features/library/hooks/use-articles';
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
  // what the freshness bridge does when it lets a write (or a window of batches) through
  const invalidated = () => act(() => client.invalidateQueries({ queryKey: articleQueries.all() }));
  return { ...view, reads, invalidated };
}

// How often the list is made stale during a bulk import is the bridge's
// (features/team/coalesced-invalidation.test.ts): the Library reads whenever it is told to.
describe('useArticles', () => {
  beforeEach(async () => {
    db.close();
    await db.delete();
    await db.open();
  });
  afterEach(() => {
    cleanup();
    useUiStore.getState().bulkImportRunningChanged(false);
  });

  test('every invalidation reads the list again', async () => {
    const { result, reads, invalidated } = renderArticles();
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    const before = reads();
    await invalidated();
    await invalidated();
    expect(reads()).toBe(before + 2);
  });

  test('during a bulk import too: the list has no throttle of its own', async () => {
    const { result, reads, invalidated } = renderArticles();
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    const before = reads();
    act(() => useUiStore.getState().bulkImportRunningChanged(true));
    await invalidated();
    await invalidated();
    expect(reads()).toBe(before + 2);
  });

  test('a Library opened during an import reads its list at once', async () => {
    useUiStore.getState().bulkImportRunningChanged(true);
    const { result } = renderArticles();
    await vi.waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual([]);
  });
});
