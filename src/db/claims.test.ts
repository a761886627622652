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
import { historyOfBatch, historyOfRow } from './history-read';

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

  test('as a screen calls it (with the update it showed) it reads the claim once, and still tells of a conflict', async () => {
    const { claim } = await firstClaim();
    const gets = vi.spyOn(db.claims, 'get');
    try {
      const first = await setClaimVerdict(claim.id, 'false', { expectedUpdatedAt: claim.updatedAt });
      expect(gets).toHaveBeenCalledTimes(1);
      expect(first.conflict).toBeNull();
      expect(first.claim.verdict).toBe('false');
      // another tab's edit meanwhile: the write still happens, and says what it replaced
      const second = await setClaimVerdict(claim.id, 'true', { expectedUpdatedAt: claim.updatedAt });
      expect(gets).toHaveBeenCalledTimes(2);
      expect(second.conflict).toMatchObject({ previous: { verdict: 'false' }, changedFields: ['verdict'] });
      expect((await db.claims.get(claim.id))?.verdict).toBe('true');
    } finally {
      gets.mockRestore();
    }
    const gone = await setClaimVerdict('gone' as ClaimId, 'true', { expectedUpdatedAt: 0 }).catch(
      (x: unknown) => x,
    );
    expect(describeDbError(gone)).toBe(
      'That claim no longer exists; it may have been deleted in another tab.',
    );
    const span = await updateClaim(claim.id, { start: claim.start + 8 }, { expectedUpdatedAt: 0 });
    expect(span.claim.text).toBe(ARTICLE_A.slice(span.claim.start, span.claim.end));
    expect(span.conflict?.changedFields).toEqual(['verdict']);
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
