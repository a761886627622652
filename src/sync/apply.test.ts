import { afterEach, describe, expect, test, vi } from 'vitest';
import { claimFromExtracted } from '@/core/model/claim-row';
import type { Article, Claim } from '@/core/model/types';
import { articleIdFor, prepareImport } from '@/db/articles';
import { openDeviceDatabase, type SyncDb } from '@/db/sync-db';
import { SYNC_KEYS } from '@/db/sync-tables';
import { ARTICLE_A, extractionA } from '@/test/db';
import { applyDocs } from './apply';
import type { CouchDoc } from './couch';

const me = { deviceId: 'device-apply', author: 'ana' };
const opened: SyncDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/**
 * A first-sync page as the server sends it: an article, a legacy copy of it under a random id
 * whose claims must move, many claims (some on the legacy id), questions, and rows this device
 * has unpushed edits of, so every path of apply runs inside one transaction.
 */
async function bigPage(size: number) {
  const text = ARTICLE_A;
  const prepared = await prepareImport({ text }, extractionA());
  const articleId = articleIdFor(prepared.sha);
  const article: Article = {
    id: articleId as never,
    title: prepared.title,
    text,
    outlet: null,
    url: null,
    publishedAt: null,
    importedAt: 1,
    extractorVersion: 'x',
    sha256: prepared.sha,
    boilerplate: [],
    updatedAt: 1,
    deletedAt: null,
  };
  const legacy = { ...article, id: 'legacy-article' as never };
  const template = extractionA().claims.find((c) => c.kind !== 'unattributed')!;
  const claim = (i: number, on: string): Claim =>
    claimFromExtracted(`c-${String(i).padStart(5, '0')}` as never, on as never, text, template, null, 2);
  const docs: CouchDoc[] = [{ _id: `articles:${article.id}`, _rev: '1-a', ...article }];
  for (let i = 0; i < size; i++) {
    const c = claim(i, i % 3 === 0 ? 'legacy-article' : articleId);
    docs.push({ _id: `claims:${c.id}`, _rev: `1-${i}`, ...c });
    if (i % 50 === 0) {
      const q = {
        id: `q-${i}`,
        text: `Question ${i}`,
        articleIds: ['legacy-article'],
        updatedAt: 3,
        deletedAt: null,
      };
      docs.push({ _id: `questions:${q.id}`, _rev: `1-q${i}`, ...q });
    }
  }
  return { docs, legacy, claim, articleId };
}

