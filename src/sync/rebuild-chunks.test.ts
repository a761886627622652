import Dexie from 'dexie';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Claim, Evidence, Question } from '@/core/model/types';
import { facetOf } from '@/db/derived/facets';
import { hotKeysOf } from '@/db/derived/hot-keys';
import { deferDerived } from '@/db/derived/middleware';
import { computeDerived, countBeforeFacetsIn, facetInputsOf } from '@/db/derived/rebuild';
import { openDeviceDatabase } from '@/db/sync-db';
import { storedClaims } from '@/db/testing/stored-claims';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB } from '@/test/db';
import { type Device, importOn } from '@/test/sync-devices';
import { CATCH_UP_KEY, type CatchUpMark, finishCatchUp } from './catch-up';

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

/**
 * A library whose derived rows the write middleware kept: two articles, a link to a source on
 * some claims (one of them removed again) and a question placing three claims.
 */
async function library() {
  const name = `rebuild-${names.length}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  const db = openDeviceDatabase(name);
  await db.open();
  const device = { db, clock: { now: 1_800_000_000_000 } } as unknown as Device;
  await importOn(device, ARTICLE_A, extractionA());
  await importOn(device, ARTICLE_B, extractionB());
  const imported = await db.claims.toArray();
  // more claims, under random ids (as older libraries have them), so that steps of 1–3 meet many boundaries
  await db.claims.bulkAdd(
    Array.from({ length: 10 }, (_, i) => {
      const from = imported[i % imported.length]!;
      return {
        ...from,
        id: crypto.randomUUID(),
        start: from.start + 1000 + i,
        end: from.end + 1000 + i,
      } as Claim;
    }),
  );
  const claims = await db.claims.toArray();
  expect(claims.length).toBe(imported.length + 10);
  const link = (i: number, deletedAt: number | null): Evidence =>
    ({
      id: `ev-${i}`,
      claimId: claims[i]!.id,
      sourceId: 'src-1',
      relation: 'supports',
      passage: '',
      note: '',
      updatedAt: 1,
      deletedAt,
    }) as unknown as Evidence;
  await db.evidence.bulkPut([link(0, null), link(3, null), link(4, 5), link(claims.length - 1, null)]);
  const placed = [claims[1]!, claims[3]!, claims.at(-2)!].map((c) => c.id);
  await db.questions.put({
    id: 'q-1',
    text: 'More police?',
    articleIds: [claims[0]!.articleId],
    stances: Object.fromEntries(placed.map((id) => [id, 'for'])),
    placedClaimIds: placed,
    updatedAt: 1,
    deletedAt: null,
  } as unknown as Question);
  // a verdict and a tag, so that the counts have more than one value
  await db.claims.put({ ...claims[2]!, verdict: 'false', tags: ['Crime', 'crime'] } as Claim);
  return db;
}

type Db = Awaited<ReturnType<typeof library>>;

/** Every derived row, in primary-key order. */
const derived = async (db: Db) => ({
  facets: await db.claimFacets.toArray(),
  summaries: await db.summaries.toArray(),
  heads: await db.articleHeads.toArray(),
  placements: await db.placedClaims.toArray(),
  packs: await db.questionPacks.toArray(),
});

/** A new live link of `claimId` to a source. */
const newLink = (claimId: string): Evidence =>
  ({
    id: 'ev-new',
    claimId,
    sourceId: 'src-1',
    relation: 'supports',
    passage: '',
    note: '',
    updatedAt: 2,
    deletedAt: null,
  }) as unknown as Evidence;

/** As a first sync in catch-up mode leaves a library: rows without their derived rows, and the flag. */
async function stale(db: Db) {
  await db.transaction('rw', [db.claimFacets, db.summaries, db.articleHeads, db.syncState], async () => {
    await Promise.all([db.claimFacets.clear(), db.summaries.clear(), db.articleHeads.clear()]);
    await db.syncState.put({ key: CATCH_UP_KEY, value: { since: 0 } satisfies CatchUpMark });
  });
}

/** A stop between two steps (as a closed tab: what committed stays). */
class Stopped extends Error {}

describe('the chunked rebuild after a catch-up', () => {
  test.each([1, 2, 3, 1_000])(
    'in steps of %i claims: the same rows as the middleware wrote',
    async (size) => {
      const db = await library();
      const kept = await derived(db);
      await stale(db);
      expect((await derived(db)).facets).toEqual([]);

      const seen: { done: number; total: number }[] = [];
      await finishCatchUp(db, { chunkSize: size, onProgress: (p) => seen.push(p) });
      expect(await derived(db)).toEqual(kept);
      expect(await db.syncState.get(CATCH_UP_KEY)).toBeUndefined();
      const total = await db.claims.count();
      expect(seen.at(-1)).toEqual({ done: total, total });
      expect(seen.length).toBe(Math.floor(total / size) + 1);
    },
  );

  test('stopped mid-rebuild: each step left counts that agree with its facets, and the next run resumes from the cursor', async () => {
    const db = await library();
    const kept = await derived(db);
    await stale(db);
    const total = await db.claims.count();

    let steps = 0;
    await expect(
      finishCatchUp(db, {
        chunkSize: 2,
        onProgress: () => {
          if (++steps === 2) throw new Stopped();
        },
      }),
    ).rejects.toBeInstanceOf(Stopped);
    const mark = (await db.syncState.get(CATCH_UP_KEY))?.value as CatchUpMark;
    expect(mark.rebuild?.stage).toBe('claims');
    const after = mark.rebuild!.after!;
    // readers see the claims up to the cursor, with counts of exactly those claims
    const partial = await derived(db);
    const done = await db.claims.where(':id').belowOrEqual(after).toArray();
    expect(done.length).toBe(4);
    expect(partial.facets.map((f) => f.id)).toEqual(done.map((c) => c.id));
    const expected = computeDerived(done, await db.evidence.toArray(), await db.speakers.toArray());
    expect(partial.summaries).toEqual([...expected.summaries].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(partial.heads).toEqual(kept.heads);

    // a person's edit of a claim the rebuild has not reached: the middleware keeps it meanwhile
    const later = (await db.claims.where(':id').above(after).first())!;
    await db.claims.put({ ...later, verdict: 'true' } as Claim);
    const edited = await derived(db);
    expect(edited.facets.length).toBe(5);

    const resumed: { done: number; total: number }[] = [];
    await finishCatchUp(db, { chunkSize: 2, onProgress: (p) => resumed.push(p) });
    // it went on from the cursor: the steps already made were not made again
    expect(resumed[0]).toEqual({ done: 6, total });
    expect(resumed.length).toBe(Math.floor(total / 2) + 1 - 2);
    expect(await db.syncState.get(CATCH_UP_KEY)).toBeUndefined();

    const whole = await derived(db);
    const truth = computeDerived(
      await db.claims.toArray(),
      await db.evidence.toArray(),
      await db.speakers.toArray(),
    );
    expect(whole.facets).toEqual(truth.facets);
    expect(whole.summaries).toEqual([...truth.summaries].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(whole.summaries).not.toEqual(kept.summaries); // the edit is counted …
    expect(whole.placements).toEqual(kept.placements);
  });

  test('a facet row found from before that counts in a scope its claim no longer names: that scope is read and counted down', async () => {
    const db = await library();
    await stale(db);
    // the rebuild under way (cursor at the claims' start) finds a facet row of another time: the claim
    // then had a tag it no longer has, and the summaries count that row (they agree with the facets)
    const claim = (await db.claims.orderBy(':id').first())!;
    const then = { ...claim, tags: ['Elsewhere'] } as Claim;
    const old = computeDerived([then], await db.evidence.toArray(), await db.speakers.toArray());
    await db.transaction('rw', [db.claimFacets, db.summaries, db.syncState], async () => {
      await db.claimFacets.bulkPut(old.facets as never);
      await db.summaries.bulkPut(old.summaries);
      await db.syncState.put({
        key: CATCH_UP_KEY,
        value: { since: 0, rebuild: { stage: 'claims', after: null } } satisfies CatchUpMark,
      });
    });
    expect(old.summaries.map((r) => r.id)).toContain('t:elsewhere');

    await finishCatchUp(db, { chunkSize: 3 });
    const truth = computeDerived(
      await db.claims.toArray(),
      await db.evidence.toArray(),
      await db.speakers.toArray(),
    );
    expect(await db.claimFacets.toArray()).toEqual(truth.facets);
    // the old tag's scope counted down to nothing (removed), not written as negative counts
    expect(await db.summaries.get('t:elsewhere')).toBeUndefined();
    expect(await db.summaries.toArray()).toEqual([...truth.summaries].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });

  test('a page deferred after the rebuild began (its flag without a cursor): the rebuild starts again', async () => {
    const db = await library();
    const kept = await derived(db);
    await stale(db);
    let steps = 0;
    await expect(
      finishCatchUp(db, {
        chunkSize: 2,
        onProgress: () => {
          if (++steps === 1) throw new Stopped();
        },
      }),
    ).rejects.toBeInstanceOf(Stopped);
    // a resumed sync wrote a page in catch-up mode: claims behind the cursor may have changed
    const first = (await db.claims.orderBy(':id').first())!;
    await db.transaction('rw', [db.claims, db.syncState], async () => {
      deferDerived();
      await db.claims.put({ ...first, verdict: 'misleading' } as Claim);
      await db.syncState.put({ key: CATCH_UP_KEY, value: { since: 1 } satisfies CatchUpMark });
    });
    const seen: number[] = [];
    await finishCatchUp(db, { chunkSize: 2, onProgress: (p) => seen.push(p.done) });
    expect(seen[0]).toBe(2);
    const truth = computeDerived(
      await db.claims.toArray(),
      await db.evidence.toArray(),
      await db.speakers.toArray(),
    );
    expect(await db.claimFacets.toArray()).toEqual(truth.facets);
    expect(await db.summaries.toArray()).toEqual([...truth.summaries].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect((await derived(db)).heads).toEqual(kept.heads);
  });

  test('claims the sync kept are read back whole and written with their hot keys: the rows as stored count, a later write included', async () => {
    const db = await library();
    await stale(db);
    const claims = await db.claims.orderBy(':id').toArray();
    const written = new Map(claims.map((c) => [c.id as string, facetInputsOf(c)]));
    const [edited, other] = [claims[1]!, claims[4]!];
    // a person's edit after the page was kept (the outbox holds it; this library is not connected,
    // so the entry is written here as the capture middleware would)
    await db.claims.put({ ...edited, verdict: 'true' } as Claim);
    await db.syncOutbox.add({ table: 'claims', rowId: edited.id, op: 'put', at: 1, batchId: 'b-1' });
    // what the sync kept of another claim differs from the store: the store's row is what is written back
    written.set(other.id, facetInputsOf({ ...other, verdict: 'misleading' } as Claim));
    await finishCatchUp(db, { chunkSize: 3, written });
    const facets = new Map((await db.claimFacets.toArray()).map((f) => [f.id, f]));
    expect(facets.size).toBe(claims.length);
    const stored = await storedClaims(db);
    expect(stored.map(({ hk: _, ...c }) => c)).toEqual(
      claims.map((c) => (c.id === edited.id ? { ...edited, verdict: 'true' } : c)),
    );
    for (const c of stored) expect(c.hk, c.id).toEqual(hotKeysOf(c));
    expect(stored.find((c) => c.id === edited.id)!.hk.some((k) => k.startsWith('v=true'))).toBe(true);
    const byScope = new Map((await db.summaries.toArray()).map((r) => [r.id, r.counts]));
    expect(byScope.get('lib')?.['v:misleading']).toBe(
      claims.filter((c) => c.deletedAt === null && c.verdict === 'misleading').length || undefined,
    );
    expect(byScope.get('lib')?.['v:true']).toBe(
      claims.filter((c) => c.deletedAt === null && (c.id === edited.id || c.verdict === 'true')).length,
    );
  });

  test.each([1, 2, 3, 1_000])(
    'writtenOnly, in steps of %i: the ids come from the kept claims and the outbox, no keys read (a claim in neither is not listed)',
    async (size) => {
      const db = await library();
      await stale(db);
      const claims = await db.claims.orderBy(':id').toArray();
      const [stray, made, gone] = [claims[2]!, claims[5]!, claims.at(-1)!];
      // kept: every claim but three; `made` stands for a person's new claim (an outbox entry only),
      // `gone` for a kept claim a person deleted since (its entry names a row that is no more)
      const written = new Map(
        claims.filter((c) => c !== stray && c !== made).map((c) => [c.id as string, facetInputsOf(c)]),
      );
      await db.claims.delete(gone.id);
      await db.syncOutbox.bulkAdd(
        [made, gone].map((c, i) => ({
          table: 'claims',
          rowId: c.id,
          op: 'put' as const,
          at: 1,
          batchId: `b-${i}`,
        })),
      );
      await finishCatchUp(db, { chunkSize: size, written, writtenOnly: true });
      const listed = claims.filter((c) => c !== stray && c !== gone);
      const truth = computeDerived(listed, await db.evidence.toArray(), await db.speakers.toArray());
      // `stray` is in the table but in neither: the step never saw it (what the caller's invariant excludes)
      expect((await db.claimFacets.toArray()).map((f) => f.id)).toEqual(listed.map((c) => c.id));
      expect(await db.claimFacets.toArray()).toEqual(truth.facets);
      expect(await db.summaries.toArray()).toEqual(
        [...truth.summaries].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      expect(await db.syncState.get(CATCH_UP_KEY)).toBeUndefined();
    },
  );

  test('facetInputsOf keeps every field facetOf reads', async () => {
    const db = await library();
    for (const c of await db.claims.toArray())
      for (const name of [null, 'Ada Lind'])
        expect(facetOf(facetInputsOf(c), true, name)).toEqual(facetOf(c, true, name));
  });
});

/** The truth: every derived row worked out from the tables as they are now. */
async function truthOf(db: Db) {
  const truth = computeDerived(
    await db.claims.toArray(),
    await db.evidence.toArray(),
    await db.speakers.toArray(),
  );
  return { facets: truth.facets, summaries: [...truth.summaries].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

describe('countBeforeFacetsIn: the counts from facets without keys', () => {
  test('the summaries are the truth, and the facets it counted carry no sort or index key', async () => {
    const db = await library();
    await stale(db);
    const claims = await db.claims.toArray();
    const counted = await db.transaction('rw', db.tables, (tx) =>
      countBeforeFacetsIn((n) => tx.table(n), claims.map(facetInputsOf)),
    );
    expect(await db.summaries.toArray()).toEqual((await truthOf(db)).summaries);
    expect(counted.size).toBe(claims.length);
    for (const row of counted.values()) {
      expect(row).not.toHaveProperty('f');
      expect(row).not.toHaveProperty('o');
    }
  });
});

/** A first sync's rebuild counting first, in steps of 2, stopped (a reload) after its second step of facet rows. */
async function stoppedAfterTwoSteps() {
  const db = await library();
  await stale(db);
  const claims = await db.claims.orderBy(':id').toArray();
  const written = new Map(claims.map((c) => [c.id as string, facetInputsOf(c)]));
  let steps = 0;
  await expect(
    finishCatchUp(db, {
      chunkSize: 2,
      countFirst: true,
      written,
      writtenOnly: true,
      onProgress: () => {
        if (++steps === 2) throw new Stopped();
      },
    }),
  ).rejects.toBeInstanceOf(Stopped);
  const mark = (await db.syncState.get(CATCH_UP_KEY))?.value as CatchUpMark;
  expect(mark.rebuild).toEqual({ stage: 'claims', after: claims[3]!.id });
  return { db, claims, mark };
}

describe('loading before indexing (countFirst): counts, heads and placements first, facet rows after', () => {
  test.each([
    [1, false],
    [3, false],
    [1_000, false],
    [2, true],
    [1_000, true],
  ])(
    'in steps of %i (kept claims: %s): at onCounted every row but the facets is final; at the end all are',
    async (size, kept) => {
      const db = await library();
      const final = await derived(db);
      await stale(db);
      const claims = await db.claims.orderBy(':id').toArray();
      const written = kept ? new Map(claims.map((c) => [c.id as string, facetInputsOf(c)])) : undefined;
      let atCounted: Awaited<ReturnType<typeof derived>> | null = null;
      const seen: number[] = [];
      await finishCatchUp(db, {
        chunkSize: size,
        countFirst: true,
        ...(written ? { written, writtenOnly: true } : {}),
        onCounted: async (total) => {
          expect(total).toBe(claims.length);
          atCounted = await derived(db);
        },
        onProgress: (p) => seen.push(p.done),
      });
      expect(atCounted).toEqual({ ...final, facets: [] });
      expect(await derived(db)).toEqual(final);
      expect(seen.at(-1)).toBe(claims.length);
      expect(await db.syncState.get(CATCH_UP_KEY)).toBeUndefined();
    },
  );

  test('a person writes between the counts and the facet rows: each claim is counted once, as it is', async () => {
    const db = await library();
    await stale(db);
    const claims = await db.claims.orderBy(':id').toArray();
    const written = new Map(claims.map((c) => [c.id as string, facetInputsOf(c)]));
    const entry = async (rowId: string) =>
      db.syncOutbox.add({ table: 'claims', rowId, op: 'put', at: 1, batchId: `b-${rowId}` });
    const [early, late, removed, linked, twice] = [
      claims[0]!,
      claims.at(-2)!,
      claims.at(-3)!,
      claims.at(-4)!,
      claims[5]!,
    ];
    let steps = 0;
    await finishCatchUp(db, {
      chunkSize: 2,
      countFirst: true,
      written,
      writtenOnly: true,
      onCounted: async () => {
        // before any facet row: an edit (a verdict and a tag), a deletion, a new claim, a link to a
        // source, and a claim edited twice (as the capture middleware would, each with its outbox entry)
        await db.claims.put({ ...late, verdict: 'false', tags: ['Crime'] } as Claim);
        await entry(late.id);
        await db.claims.delete(removed.id);
        await entry(removed.id);
        const made = { ...claims[1]!, id: 'zz-new-claim', start: 9_000, end: 9_010 } as Claim;
        await db.claims.add(made);
        await entry(made.id);
        await db.evidence.put(newLink(linked.id));
        await db.claims.put({ ...twice, verdict: 'true' } as Claim);
        await db.claims.put({ ...twice, verdict: 'misleading' } as Claim);
        await entry(twice.id);
      },
      onProgress: async () => {
        // after the first step: an edit of a claim whose row is written
        if (++steps === 1) {
          await db.claims.put({ ...early, verdict: 'true' } as Claim);
          await entry(early.id);
        }
      },
    });
    const truth = await truthOf(db);
    expect(await db.claimFacets.toArray()).toEqual(truth.facets);
    expect(await db.summaries.toArray()).toEqual(truth.summaries);
  });

  test('stopped while the facet rows are written (a reload): the counts stay right, and the next run counts again and goes on from the cursor', async () => {
    const { db, claims } = await stoppedAfterTwoSteps();
    expect((await db.claimFacets.toArray()).length).toBe(4);
    expect(await db.summaries.toArray()).toEqual((await truthOf(db)).summaries);

    // a person's edit of a claim not reached yet, before the reload's engine runs
    const later = claims.at(-1)!;
    await db.claims.put({ ...later, verdict: 'true' } as Claim);

    const resumed: number[] = [];
    let countedWith: number | null = null;
    // a new engine holds nothing of the pull: no kept claims
    await finishCatchUp(db, {
      chunkSize: 2,
      countFirst: true,
      onCounted: async () => {
        countedWith = (await db.claimFacets.toArray()).length;
        expect(await db.summaries.toArray()).toEqual((await truthOf(db)).summaries);
      },
      onProgress: (p) => resumed.push(p.done),
    });
    expect(countedWith).toBe(5); // the four written and the edited one's: kept, not cleared
    expect(resumed[0]).toBe(6);
    const truth = await truthOf(db);
    expect(await db.claimFacets.toArray()).toEqual(truth.facets);
    expect(await db.summaries.toArray()).toEqual(truth.summaries);
    expect(await db.syncState.get(CATCH_UP_KEY)).toBeUndefined();
  });

  test('a reload resumes from what was still counted: no facet row read, counts right at once after an edit, a deletion and a new link', async () => {
    const { db, claims, mark } = await stoppedAfterTwoSteps();
    expect(mark.stillCounted?.lib).toBeDefined();

    // after the cursor, before the reload: an edit, a claim deleted outright, a link to a source
    await db.claims.put({ ...claims.at(-1)!, verdict: 'true', tags: ['Budget'] } as Claim);
    await db.claims.delete(claims.at(-2)!.id);
    await db.evidence.put(newLink(claims[5]!.id));

    const facetReads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    let readBeforeCounted = -1;
    try {
      await finishCatchUp(db, {
        chunkSize: 2,
        countFirst: true,
        onCounted: async () => {
          readBeforeCounted = facetReads.mock.contexts.filter(
            (store) => (store as IDBObjectStore).name === 'claimFacets',
          ).length;
          expect(await db.summaries.toArray()).toEqual((await truthOf(db)).summaries);
        },
      });
    } finally {
      facetReads.mockRestore();
    }
    expect(readBeforeCounted).toBe(0);
    const truth = await truthOf(db);
    expect(await db.claimFacets.toArray()).toEqual(truth.facets);
    expect(await db.summaries.toArray()).toEqual(truth.summaries);
    expect(await db.syncState.get(CATCH_UP_KEY)).toBeUndefined();
  });
});
