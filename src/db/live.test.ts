import { QueryClient, type QueryKey, QueryObserver } from '@tanstack/react-query';
import { Dexie, type ObservabilitySet, RangeSet } from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ArticleId, ClaimId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { restoreClaim, setClaimVerdict, softDeleteClaim, updateClaim } from './claims';
import { db } from './db';
import { invalidateOnWrite, queriesToInvalidate } from './live';
import { setMeta } from './meta';
import { articleQueries, claimQueries, speakerQueries } from './queries';
import { updateSpeaker } from './speakers';
import { shownQuery } from './testing/shown-query';
import { undo } from './undo';

let client: QueryClient;
let stop: () => void;

beforeEach(async () => {
  await resetDb();
  client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  stop = invalidateOnWrite(client);
});
afterEach(() => {
  stop();
  client.clear();
});

/** Resolves after the next committed write has been announced (the bridge listens first). */
function nextMutation(): Promise<ObservabilitySet> {
  return new Promise((resolve) => {
    const once = (parts: ObservabilitySet) => {
      Dexie.on('storagemutated').unsubscribe(once);
      resolve(parts);
    };
    Dexie.on('storagemutated', once);
  });
}

const invalidated = (key: QueryKey) => client.getQueryState(key)?.isInvalidated ?? false;

async function twoArticles() {
  const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const b = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  return { a: a.articleId, b: b.articleId };
}

/** Fetches the queries into the cache (inactive: invalidation marks them, it does not refetch them). */
async function prime(a: ArticleId, b: ArticleId) {
  await Promise.all([
    client.fetchQuery(articleQueries.list()),
    client.fetchQuery(articleQueries.detail(a)),
    client.fetchQuery(claimQueries.byArticle(a)),
    client.fetchQuery(claimQueries.byArticle(b)),
    client.fetchQuery(speakerQueries.byArticle(a)),
    client.fetchQuery(speakerQueries.list()),
  ]);
}

describe('invalidateOnWrite', () => {
  test('a verdict change invalidates that article’s claims and the queries reading claims, nothing else', async () => {
    const { a, b } = await twoArticles();
    await prime(a, b);
    const claim = (await db.claims.where('articleId').equals(a).first())!;

    const announced = nextMutation();
    await setClaimVerdict(claim.id, 'false');
    await announced;

    expect(invalidated(claimQueries.byArticle(a).queryKey)).toBe(true);
    expect(invalidated(articleQueries.list().queryKey)).toBe(true); // counts read claims
    expect(invalidated(speakerQueries.byArticle(a).queryKey)).toBe(true); // meta.tables: claims
    expect(invalidated(claimQueries.byArticle(b).queryKey)).toBe(false); // another article's claims
    expect(invalidated(articleQueries.detail(a).queryKey)).toBe(false);
    expect(invalidated(speakerQueries.list().queryKey)).toBe(false);
  });

  test('importing an article leaves the other articles’ claim lists alone', async () => {
    const a = (await saveImportedArticle({ text: ARTICLE_A }, extractionA())).articleId;
    const b = 'not-yet' as ArticleId;
    await prime(a, b);

    const announced = nextMutation();
    await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    await announced;

    expect(invalidated(articleQueries.list().queryKey)).toBe(true);
    expect(invalidated(speakerQueries.list().queryKey)).toBe(true);
    expect(invalidated(claimQueries.byArticle(a).queryKey)).toBe(false);
  });

  test('an active query refetches and shows the write', async () => {
    const { a } = await twoArticles();
    const observer = new QueryObserver(client, claimQueries.byArticle(a));
    const seen: string[][] = [];
    const unsubscribe = observer.subscribe((r) => {
      if (r.isSuccess && !r.isFetching) seen.push(r.data.map((c) => c.verdict));
    });
    await client.fetchQuery(claimQueries.byArticle(a));
    const claim = (await db.claims.where('articleId').equals(a).sortBy('start'))[0]!;

    const announced = nextMutation();
    await setClaimVerdict(claim.id, 'mostly true');
    await announced;
    await expect.poll(() => seen.at(-1)?.[0]).toBe('mostly true');
    unsubscribe();
  });

  test('a write to another table invalidates only its own queries', async () => {
    const { a, b } = await twoArticles();
    await prime(a, b);
    const announced = nextMutation();
    await setMeta('referenceArticleSeeded', true);
    await announced;
    for (const q of client.getQueryCache().getAll()) expect(q.state.isInvalidated).toBe(false);
  });

  test('stops after unsubscribing', async () => {
    const { a, b } = await twoArticles();
    await prime(a, b);
    stop();
    const claim = (await db.claims.where('articleId').equals(a).first())!;
    const announced = nextMutation();
    await setClaimVerdict(claim.id, 'true');
    await announced;
    expect(invalidated(claimQueries.byArticle(a).queryKey)).toBe(false);
  });
});

