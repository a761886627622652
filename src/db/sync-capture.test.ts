import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { ClaimId } from '@/core/model/types';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { articleIdFor, saveImportedArticle, sha256Hex } from './articles';
import { setClaimVerdict } from './claims';
import { db } from './db';
import { markFromSync } from './sync-capture';
import { SYNC_KEYS } from './sync-tables';

const connect = () =>
  db.syncState.put({
    key: SYNC_KEYS.connection,
    value: { url: 'http://127.0.0.1:5984', database: 'team', connectedAt: 1 },
  });

const outbox = () => db.syncOutbox.orderBy('seq').toArray();

async function importA() {
  const result = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claims = await db.claims.where('articleId').equals(result.articleId).sortBy('start');
  return { articleId: result.articleId, claimIds: claims.map((c) => c.id as ClaimId) };
}

beforeEach(resetDb);

describe('sync change capture', () => {
  test('nothing is captured while no team is connected', async () => {
    const { claimIds } = await importA();
    await setClaimVerdict(claimIds[0]!, 'false');
    expect(await db.syncOutbox.count()).toBe(0);
  });

  test('every committed write to a replicated table has an outbox entry; derived tables never do', async () => {
    await connect();
    const { articleId, claimIds } = await importA();
    const rows = await outbox();
    const tables = new Set(rows.map((r) => r.table));
    expect(tables).toEqual(new Set(['articles', 'claims', 'speakers', 'history']));
    expect(
      rows
        .filter((r) => r.table === 'claims')
        .map((r) => r.rowId)
        .sort(),
    ).toEqual([...claimIds].sort());
    expect(rows.find((r) => r.table === 'articles')?.rowId).toBe(articleId);
    // one transaction, one batch
    expect(new Set(rows.map((r) => r.batchId)).size).toBe(1);

    await db.syncOutbox.clear();
    await setClaimVerdict(claimIds[0]!, 'false');
    const after = await outbox();
    expect(after.map((r) => [r.table, r.op])).toEqual([
      ['claims', 'put'],
      ['history', 'put'],
    ]);
    expect(after[0]!.rowId).toBe(claimIds[0]);
    expect(await db.claimFacets.count()).toBeGreaterThan(0);
  });

  test('a failed transaction leaves no outbox entry', async () => {
    await connect();
    const { claimIds } = await importA();
    await db.syncOutbox.clear();
    await expect(
      db.transaction('rw', db.claims, async () => {
        const claim = (await db.claims.get(claimIds[0]!))!;
        await db.claims.put({ ...claim, verdict: 'false' });
        throw new Error('something went wrong after the write');
      }),
    ).rejects.toThrow('something went wrong');
    expect(await db.syncOutbox.count()).toBe(0);
    expect((await db.claims.get(claimIds[0]!))?.verdict).toBe('unchecked');
  });

  test('writes marked as coming from sync are not captured', async () => {
    await connect();
    const { claimIds } = await importA();
    await db.syncOutbox.clear();
    await db.transaction('rw', db.claims, async () => {
      markFromSync();
      const claim = (await db.claims.get(claimIds[0]!))!;
      await db.claims.put({ ...claim, verdict: 'true' });
    });
    expect(await db.syncOutbox.count()).toBe(0);
    expect((await db.claims.get(claimIds[0]!))?.verdict).toBe('true');
  });

  test("a pulled row's revision gets the row as the server had it before the first local write changes it", async () => {
    const { claimIds } = await importA();
    const [first, second, third] = claimIds as [ClaimId, ClaimId, ClaimId];
    // as a pull leaves them: no copy of the row (the stored row is the server's)
    await db.syncRevisions.bulkPut([
      { table: 'claims', rowId: first, rev: '1-a' },
      { table: 'claims', rowId: second, rev: '1-b', base: { id: second, verdict: 'true' } },
      { table: 'claims', rowId: third, rev: '1-c' },
    ]);
    await setClaimVerdict(first, 'false'); // not connected: nothing captured, nothing copied
    expect(await db.syncRevisions.get(['claims', first])).not.toHaveProperty('base');

    await connect();
    const before = (await db.claims.get(first))!;
    expect(before.verdict).toBe('false');
    await setClaimVerdict(first, 'misleading');
    expect((await db.syncRevisions.get(['claims', first]))?.base).toEqual(before);
    await setClaimVerdict(first, 'true'); // the base stays the one the local edits started from
    expect((await db.syncRevisions.get(['claims', first]))?.base).toEqual(before);
    // a base already held is left alone; a removal copies the row too
    await setClaimVerdict(second, 'false');
    expect((await db.syncRevisions.get(['claims', second]))?.base).toEqual({ id: second, verdict: 'true' });
    const removed = (await db.claims.get(third))!;
    await db.claims.delete(third);
    expect((await db.syncRevisions.get(['claims', third]))?.base).toEqual(removed);
  });

  test('a new import gets its id from its text, and its claims from their spans', async () => {
    const { articleId, claimIds } = await importA();
    expect(articleId).toBe(articleIdFor(await sha256Hex(ARTICLE_A)));
    expect(claimIds.every((id) => id.startsWith(`${articleId}.`))).toBe(true);
  });
});

describe('the connection check', () => {
  test('is asked as a write transaction starts, beside its first read, not in front of its first write', async () => {
    const { claimIds } = await importA();
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    try {
      await db.transaction('rw', [db.claims, db.history], async () => {
        const claim = (await db.claims.get(claimIds[0]!))!;
        await db.claims.put({ ...claim, notes: 'read, then written' });
      });
      const stores = gets.mock.contexts.map((store) => (store as IDBObjectStore).name);
      expect(stores.slice(0, 2)).toEqual(['syncState', 'claims']);
      expect(stores.filter((s) => s === 'syncState')).toHaveLength(1);
    } finally {
      gets.mockRestore();
    }
    // still nothing captured without a team, everything with one
    expect(await db.syncOutbox.count()).toBe(0);
    await connect();
    await setClaimVerdict(claimIds[0]!, 'false');
    expect((await outbox()).map((e) => e.table)).toEqual(['claims', 'history']);
  });
});
