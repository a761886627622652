import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { ClaimId, Verdict } from '@/core/model/types';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { matchingClaimIds } from './claim-list';
import {
  addTagToClaims,
  removeTagFromClaims,
  restoreClaim,
  restoreClaims,
  setClaimsVerdict,
  setClaimVerdict,
  softDeleteClaim,
  softDeleteClaims,
  updateClaim,
} from './claims';
import { db } from './db';
import { describeDbError } from './errors';
import { historyOfBatch, historyOfRow } from './history';
import { undo } from './undo';

beforeEach(resetDb);

async function firstClaim() {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claims = await db.claims.where('articleId').equals(articleId).sortBy('start');
  return { articleId, claims, claim: claims[0]! };
}

describe('setClaimVerdict', () => {
  test('saves the verdict and records the change before and after', async () => {
    const { claim } = await firstClaim();
    const saved = await setClaimVerdict(claim.id, 'mostly true');
    expect(saved.verdict).toBe('mostly true');
    expect(saved.updatedAt).toBeGreaterThanOrEqual(claim.updatedAt);
    expect((await db.claims.get(claim.id))?.verdict).toBe('mostly true');

    await setClaimVerdict(claim.id, 'false');
    const history = await historyOfRow('claims', claim.id);
    expect(history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['update', { verdict: 'unchecked' }, { verdict: 'mostly true' }],
      ['update', { verdict: 'mostly true' }, { verdict: 'false' }],
    ]);
    expect(history[0]).toMatchObject({ table: 'claims', rowId: claim.id, undoneAt: null });
    expect(history[0]!.batchId).not.toBe(history[1]!.batchId);
  });

  test('setting the same verdict writes nothing', async () => {
    const { claim } = await firstClaim();
    await setClaimVerdict(claim.id, 'unchecked');
    expect(await historyOfRow('claims', claim.id)).toEqual([]);
    expect((await db.claims.get(claim.id))?.updatedAt).toBe(claim.updatedAt);
  });

  test('rejects an unknown verdict and an unknown claim', async () => {
    const { claim } = await firstClaim();
    await expect(setClaimVerdict(claim.id, 'pants on fire' as Verdict)).rejects.toThrow(/Unknown verdict/);
    const e = await setClaimVerdict('gone' as ClaimId, 'true').catch((x: unknown) => x);
    expect(describeDbError(e)).toBe('That claim no longer exists; it may have been deleted in another tab.');
  });

  test('a bulk verdict is one batch', async () => {
    const { claims } = await firstClaim();
    const batchId = await setClaimsVerdict(
      claims.map((c) => c.id),
      'unverifiable',
    );
    const entries = await historyOfBatch(batchId);
    expect(entries).toHaveLength(claims.length);
    expect(new Set(entries.map((e) => e.rowId))).toEqual(new Set(claims.map((c) => c.id)));
  });
});

describe('updateClaim', () => {
  test('changes several fields, normalises tags, records only what changed', async () => {
    const { claim } = await firstClaim();
    await updateClaim(claim.id, {
      notes: 'Check the 2014 figure',
      tags: [' police ', 'numbers', 'police'],
      verdict: 'unchecked',
    });
    const saved = (await db.claims.get(claim.id))!;
    expect(saved.tags).toEqual(['police', 'numbers']);
    const [entry] = await historyOfRow('claims', claim.id);
    expect(entry?.from).toEqual({ notes: '', tags: [] });
    expect(entry?.to).toEqual({ notes: 'Check the 2014 figure', tags: ['police', 'numbers'] });
    expect(await matchingClaimIds({ tags: ['numbers'] })).toEqual([claim.id]);
  });

  test('a span edit refreshes the text and its text-quote selector', async () => {
    const { claim } = await firstClaim();
    const saved = await updateClaim(claim.id, { start: claim.start + 8 });
    expect(saved.text).toBe('200 more officers than in 2014.');
    expect(saved.text).toBe(ARTICLE_A.slice(saved.start, saved.end));
    expect(saved.quote.exact).toBe(saved.text);
    expect(saved.quote.prefix).toBe(ARTICLE_A.slice(saved.start - 32, saved.start));
    await expect(updateClaim(claim.id, { end: ARTICLE_A.length + 1 })).rejects.toThrow(/cover some/);
  });
});

describe('softDeleteClaim / restoreClaim', () => {
  test('tombstone and restore, with history', async () => {
    const { claim } = await firstClaim();
    await softDeleteClaim(claim.id as ClaimId);
    expect((await db.claims.get(claim.id))?.deletedAt).toEqual(expect.any(Number));
    await restoreClaim(claim.id);
    expect((await db.claims.get(claim.id))?.deletedAt).toBeNull();
    expect((await historyOfRow('claims', claim.id)).map((h) => h.action)).toEqual(['delete', 'restore']);
  });
});