describe('invalidateOnWrite with an updating hook subscribed (writes through Dexie’s hooks middleware)', () => {
  const noop = () => undefined;
  beforeEach(() => {
    db.claims.hook('updating', noop);
  });
  afterEach(() => {
    db.claims.hook('updating').unsubscribe(noop);
  });

  for (const [what, write] of [
    ['a verdict change', async (id: ClaimId) => setClaimVerdict(id, 'misleading')],
    ['a notes edit', async (id: ClaimId) => updateClaim(id, { notes: 'see the report' })],
    ['a restore', async (id: ClaimId) => restoreClaim(id)],
  ] as const) {
    test(`${what} still invalidates exactly that article's claims`, async () => {
      const { a, b } = await twoArticles();
      const claim = (await db.claims.where('articleId').equals(a).first())!;
      if (what === 'a restore') await softDeleteClaim(claim.id);
      await prime(a, b);
      const announced = nextMutation();
      await write(claim.id);
      await announced;
      expect(invalidated(claimQueries.byArticle(a).queryKey)).toBe(true);
      expect(invalidated(claimQueries.byArticle(b).queryKey)).toBe(false);
    });
  }
});

describe('invalidateOnWrite: a shown article list brought up to date in place', () => {
  /** The article's list, shown (observed), counting how often the whole list is read. */
  async function shown(articleId: ArticleId) {
    const view = await shownQuery(client, claimQueries.byArticle(articleId));
    return { list: view.data, reads: view.reads, unsubscribe: view.unsubscribe };
  }

  const stored = async (articleId: ArticleId) =>
    (
      await db.claims
        .where('[articleId+start]')
        .between([articleId, Dexie.minKey], [articleId, Dexie.maxKey])
        .toArray()
    ).filter((c) => c.deletedAt === null);

  test('a verdict on one claim reads that claim, not the whole list again; the list is what is stored', async () => {
    const { a } = await twoArticles();
    const view = await shown(a);
    const before = view.list();
    const claim = before[1]!;
    const announced = nextMutation();
    await setClaimVerdict(claim.id, 'false');
    await announced;
    await expect.poll(() => view.list()[1]?.verdict).toBe('false');
    expect(view.list()).toEqual(await stored(a));
    expect(view.reads()).toBe(1);
    // the other claims are the same objects: only the edited claim's row renders again
    expect(
      view
        .list()
        .filter((c, i) => c !== before[i])
        .map((c) => c.id),
    ).toEqual([claim.id]);
    view.unsubscribe();
  });

  test('a pulled write (a teammate’s edit, an older clock) and an undo update the shown list in place', async () => {
    const { a } = await twoArticles();
    const view = await shown(a);
    const row = view.list()[0]!;
    await db.claims.put({
      ...row,
      verdict: 'true',
      notes: 'from a teammate',
      updatedAt: row.updatedAt - 60_000,
    });
    await expect.poll(() => view.list()[0]?.notes).toBe('from a teammate');
    await setClaimVerdict(row.id, 'misleading');
    await expect.poll(() => view.list()[0]?.verdict).toBe('misleading');
    await undo();
    await expect.poll(() => view.list()[0]?.verdict).toBe('true');
    expect(view.list()).toEqual(await stored(a));
    expect(view.reads()).toBe(1);
    view.unsubscribe();
  });

  for (const [what, write] of [
    ['a delete', (id: ClaimId) => softDeleteClaim(id)],
    ['a span edit', (id: ClaimId) => updateClaim(id, { start: 0, end: 12 })],
  ] as const) {
    test(`${what} reads the whole list again`, async () => {
      const { a } = await twoArticles();
      const view = await shown(a);
      const announced = nextMutation();
      await write(view.list()[2]!.id);
      await announced;
      await expect.poll(() => view.reads()).toBe(2);
      await expect.poll(async () => view.list()).toEqual(await stored(a));
      view.unsubscribe();
    });
  }

  test('a new claim in the article reads the whole list again', async () => {
    const { a } = await twoArticles();
    const view = await shown(a);
    const row = view.list()[0]!;
    await db.claims.add({ ...row, id: 'added-by-hand' as ClaimId, start: row.start + 1 });
    await expect.poll(() => view.reads()).toBe(2);
    await expect.poll(() => view.list().some((c) => c.id === 'added-by-hand')).toBe(true);
    view.unsubscribe();
  });

  test('a verdict shown before its own write is kept when another claim’s write is read in place', async () => {
    const { a } = await twoArticles();
    const view = await shown(a);
    const [first, second] = view.list();
    const announced = nextMutation();
    await setClaimVerdict(first!.id, 'false');
    await announced;
    // the screen shows a second verdict at once, before its write (showVerdict), while the first is read
    const key = claimQueries.byArticle(a).queryKey;
    client.setQueryData(
      key,
      view.list().map((c) => (c.id === second!.id ? { ...c, verdict: 'true' as const } : c)),
    );
    await expect.poll(() => view.list()[0]?.verdict).toBe('false');
    expect(view.list()[1]?.verdict).toBe('true');
    view.unsubscribe();
  });
});

