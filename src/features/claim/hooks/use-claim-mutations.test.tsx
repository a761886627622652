import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Claim, ClaimId } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { db } from '@/db/db';
import { claimQueries } from '@/db/queries';
import { useSetVerdict, useSetVerdicts } from '@/features/claim/hooks/use-claim-mutations';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';

/** Frames asked for and not yet painted: the test paints them. */
let frames: FrameRequestCallback[] = [];

beforeEach(async () => {
  await resetDb();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
  vi.stubGlobal('cancelAnimationFrame', () => {});
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const paint = () => {
  for (const f of frames.splice(0)) f(performance.now());
};

async function shownArticle() {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const client = new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: false },
      mutations: { networkMode: 'always' },
    },
  });
  const key = claimQueries.byArticle(articleId).queryKey;
  const claims = await client.fetchQuery(claimQueries.byArticle(articleId));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const shown = () => client.getQueryData<Claim[]>(key)!;
  return { claims, shown, wrapper };
}

const storedVerdict = async (id: ClaimId) => (await db.claims.get(id))?.verdict;

test('a verdict shows in the article’s list at once and is written after the frame that shows it', async () => {
  const { claims, shown, wrapper } = await shownArticle();
  const claim = claims[0]!;
  const { result } = renderHook(() => useSetVerdict(), { wrapper });
  act(() => result.current.mutate({ id: claim.id, verdict: 'false', expectedUpdatedAt: claim.updatedAt }));
  await waitFor(() => expect(shown()[0]?.verdict).toBe('false'));
  // no write while the frame that shows it is still to come
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await storedVerdict(claim.id)).toBe('unchecked');
  paint();
  await waitFor(async () => expect(await storedVerdict(claim.id)).toBe('false'));
  await waitFor(() => expect(result.current.isSuccess).toBe(true));
});

test('a verdict on every part of a quotation waits for the frame too, then writes them all', async () => {
  const { claims, shown, wrapper } = await shownArticle();
  const parts = claims.slice(0, 2);
  const { result } = renderHook(() => useSetVerdicts(), { wrapper });
  act(() => result.current.mutate({ ids: parts.map((p) => p.id), verdict: 'true' }));
  await waitFor(() =>
    expect(
      shown()
        .slice(0, 2)
        .map((c) => c.verdict),
    ).toEqual(['true', 'true']),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await storedVerdict(parts[1]!.id)).toBe('unchecked');
  paint();
  await waitFor(async () => expect(await storedVerdict(parts[1]!.id)).toBe('true'));
});