describe('bulk tag, delete and restore', () => {
  test('read their claims once, and write what they read', async () => {
    const { claims } = await firstClaim();
    const ids = claims.map((c) => c.id);
    const reads = vi.spyOn(db.claims, 'bulkGet');
    try {
      await addTagToClaims(ids, 'police');
      await removeTagFromClaims(ids.slice(1), 'police');
      await softDeleteClaims(ids.slice(0, 2));
      await restoreClaims(ids);
      expect(reads).toHaveBeenCalledTimes(4);
    } finally {
      reads.mockRestore();
    }
    const now = await db.claims.bulkGet(ids);
    expect(now.map((c) => [c!.tags, c!.deletedAt])).toEqual(
      ids.map((_, i) => [i === 0 ? ['police'] : [], null]),
    );
    expect((await historyOfRow('claims', ids[0]!)).map((h) => [h.action, h.from, h.to])).toEqual([
      ['update', { tags: [] }, { tags: ['police'] }],
      ['delete', { deletedAt: null }, { deletedAt: expect.any(Number) }],
      ['restore', { deletedAt: expect.any(Number) }, { deletedAt: null }],
    ]);
  });
});

describe('a bulk verdict and its undo: the derived rows read before the claims are written', () => {
  /**
   * The stores read (`get`, or an index's keys) before the first `put` of a claim while `write`
   * runs: everything the facet and count rows need is asked before the claims' write, so they are
   * worked out and written while IndexedDB stores the claims, not a round trip or three after.
   */
  async function readBeforeClaims(write: () => Promise<unknown>): Promise<Set<string>> {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    const keys = vi.spyOn(IDBIndex.prototype, 'getAllKeys');
    try {
      await write();
      const puts = (put.mock.contexts as IDBObjectStore[]).flatMap((store, i) =>
        store.name === 'claims' ? [put.mock.invocationCallOrder[i]!] : [],
      );
      const first = Math.min(...puts);
      expect(puts.length).toBeGreaterThan(0);
      const askedFirst = (spy: typeof get | typeof keys, name: (c: unknown) => string) =>
        (spy.mock.contexts as unknown[]).flatMap((c, i) =>
          spy.mock.invocationCallOrder[i]! < first ? [name(c)] : [],
        );
      return new Set([
        ...askedFirst(get, (s) => (s as IDBObjectStore).name),
        ...askedFirst(keys, (x) => `${(x as IDBIndex).objectStore.name}.${(x as IDBIndex).name}`),
      ]);
    } finally {
      put.mockRestore();
      get.mockRestore();
      keys.mockRestore();
    }
  }

  test('a bulk verdict asks for the facet rows, the summary rows and the placements first, and counts as before', async () => {
    const { claims } = await firstClaim();
    const ids = claims.map((c) => c.id);
    const read = await readBeforeClaims(() => setClaimsVerdict(ids, 'false'));
    expect(read).toEqual(new Set(['claims', 'claimFacets', 'summaries', 'syncState', 'placedClaims.c']));
    const library = await db.summaries.get('lib');
    expect(library?.counts['v:false']).toBe(ids.length);
    expect(library?.counts['v:unchecked']).toBeUndefined();
    const facets = await db.claimFacets.bulkGet(ids);
    expect(facets.every((f) => f?.v === 'false' && f.f.some((k) => k.startsWith('v=false')))).toBe(true);
  });

  test('so does its undo', async () => {
    const { claims } = await firstClaim();
    const ids = claims.map((c) => c.id);
    await setClaimsVerdict(ids, 'false');
    const read = await readBeforeClaims(() => undo());
    expect([...read]).toEqual(expect.arrayContaining(['claimFacets', 'summaries', 'placedClaims.c']));
    expect((await db.summaries.get('lib'))?.counts['v:unchecked']).toBe(ids.length);
  });
});

describe('a bulk edit reads its claims and their facet rows together', () => {
  test('the facet rows are asked for before any of the claims is answered, and read once', async () => {
    const { claims } = await firstClaim();
    const ids = claims.map((c) => c.id);
    const original = IDBObjectStore.prototype.get;
    const claimReads: IDBRequest[] = [];
    let answeredWhenFacetsAsked: number | null = null;
    let facetReads = 0;
    const get = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (
      this: IDBObjectStore,
      key: IDBValidKey | IDBKeyRange,
    ) {
      const req = original.call(this, key);
      if (this.name === 'claims') claimReads.push(req);
      if (this.name === 'claimFacets') {
        facetReads++;
        answeredWhenFacetsAsked ??= claimReads.filter((r) => r.readyState === 'done').length;
      }
      return req;
    });
    try {
      await addTagToClaims(ids, 'police');
    } finally {
      get.mockRestore();
    }
    expect(claimReads).toHaveLength(ids.length);
    expect(answeredWhenFacetsAsked).toBe(0);
    expect(facetReads).toBe(ids.length);
    expect((await db.summaries.get('t:police'))?.counts['v:unchecked']).toBe(ids.length);
    expect((await db.claimFacets.bulkGet(ids)).every((f) => f?.t.includes('police'))).toBe(true);
  });
});