describe('invalidateOnWrite: a shown article’s speakers', () => {
  test('a verdict (a change to the article’s counts) checks the summary’s speakers, not every speaker again; a rename reads them', async () => {
    const { a } = await twoArticles();
    const view = await shownQuery(client, speakerQueries.byArticle(a));
    expect(view.data()).toBeDefined();
    const claim = (await db.claims.where('articleId').equals(a).first())!;
    await setClaimVerdict(claim.id, 'false');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(view.reads()).toBe(1);
    const speaker = view.data()[0]!;
    await updateSpeaker(speaker.id, { name: 'Renamed Person' });
    await expect.poll(() => view.data().map((s) => s.name)).toContain('Renamed Person');
    expect(view.reads()).toBe(2);
    view.unsubscribe();
  });
});

describe('queriesToInvalidate', () => {
  test('an unbounded change (a bulk write, another tab’s clear) reaches every scoped query of the table', async () => {
    const { a, b } = await twoArticles();
    await prime(a, b);
    const full = new RangeSet(Dexie.minKey, Dexie.maxKey);
    const parts: ObservabilitySet = {
      'idb://claimdesk/claims/': full,
      'idb://claimdesk/claims/articleId': full,
    };
    const keys = queriesToInvalidate(client.getQueryCache().getAll(), parts).map((q) => q.queryKey);
    expect(keys).toContainEqual(claimQueries.byArticle(a).queryKey);
    expect(keys).toContainEqual(claimQueries.byArticle(b).queryKey);
    expect(keys).not.toContainEqual(articleQueries.detail(a).queryKey);
  });

  test('ignores other databases', async () => {
    const { a, b } = await twoArticles();
    await prime(a, b);
    const parts: ObservabilitySet = { 'idb://other/claims/': new RangeSet(Dexie.minKey, Dexie.maxKey) };
    expect(queriesToInvalidate(client.getQueryCache().getAll(), parts)).toEqual([]);
  });

  test('a known update to a row the query holds invalidates it even when the scope index did not change', async () => {
    const { a, b } = await twoArticles();
    await prime(a, b);
    const claim = (await db.claims.where('articleId').equals(a).first())!;
    // what Dexie reports when it knew the old row: the primary key, and only the indexes whose keys changed
    const parts: ObservabilitySet = {
      'idb://claimdesk/claims/': new RangeSet(claim.id),
      'idb://claimdesk/claims/verdict': new RangeSet('unchecked').addKey('true'),
    };
    const keys = queriesToInvalidate(client.getQueryCache().getAll(), parts).map((q) => q.queryKey);
    expect(keys).toContainEqual(claimQueries.byArticle(a).queryKey);
    expect(keys).not.toContainEqual(claimQueries.byArticle(b).queryKey);
  });

  test('a known restore of a claim the query does not hold yet invalidates it through [deletedAt+articleId]', async () => {
    const { a, b } = await twoArticles();
    await prime(a, b);
    // Dexie knew the old row: articleId did not change, but the compound index keys did (the
    // article is the second field: schema v12 has no index led by articleId that a restore moves)
    const parts: ObservabilitySet = {
      'idb://claimdesk/claims/': new RangeSet('some-tombstoned-claim'),
      'idb://claimdesk/claims/[deletedAt+articleId]': new RangeSet([123, a]),
    };
    const keys = queriesToInvalidate(client.getQueryCache().getAll(), parts).map((q) => q.queryKey);
    expect(keys).toContainEqual(claimQueries.byArticle(a).queryKey);
    expect(keys).not.toContainEqual(claimQueries.byArticle(b).queryKey);
  });
});
