import { describe, expect, test } from 'vitest';
import type { Claim } from '@/core/model/types';
import { computeDerived } from '@/db/derived/rebuild';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB } from '@/test/db';
import {
  type Device,
  devicesOfEachTest,
  editRow,
  engineOn,
  importOn,
  newTeam,
  through,
} from '@/test/sync-devices';
import { CATCH_UP_KEY } from './catch-up';
import { sliceSelector } from './docs';

/** A device of this test, stopped, closed and deleted after it. */
const device = devicesOfEachTest();

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The derived rows a device holds, beside what its claims, links and speakers say they must be. */
async function derivedOf(d: Device) {
  const [claims, evidence, speakers] = await Promise.all([
    d.db.claims.toArray(),
    d.db.evidence.toArray(),
    d.db.speakers.toArray(),
  ]);
  const expected = computeDerived(claims, evidence, speakers);
  return {
    facets: byId(await d.db.claimFacets.toArray()),
    summaries: byId(await d.db.summaries.toArray()),
    heads: (await d.db.articleHeads.toArray()).map((h) => h.id).sort(),
    expected: { facets: byId(expected.facets), summaries: byId(expected.summaries) },
    articles: (await d.db.articles.toArray()).map((a) => a.id).sort(),
  };
}

/** The device's derived rows after a sync: `claims` facet rows, and every row as computed from scratch. */
async function listedEvery(d: Device, claims: number) {
  const got = await derivedOf(d);
  expect(got.facets.length).toBe(claims);
  expect(got.facets).toEqual(got.expected.facets);
  expect(got.summaries).toEqual(got.expected.summaries);
  return got;
}

/** A team whose database holds both test articles, pushed by ana. */
async function teamOfTwoArticles() {
  const team = await newTeam();
  const a = await device(team, 'ana');
  await importOn(a, ARTICLE_A, extractionA());
  await importOn(a, ARTICLE_B, extractionB());
  expect(await a.engine.syncOnce()).toMatchObject({ complete: true });
  return { team, a };
}

/**
 * A fetch that, when a catch-up page is asked for and the device (once made) holds a claim, runs
 * `act` once on its first claim in id order (`act` returns the id it wrote); `seen` has that id and
 * how many pages were asked for after it.
 */
function beforeALaterPage(device: () => Device | null, act: (d: Device, first: Claim) => Promise<string>) {
  const seen = { id: null as string | null, pagesAfter: 0 };
  const fetch = through(async (input, init, next) => {
    const d = device();
    if (input.includes('/_changes') && input.includes('include_docs=true') && d) {
      if (seen.id !== null) seen.pagesAfter++;
      const first = seen.id === null ? await d.db.claims.orderBy(':id').first() : undefined;
      if (first) seen.id = await act(d, first);
    }
    return next(input, init);
  });
  return { fetch, seen };
}

/** A first sync stopped while its facet rows were written: the cursor in the claims, `facets` rows written, counts right. */
async function expectStoppedInFacets(b: Device, facets: number) {
  const mark = (await b.db.syncState.get(CATCH_UP_KEY))?.value as { rebuild?: { stage: string } };
  expect(mark.rebuild?.stage).toBe('claims');
  const stopped = await derivedOf(b);
  expect(stopped.facets.length).toBe(facets);
  expect(stopped.summaries).toEqual(stopped.expected.summaries);
}

