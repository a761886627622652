import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClaimId, Verdict } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { setClaimVerdict } from '@/db/claims';
import { db } from '@/db/db';
import { articleQueries, claimQueries } from '@/db/queries';
import { shownQuery } from '@/db/testing/shown-query';
import {
  BULK_IMPORT_WINDOW_MS,
  CATCH_UP_WINDOW_MS,
  holdWindowMs,
  invalidateOnWriteCoalesced,
  invalidateOnWriteHeldByBulkWriters,
} from '@/features/team/coalesced-invalidation';
import { useUiStore } from '@/stores/ui-store';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';

let client: QueryClient;
let stop = () => {};
let catchingUp = false;
let endCatchUp = () => {};

/** Resolves once the next committed write has been announced. */
const nextMutation = () =>
  new Promise<void>((resolve) => {
    const once = () => {
      Dexie.on('storagemutated').unsubscribe(once);
      resolve();
    };
    Dexie.on('storagemutated', once);
  });

beforeEach(async () => {
  await resetDb();
  client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  catchingUp = false;
  stop = invalidateOnWriteCoalesced(client, {
    holdWindowMs: () => (catchingUp ? 60_000 : null), // the test ends the catch-up itself: no timing in the test
    onHoldEnd: (flush) => {
      endCatchUp = () => {
        catchingUp = false;
        flush();
      };
      return () => {};
    },
  });
});
afterEach(() => {
  stop();
  client.clear();
});

async function primedArticle() {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claims = await client.fetchQuery(claimQueries.byArticle(articleId));
  await client.fetchQuery(claimQueries.tagCounts());
  return { articleId, ids: claims.map((c) => c.id as ClaimId) };
}

const VERDICTS: Verdict[] = ['true', 'false', 'misleading', 'half true'];

describe('invalidateOnWriteCoalesced', () => {
  it('invalidates at once after each write when no catch-up runs (the app without a team)', async () => {
    const { ids } = await primedArticle();
    const spy = vi.spyOn(client, 'invalidateQueries');
    for (const verdict of VERDICTS) {
      const seen = nextMutation();
      await setClaimVerdict(ids[0]!, verdict);
      await seen;
    }
    expect(spy).toHaveBeenCalledTimes(VERDICTS.length);
  });

  it('while catching up, holds every batch’s invalidations and sends them once when it ends', async () => {
    const { articleId, ids } = await primedArticle();
    const spy = vi.spyOn(client, 'invalidateQueries');
    catchingUp = true;
    for (const verdict of VERDICTS) {
      const seen = nextMutation();
      await setClaimVerdict(ids[0]!, verdict);
      await seen;
    }
    expect(spy).not.toHaveBeenCalled();
    expect(client.getQueryState(claimQueries.byArticle(articleId).queryKey)?.isInvalidated).toBe(false);
    endCatchUp();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(client.getQueryState(claimQueries.byArticle(articleId).queryKey)?.isInvalidated).toBe(true);
  });
});

describe('the app’s bridge, held while a bulk writer runs', () => {
  let app: QueryClient;
  let stopApp = () => {};
  beforeEach(() => {
    app = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
    stopApp = invalidateOnWriteHeldByBulkWriters(app, useUiStore);
  });
  afterEach(() => {
    stopApp();
    app.clear();
    vi.useRealTimers();
    useUiStore.getState().bulkImportRunningChanged(false);
    useUiStore.getState().teamCatchUpChanged(false);
  });

  it('holds a window per bulk writer, the bulk import’s the longer', () => {
    expect(holdWindowMs({ teamCatchingUp: false, bulkImportRunning: false })).toBeNull();
    expect(holdWindowMs({ teamCatchingUp: true, bulkImportRunning: false })).toBe(CATCH_UP_WINDOW_MS);
    expect(holdWindowMs({ teamCatchingUp: false, bulkImportRunning: true })).toBe(BULK_IMPORT_WINDOW_MS);
    expect(holdWindowMs({ teamCatchingUp: true, bulkImportRunning: true })).toBe(BULK_IMPORT_WINDOW_MS);
    expect(BULK_IMPORT_WINDOW_MS).toBeGreaterThan(CATCH_UP_WINDOW_MS);
  });

  it('while a bulk import runs, the Library’s list is made stale once per window, not per batch, and when it ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // the window's timer only
    await app.fetchQuery(articleQueries.list());
    const listStale = () => app.getQueryState(articleQueries.list().queryKey)?.isInvalidated;
    useUiStore.getState().bulkImportRunningChanged(true);
    for (const [text, extraction] of [
      [ARTICLE_A, extractionA()],
      [ARTICLE_B, extractionB()],
    ] as const) {
      const seen = nextMutation();
      await saveImportedArticle({ text }, extraction);
      await seen;
    }
    expect(listStale()).toBe(false);
    vi.advanceTimersByTime(BULK_IMPORT_WINDOW_MS - 1);
    expect(listStale()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(listStale()).toBe(true);

    await app.fetchQuery({ ...articleQueries.list(), staleTime: 0 });
    expect(listStale()).toBe(false);
    const seen = nextMutation();
    await saveImportedArticle({ text: `${ARTICLE_A}\n\nA later paragraph.` }, extractionA());
    await seen;
    expect(listStale()).toBe(false);
    useUiStore.getState().bulkImportRunningChanged(false);
    expect(listStale()).toBe(true);
  });

  it('outside a bulk writer, a write makes the list stale at once', async () => {
    await app.fetchQuery(articleQueries.list());
    const seen = nextMutation();
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await seen;
    expect(app.getQueryState(articleQueries.list().queryKey)?.isInvalidated).toBe(true);
  });

  it('a catch-up ending while the import still runs keeps holding', async () => {
    await app.fetchQuery(articleQueries.list());
    useUiStore.getState().teamCatchUpChanged(true);
    useUiStore.getState().bulkImportRunningChanged(true);
    const seen = nextMutation();
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await seen;
    useUiStore.getState().teamCatchUpChanged(false);
    expect(app.getQueryState(articleQueries.list().queryKey)?.isInvalidated).toBe(false);
    useUiStore.getState().bulkImportRunningChanged(false);
    expect(app.getQueryState(articleQueries.list().queryKey)?.isInvalidated).toBe(true);
  });
});

describe('a shown article list, no bulk writer running', () => {
  it('takes a verdict on one of its claims by reading that claim, not the whole list again', async () => {
    const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const view = await shownQuery(client, claimQueries.byArticle(articleId));
    const claim = view.data()[1]!;
    const announced = nextMutation();
    await setClaimVerdict(claim.id, 'false');
    await announced;
    await vi.waitFor(() => expect(view.data()[1]?.verdict).toBe('false'));
    expect(view.data()[1]).toEqual(await db.claims.get(claim.id));
    expect(view.reads()).toBe(1);
    view.unsubscribe();
  });
});