async function device(): Promise<SyncDb> {
  const db = openDeviceDatabase(`apply-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  await db.open();
  return db;
}

describe('applyDocs: a page commits whole or not at all', () => {
  test('a large page with merges fails as one: nothing of it is left when its last write fails', async () => {
    const db = await device();
    const { docs, legacy, claim } = await bigPage(900);
    // this device has the legacy copy of the article and unpushed edits of some incoming claims
    await db.articles.put(legacy);
    const local = [claim(3, 'legacy-article'), claim(4, 'legacy-article')].map((c) => ({
      ...c,
      verdict: 'false' as const,
      updatedAt: 5,
    }));
    await db.claims.bulkPut(local);
    await db.syncOutbox.bulkAdd(
      local.map((c) => ({ table: 'claims' as const, rowId: c.id, op: 'put' as const, at: 5, batchId: 'b' })),
    );
    const before = {
      claims: await db.claims.count(),
      facets: await db.claimFacets.count(),
      outbox: await db.syncOutbox.count(),
    };
    // a checkpoint IndexedDB cannot store: the page's very last write throws
    const unstorable = { at: () => 1 } as unknown as string;
    await expect(applyDocs(db, docs, me, 10, unstorable)).rejects.toThrow();
    expect(await db.claims.count()).toBe(before.claims);
    expect(await db.claimFacets.count()).toBe(before.facets);
    expect(await db.syncRevisions.count()).toBe(0);
    expect(await db.syncOutbox.count()).toBe(before.outbox);
    expect(await db.articles.get(legacy.id)).toBeDefined();
    expect(await db.syncState.get(SYNC_KEYS.checkpoint)).toBeUndefined();
  });

  test('the same page applied: every row, its revision and the checkpoint, in one go', async () => {
    const db = await device();
    const { docs, legacy, articleId } = await bigPage(900);
    await db.articles.put(legacy);
    const outcome = await applyDocs(db, docs, me, 10, 42);
    expect(outcome.applied).toBe(docs.length);
    expect(await db.claims.count()).toBe(900);
    expect(await db.claims.where('articleId').equals('legacy-article').count()).toBe(0);
    expect(await db.claims.where('articleId').equals(articleId).count()).toBe(900);
    expect(await db.articles.get(legacy.id)).toBeUndefined();
    expect(await db.claimFacets.count()).toBe(900);
    expect((await db.syncState.get(SYNC_KEYS.checkpoint))?.value).toBe(42);
    // replayed (a cluster may replay _changes): nothing new
    const again = await applyDocs(db, docs, me, 11, 43);
    expect(again.skipped).toBe(docs.length);
    expect(await db.claims.count()).toBe(900);
  });
});

describe('applyDocs in a first sync: what it wrote is remembered, not read back', () => {
  /** How many revision rows `work` read (IndexedDB `get`s on `syncRevisions`). */
  async function revisionReads(work: () => Promise<unknown>): Promise<number> {
    const spy = vi.spyOn(IDBObjectStore.prototype, 'get');
    try {
      await work();
      return spy.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'syncRevisions').length;
    } finally {
      spy.mockRestore();
    }
  }

  test("a later page's claims of articles an earlier page wrote (one merged away) move without a revision read", async () => {
    const db = await device();
    const { docs, legacy, claim, articleId } = await bigPage(200);
    // the library's copy of the article, under an older random id: the first page merges it away
    await db.articles.put(legacy);
    const written = new Map<string, string | null>();
    const first = await applyDocs(db, docs, me, 10, 1, { written });
    for (const [id, into] of first.revised) written.set(id, into);
    expect(written.get(`articles:${legacy.id}`)).toBe(articleId);
    expect(written.get(`articles:${articleId}`)).toBeNull();

    const later = [200, 201, 202, 203].map((i) => claim(i, i % 2 === 0 ? legacy.id : articleId));
    const page: CouchDoc[] = later.map((c, i) => ({ _id: `claims:${c.id}`, _rev: `1-later${i}`, ...c }));
    const reads = await revisionReads(() => applyDocs(db, page, me, 11, 2, { written }));
    expect(reads).toBe(0);
    // where the library's copy went, from memory: every claim is on the kept article
    const stored = await db.claims.bulkGet(later.map((c) => c.id));
    expect(stored.map((c) => c?.articleId)).toEqual(later.map(() => articleId));
    // the claims on the merged-away id were moved here, so they go out to the server
    const queued = (await db.syncOutbox.toArray()).map((e) => e.rowId);
    expect(queued).toEqual(expect.arrayContaining([later[0]!.id, later[2]!.id]));
    expect(queued).not.toContain(later[1]!.id);
  });

  test('without that memory (a library that synced before) the same page reads the revisions it needs', async () => {
    const db = await device();
    const { docs, legacy, claim, articleId } = await bigPage(20);
    await db.articles.put(legacy);
    await applyDocs(db, docs, me, 10, 1);
    const later = [claim(20, legacy.id)];
    const page: CouchDoc[] = later.map((c) => ({ _id: `claims:${c.id}`, _rev: '1-later', ...c }));
    expect(await revisionReads(() => applyDocs(db, page, me, 11, 2))).toBeGreaterThan(0);
    expect((await db.claims.get(later[0]!.id))?.articleId).toBe(articleId);
  });
});