describe('catch-up mode (a first sync of a large library)', () => {
  test('pages written without derived rows, rebuilt once at the end: the same rows as a sync that kept them', async () => {
    const { team } = await teamOfTwoArticles();

    const phases: string[] = [];
    const fast = await device(team, 'ben', { batchSize: 4 });
    fast.engine.subscribe((s) => {
      if (s.progress?.phase && phases.at(-1) !== s.progress.phase) phases.push(s.progress.phase);
    });
    const slow = await device(team, 'cy', { batchSize: 4, catchUp: false });
    expect(await fast.engine.syncOnce()).toMatchObject({ complete: true, state: 'idle' });
    expect(await slow.engine.syncOnce()).toMatchObject({ complete: true, state: 'idle' });

    expect(phases).toEqual(['receiving', 'indexing']);
    expect(await fast.db.syncState.get(CATCH_UP_KEY)).toBeUndefined();
    const got = await derivedOf(fast);
    expect(got.facets.length).toBeGreaterThan(0);
    expect(got.facets).toEqual(got.expected.facets);
    expect(got.summaries).toEqual(got.expected.summaries);
    expect(got.heads).toEqual(got.articles);
    // the same as the device that kept them page by page
    const kept = await derivedOf(slow);
    expect(got.facets).toEqual(kept.facets);
    expect(got.summaries).toEqual(kept.summaries);
  });

  test('a feed that replays a page in the middle of a first sync (a cluster after a restart): skipped, nothing doubled', async () => {
    const { team, a } = await teamOfTwoArticles();
    const total = (await a.db.syncRevisions.count()) + 1; // and the design document

    const sinces: (string | null)[] = [];
    let replayed = false;
    const replaying = through(async (input, init, next) => {
      const url = new URL(input);
      if (url.pathname.endsWith('/_changes')) {
        sinces.push(url.searchParams.get('since'));
        // the third page is asked from where the second began: the second page comes again
        if (sinces.length === 3 && sinces[1] !== null) {
          url.searchParams.set('since', sinces[1]!);
          replayed = true;
          return next(url.toString(), init);
        }
      }
      return next(input, init);
    });
    const b = await device(team, 'ben', { batchSize: 4, fetch: replaying });
    const report = await b.engine.syncOnce();
    expect(report).toMatchObject({ complete: true, state: 'idle' });
    expect(replayed).toBe(true);
    // every document applied once: the replayed ones were recognised by their stored revision
    expect(report.pulled).toBe(total - 1);
    expect((await b.db.claims.toArray()).map((c) => c.id).sort()).toEqual(
      (await a.db.claims.toArray()).map((c) => c.id).sort(),
    );
    const got = await derivedOf(b);
    expect(got.facets).toEqual(got.expected.facets);
    expect(got.summaries).toEqual(got.expected.summaries);
  });

  test('a catch-up stopped half way leaves its flag, and the resumed sync rebuilds the derived rows', async () => {
    const { team, a } = await teamOfTwoArticles();

    let down = false;
    let stopAfterClaims = true;
    const failing = through(async (input, init, next) => {
      if (down) throw new TypeError('fetch failed');
      const res = await next(input, init);
      // the server goes away right after the first page that held claims
      if (stopAfterClaims && input.includes('/_changes') && (await res.clone().text()).includes('"claims:'))
        down = true;
      return res;
    });
    const b = await device(team, 'ben', { batchSize: 2, fetch: failing });
    // stopped mid-way: what arrived is made usable (rebuilt), the flag cleared
    expect(await b.engine.syncOnce()).toMatchObject({ complete: false, state: 'offline' });
    expect(await b.db.syncState.get(CATCH_UP_KEY)).toBeUndefined();
    const partial = await derivedOf(b);
    const arrived = await b.db.claims.count();
    expect(arrived).toBeGreaterThan(0);
    expect(arrived).toBeLessThan(await a.db.claims.count());
    expect(partial.facets.length).toBe(arrived);
    expect(partial.facets).toEqual(partial.expected.facets);

    down = false;
    stopAfterClaims = false;
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true, state: 'idle' });
    await listedEvery(b, await b.db.claims.count());
  });

  test('a flag left by a page that committed before the tab closed makes the next run rebuild', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    await importOn(a, ARTICLE_A, extractionA());
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true });
    const b = await device(team, 'ben', { batchSize: 3 });
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true });
    // as if a tab had closed after a deferred page: derived rows wiped, the flag left
    await b.db.transaction('rw', [b.db.claimFacets, b.db.summaries, b.db.syncState], async () => {
      await b.db.claimFacets.clear();
      await b.db.summaries.clear();
      await b.db.syncState.put({ key: CATCH_UP_KEY, value: { since: 0 } });
    });
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true });
    const got = await derivedOf(b);
    expect(got.facets.length).toBe(await b.db.claims.count());
    expect(got.facets).toEqual(got.expected.facets);
    expect(await b.db.syncState.get(CATCH_UP_KEY)).toBeUndefined();
  });

  test("a person's edit of a claim received earlier in the catch-up: the rebuild counts the edit, not the page's copy", async () => {
    const { team } = await teamOfTwoArticles();

    let b: Device | null = null;
    // the catch-up's pages (with documents): before one is asked for, a claim already stored is edited
    const later = beforeALaterPage(
      () => b,
      async (d, first) => {
        await editRow(d, 'claims', first.id, { verdict: 'misleading' });
        return first.id;
      },
    );
    b = await device(team, 'ben', { batchSize: 2, fetch: later.fetch });
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true, state: 'idle' });
    const edited = later.seen.id;
    // edited while pages were still on their way (the rebuild comes after the last)
    expect(edited).not.toBeNull();
    expect(later.seen.pagesAfter).toBeGreaterThan(0);
    expect((await b.db.claims.toArray()).find((c) => c.id === edited)?.verdict).toBe('misleading');
    const got = await derivedOf(b);
    // the verdict's keys are on the claim row (schema v14): found through its hot-keys index
    expect(await b.db.claims.where('hk').startsWith('v=misleading').primaryKeys()).toContain(edited);
    expect(got.facets).toEqual(got.expected.facets);
    expect(got.summaries).toEqual(got.expected.summaries);
  });

  test('a first sync into an empty library: a claim a person adds while pages arrive is listed with every claim received', async () => {
    const { team, a } = await teamOfTwoArticles();

    let b: Device | null = null;
    // before a later page of the catch-up: a new claim whose id falls among the received ones
    const later = beforeALaterPage(
      () => b,
      async (d, first) => {
        await d.db.claims.add({ ...first, id: `${first.id}-mine`, verdict: 'false' } as Claim);
        return `${first.id}-mine`;
      },
    );
    b = await device(team, 'ben', { batchSize: 2, fetch: later.fetch });
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true, state: 'idle' });
    const made = later.seen.id;
    expect(made).not.toBeNull();
    expect(later.seen.pagesAfter).toBeGreaterThan(0);
    const got = await listedEvery(b, (await a.db.claims.count()) + 1);
    expect(got.facets.map((f) => f.id)).toContain(made);
  });

  test('a reload mid-receiving (a new engine on the same library): the resumed first sync lists every claim', async () => {
    const { team, a } = await teamOfTwoArticles();

    let b: Device | null = null;
    let claimPages = 0;
    const reloading = through(async (input, init, next) => {
      // the tab closes when the page after the second page of claims is asked for (the next page is
      // asked for before one is written: the first page of claims has committed), before any rebuild
      if (input.includes('/_changes') && claimPages >= 2) void b?.engine.stop();
      const res = await next(input, init);
      if (input.includes('/_changes') && (await res.clone().text()).includes('"claims:')) claimPages++;
      return res;
    });
    b = await device(team, 'ben', { batchSize: 2, fetch: reloading });
    await b.engine.syncOnce().catch(() => undefined);
    expect(await b.db.syncState.get(CATCH_UP_KEY)).toBeDefined();
    const arrived = await b.db.claims.count();
    expect(arrived).toBeGreaterThan(0);
    expect(arrived).toBeLessThan(await a.db.claims.count());

    const reloaded = engineOn(b, team, 'ben', 'device-ben-reloaded', { batchSize: 2 });
    try {
      expect(await reloaded.syncOnce()).toMatchObject({ complete: true, state: 'idle' });
    } finally {
      await reloaded.stop();
    }
    expect(await b.db.syncState.get(CATCH_UP_KEY)).toBeUndefined();
    await listedEvery(b, await a.db.claims.count());
  });

  test('a first sync into a library that holds pulled claims (a wider slice reads the feed again): those are listed too', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const one = await importOn(a, ARTICLE_A, extractionA());
    const two = await importOn(a, ARTICLE_B, extractionB());
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true });

    const b = await device(team, 'ben', { batchSize: 2, selector: sliceSelector([one.articleId]) });
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true });
    expect(await b.db.claims.count()).toBe(one.claimIds.length);
    expect(await b.db.syncOutbox.count()).toBe(0);

    // the checkpoint belonged to the narrower slice: a first sync again, over claims it already has
    // (skipped by their stored revisions, so not among what its pages write) and no outbox entries
    const wider = engineOn(b, team, 'ben', 'device-ben-wider', {
      batchSize: 2,
      selector: sliceSelector([one.articleId, two.articleId]),
    });
    const phases: string[] = [];
    wider.subscribe((s) => {
      if (s.progress?.phase && phases.at(-1) !== s.progress.phase) phases.push(s.progress.phase);
    });
    try {
      expect(await wider.syncOnce()).toMatchObject({ complete: true, state: 'idle' });
    } finally {
      await wider.stop();
    }
    expect(phases).toContain('indexing');
    await listedEvery(b, one.claimIds.length + two.claimIds.length);
  });

  test('a first sync is in when its rows are: synced (last sync time, counts) while its filter rows are built, and an edit made meanwhile is indexed, then pushed', async () => {
    const { team, a } = await teamOfTwoArticles();
    const b = await device(team, 'ben', { batchSize: 2, catchUp: { batchSize: 2, rebuildChunk: 2 } });
    const indexing: { done: number; lastSyncAt?: number; state: string; pending: number }[] = [];
    let edit: Promise<string> | null = null;
    let last: Claim | undefined;
    b.engine.subscribe((s) => {
      if (!s.indexing) return;
      indexing.push({
        done: s.indexing.done,
        state: s.state,
        pending: s.pending,
        ...(s.lastSyncAt ? { lastSyncAt: s.lastSyncAt } : {}),
      });
      // a person edits the last claim before its filter row is written
      edit ??= b.db.claims
        .orderBy(':id')
        .last()
        .then((c) => {
          last = c;
          return editRow(b, 'claims', c!.id, { verdict: 'false', tags: ['Crime'] });
        });
    });
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true, state: 'idle' });
    const claims = await a.db.claims.count();
    expect(indexing[0]).toMatchObject({ done: 0, state: 'idle', pending: 0 });
    expect(indexing[0]!.lastSyncAt).toBeDefined();
    expect(indexing.at(-1)!.done).toBe(claims);
    expect(indexing.length).toBeGreaterThan(2);
    expect(b.engine.getStatus().indexing).toBeUndefined();
    await edit;
    await listedEvery(b, claims);
    expect(await b.db.claims.where('hk').startsWith('v=false').primaryKeys()).toContain(last!.id);
    // pushed after the filter rows were built (the outbox kept it until then)
    expect(await b.db.syncOutbox.count()).toBe(0);
    await a.engine.syncOnce();
    expect((await a.db.claims.get(last!.id))?.verdict).toBe('false');
  });

  test('a reload while the filter rows are built: the next engine goes on from the cursor, counts right throughout', async () => {
    const { team, a } = await teamOfTwoArticles();
    const b = await device(team, 'ben', { batchSize: 2, catchUp: { batchSize: 2, rebuildChunk: 2 } });
    const closing = b.engine.subscribe((s) => {
      // the tab closes after the second step of filter rows
      if (s.indexing && s.indexing.done >= 4) throw new Error('the tab closed');
    });
    expect(await b.engine.syncOnce()).toMatchObject({ complete: false });
    closing();
    await expectStoppedInFacets(b, 4);
    const claims = await a.db.claims.count();

    const reloaded = engineOn(b, team, 'ben', 'device-ben-reloaded', {
      batchSize: 2,
      catchUp: { batchSize: 2, rebuildChunk: 2 },
    });
    const seen: number[] = [];
    reloaded.subscribe((s) => {
      if (s.indexing) seen.push(s.indexing.done);
    });
    try {
      expect(await reloaded.syncOnce()).toMatchObject({ complete: true, state: 'idle' });
    } finally {
      await reloaded.stop();
    }
    // one step left of the claims (not from the first again), its last report the whole
    expect(claims).toBe(5);
    expect(seen).toEqual([0, claims]);
    expect(await b.db.syncState.get(CATCH_UP_KEY)).toBeUndefined();
    await listedEvery(b, claims);
  });

  test('a stop while the filter rows are built ends after the step under way; the next sync goes on from the cursor', async () => {
    const { team, a } = await teamOfTwoArticles();
    const b = await device(team, 'ben', { batchSize: 2, catchUp: { batchSize: 2, rebuildChunk: 2 } });
    let stopping: Promise<void> | null = null;
    const stopper = b.engine.subscribe((s) => {
      if (s.indexing && s.indexing.done >= 2) stopping ??= b.engine.stop();
    });
    expect(await b.engine.syncOnce()).toMatchObject({ complete: false, state: 'stopped' });
    await stopping;
    stopper();
    expect(b.engine.getStatus()).toMatchObject({ state: 'stopped', indexing: undefined });
    await expectStoppedInFacets(b, 2);
    const claims = await a.db.claims.count();

    const again = engineOn(b, team, 'ben', 'device-ben-again', {
      batchSize: 2,
      catchUp: { batchSize: 2, rebuildChunk: 2 },
    });
    try {
      expect(await again.syncOnce()).toMatchObject({ complete: true, state: 'idle' });
    } finally {
      await again.stop();
    }
    expect(await b.db.syncState.get(CATCH_UP_KEY)).toBeUndefined();
    await listedEvery(b, claims);
  });
});
