import 'fake-indexeddb/auto';
import { QueryClient } from '@tanstack/react-query';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClaimId, Verdict } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { setClaimVerdict } from '@/db/claims';
import { claimQueries } from '@/db/queries';
import { invalidateOnWriteCoalesced } from '@/features/team/coalesced-invalidation';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';

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
    isCatchingUp: () => catchingUp,
    onCatchUpEnd: (flush) => {
      endCatchUp = () => {
        catchingUp = false;
        flush();
      };
      return () => {};
    },
    windowMs: 60_000, // the test ends the catch-up itself: no timing in the test
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
