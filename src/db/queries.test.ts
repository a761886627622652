import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { ArticleId, ClaimId, SpeakerId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle, softDeleteArticle } from './articles';
import { addManualClaim, setClaimSpeaker, setClaimVerdict, softDeleteClaim, updateClaim } from './claims';
import { db } from './db';
import { articleScope } from './derived/facets';
import { attachSource } from './evidence';
import {
  ARTICLE_HEAD_CLAIMS,
  articleQueries,
  claimQueries,
  LIBRARY_PAGE,
  preloadClaimReadModel,
  speakerQueries,
  storageQueries,
  summaryQueries,
} from './queries';
import { claimSearchStats } from './search';
import { mergeSpeakers } from './speakers';

beforeEach(resetDb);

const client = () =>
  new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });

describe('articleQueries', () => {
  test('list: live articles newest first, with claim, checked and speaker counts', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A, outlet: 'Yorkshire Post' }, extractionA());
    await new Promise((r) => setTimeout(r, 2));
    const b = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const claimsA = await db.claims.where('articleId').equals(a.articleId).sortBy('start');
    await setClaimVerdict(claimsA[0]!.id, 'true');
    await setClaimVerdict(claimsA[1]!.id, 'in progress');
    await softDeleteClaim(claimsA[2]!.id); // the councillors' only claim

    const list = await client().fetchQuery(articleQueries.list());
    expect(list).toEqual([
      {
        id: b.articleId,
        title: 'Minister responds to report',
        outlet: null,
        importedAt: expect.any(Number),
        claimCount: 2,
        checkedCount: 0,
        uncheckedCount: 2,
        flaggedCount: 0,
        speakerCount: 2,
      },
      {
        id: a.articleId,
        title: 'Police chief pledges more officers',
        outlet: 'Yorkshire Post',
        importedAt: expect.any(Number),
        claimCount: 2,
        checkedCount: 1,
        uncheckedCount: 1,
        flaggedCount: 1,
        speakerCount: 1,
      },
    ]);

    await softDeleteArticle(b.articleId);
    expect((await client().fetchQuery(articleQueries.list())).map((s) => s.id)).toEqual([a.articleId]);
    expect((await client().fetchQuery(articleQueries.trash())).map((s) => s.id)).toEqual([b.articleId]);
  });

  test('list: the summaries are one range read, not a request per article', async () => {
    for (let i = 0; i < 12; i++) {
      await saveImportedArticle({ text: `${ARTICLE_A}\n\nPart ${i}.`, title: `Part ${i}` }, extractionA());
    }
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const list = await client().fetchQuery(articleQueries.list());
    expect(list).toHaveLength(12);
    expect(list.every((a) => a.claimCount === 3 && a.speakerCount === 2)).toBe(true);
    expect(gets).not.toHaveBeenCalled();
    gets.mockRestore();
  });

  test('list: a large library is read in pages, so a screen asked for meanwhile never waits behind all of it', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const head = (await db.articleHeads.get(a.articleId))!;
    const summary = (await db.summaries.get(articleScope(a.articleId)))!;
    // 450 articles' derived rows (the list reads only these)
    const n = 2 * LIBRARY_PAGE + 50;
    const ids = Array.from({ length: n }, (_, i) => `art-${String(i).padStart(4, '0')}`);
    await db.articleHeads.bulkPut(ids.map((id, i) => ({ ...head, id: id as ArticleId, importedAt: i })));
    await db.summaries.bulkPut(ids.map((id) => ({ ...summary, id: articleScope(id) })));
    const asked: number[] = [];
    const getAll = IDBObjectStore.prototype.getAll;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['getAll']>
    ) {
      // a count as the second argument, or in the options form Dexie uses where the browser has it
      const [first, second] = args as unknown[];
      const options = first as { count?: number } | null;
      asked.push(
        (second as number | undefined) ??
          (options !== null && typeof options === 'object' && 'count' in options
            ? options.count
            : undefined) ??
          Number.POSITIVE_INFINITY,
      );
      return getAll.apply(this, args);
    });
    try {
      const list = await client().fetchQuery(articleQueries.list());
      expect(list).toHaveLength(n + 1);
      expect(list.every((s) => s.claimCount === 3)).toBe(true);
      expect(list[1]!.id).toBe(ids.at(-1));
      // main read each table in one request
      expect(asked.length).toBeGreaterThan(2);
      expect(asked.every((count) => count <= LIBRARY_PAGE)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  test('newest: the first rows of the list, on equal import times too, without deleted articles', async () => {
    const ids: ArticleId[] = [];
    for (let i = 0; i < 9; i++) {
      const saved = await saveImportedArticle(
        { text: `${ARTICLE_A}\n\nPart ${i}.`, title: `Part ${i}` },
        extractionA(),
      );
      ids.push(saved.articleId);
    }
    // three groups of equal import times, the list's order by id within each
    for (const [i, id] of ids.entries()) {
      await db.articleHeads.update(id, { importedAt: 1_000 + Math.floor(i / 3) });
      await db.articles.update(id, { importedAt: 1_000 + Math.floor(i / 3) });
    }
    await softDeleteArticle(ids[7]!);
    const c = client();
    const list = await c.fetchQuery(articleQueries.list());
    expect(list).toHaveLength(8);
    for (const n of [1, 2, 4, 5, 8, 20]) {
      expect(await c.fetchQuery(articleQueries.newest(n))).toEqual(list.slice(0, n));
    }
  });

  test('detail: the article, or null', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    expect((await client().fetchQuery(articleQueries.detail(a.articleId)))?.text).toBe(ARTICLE_A);
    expect(await client().fetchQuery(articleQueries.detail('missing' as ArticleId))).toBeNull();
  });

  test('keys start with the table; multi-table queries declare their tables', () => {
    expect(articleQueries.list().queryKey[0]).toBe('articles');
    expect(articleQueries.list().meta).toEqual({ tables: ['summaries'] });
    // staleTime / networkMode come from the app's query client defaults, never repeated per factory
    for (const q of [
      articleQueries.list(),
      claimQueries.byArticle('a' as ArticleId),
      storageQueries.estimate(),
    ]) {
      expect(q.staleTime).toBeUndefined();
      expect(q.networkMode).toBeUndefined();
    }
    expect(speakerQueries.byArticle('a' as ArticleId).meta).toMatchObject({ tables: ['summaries'] });
    expect(claimQueries.byArticle('a' as ArticleId).queryKey).toEqual(['claims', 'byArticle', 'a']);
  });
});

describe('claimQueries.byArticle', () => {
  test('live claims of one article, sorted by start', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const manual = await addManualClaim({ articleId: a.articleId, start: 0, end: 12 });
    const claims = await client().fetchQuery(claimQueries.byArticle(a.articleId));
    expect(claims.map((c) => c.text)).toEqual([
      'Police chief',
      'We have 200 more officers than in 2014.',
      'Victims are listened to now.',
      'failed hundreds of girls',
    ]);
    expect(claims[0]).toMatchObject({ id: manual.id, origin: 'manual' });
    await softDeleteClaim(manual.id);
    expect(await client().fetchQuery(claimQueries.byArticle(a.articleId))).toHaveLength(3);
  });
});

describe('claimQueries.byArticle over many claims', () => {
  test('reads every live claim once, by start, across pages and a start shared by more than a page', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const [template] = await db.claims.where('articleId').equals(a.articleId).toArray();
    const clone = (i: number, start: number) => ({
      ...template!,
      id: `many-${i}` as ClaimId,
      start,
      end: start + 3,
    });
    // 320 claims at one offset (more than a page), 400 more after it, one of them deleted
    const many = [
      ...Array.from({ length: 320 }, (_, i) => clone(i, 5)),
      ...Array.from({ length: 400 }, (_, i) => clone(320 + i, 10 + i)),
    ];
    many[500] = { ...many[500]!, deletedAt: Date.now() };
    await db.claims.bulkPut(many);
    const live = await db.claims
      .where('articleId')
      .equals(a.articleId)
      .filter((c) => c.deletedAt === null)
      .toArray();

    const claims = await client().fetchQuery(claimQueries.byArticle(a.articleId));
    expect(claims).toHaveLength(live.length);
    expect(new Set(claims.map((c) => c.id)).size).toBe(live.length);
    expect(claims.some((c) => c.id === 'many-500')).toBe(false);
    expect(claims.map((c) => c.start)).toEqual([...claims.map((c) => c.start)].sort((x, y) => x - y));

    const head = await client().fetchQuery(claimQueries.byArticleHead(a.articleId));
    expect(head).toHaveLength(ARTICLE_HEAD_CLAIMS);
    expect(head.map((c) => c.id)).toEqual(claims.slice(0, ARTICLE_HEAD_CLAIMS).map((c) => c.id));
  });
});

describe('speakerQueries.byArticle', () => {
  test('the live speakers of the live claims of one article, by name', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const b = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const names = async (id: ArticleId) =>
      (await client().fetchQuery(speakerQueries.byArticle(id))).map((s) => s.name);
    expect(await names(a.articleId)).toEqual(['Alan Billings', 'Conservative councillors']);
    expect(await names(b.articleId)).toEqual(['Alan Billings', 'James Cartlidge']);

    const jay = (await db.claims.where('articleId').equals(b.articleId).sortBy('start'))[0]!;
    await setClaimSpeaker(jay.id, null);
    expect(await names(b.articleId)).toEqual(['Alan Billings']);
  });

  test('many speakers making up most of the table: one range read, not a get each', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const [claim] = await db.claims.where('articleId').equals(a.articleId).toArray();
    const [speaker] = await db.speakers.toArray();
    const many = Array.from({ length: 24 }, (_, i) => ({
      ...speaker!,
      id: `spk-many-${String(i).padStart(2, '0')}` as SpeakerId,
      name: `Speaker ${String(23 - i).padStart(2, '0')}`,
      deletedAt: i === 5 ? Date.now() : null,
    }));
    await db.speakers.bulkPut(many);
    await db.claims.bulkPut(
      many.map((s, i) => ({
        ...claim!,
        id: `many-${i}` as ClaimId,
        start: 200 + i,
        end: 203 + i,
        speakerId: s.id,
      })),
    );
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const read = await client().fetchQuery(speakerQueries.byArticle(a.articleId));
    expect(gets.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'speakers')).toHaveLength(
      0,
    );
    const live = many.filter((s) => s.deletedAt === null).map((s) => s.name);
    expect(read.map((s) => s.name)).toEqual(
      [...live, 'Alan Billings', 'Conservative councillors'].sort((x, y) => x.localeCompare(y)),
    );
    gets.mockRestore();
  });
});

describe("speakerQueries.ofClaims (the article screen's first claims)", () => {
  test('reads only the live speakers the given claims name, by name, a request per speaker', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const claims = await db.claims.where('articleId').equals(a.articleId).sortBy('start');
    const bulkGet = vi.spyOn(db.speakers, 'bulkGet');
    const names = async (some: typeof claims) =>
      (await client().fetchQuery(speakerQueries.ofClaims(a.articleId, some))).map((s) => s.name);
    const all = await names(claims);
    expect(all).toEqual(['Alan Billings', 'Conservative councillors']);
    // The first claim alone names one of them: only that one is read.
    const first = await names(claims.slice(0, 1));
    expect(first).toHaveLength(1);
    expect(all).toContain(first[0]);
    expect(bulkGet.mock.calls.map(([ids]) => ids.length)).toEqual([2, 1]);
    expect(await names([{ ...claims[0]!, speakerId: null }])).toEqual([]);
  });

  test("an article's counts say how many speakers its live claims name", async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const counts = await client().fetchQuery(summaryQueries.article(a.articleId));
    expect(counts.speakerCount).toBe(2);
    expect(counts.claimCount).toBe(await db.claims.where('articleId').equals(a.articleId).count());
  });
});

describe('articleQueries.list when the Library is left', () => {
  test('a read whose signal aborts (no screen observes it any more) is aborted, not finished', async () => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const read = articleQueries.list().queryFn as (context: { signal: AbortSignal }) => Promise<unknown>;
    const controller = new AbortController();
    const left = read({ signal: controller.signal });
    controller.abort();
    await expect(left).rejects.toThrow();
    // one aborted before it starts, too; a read nobody aborts answers
    await expect(read({ signal: controller.signal })).rejects.toThrow();
    expect(await read({ signal: new AbortController().signal })).toHaveLength(1);
  });

  test("the Claims screen's menu lists too (every speaker, every title)", async () => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const reads = [speakerQueries.list().queryFn, articleQueries.titles().queryFn] as unknown as ((context: {
      signal: AbortSignal;
    }) => Promise<unknown[]>)[];
    for (const read of reads) {
      const controller = new AbortController();
      const left = read({ signal: controller.signal });
      controller.abort();
      await expect(left).rejects.toThrow();
      expect((await read({ signal: new AbortController().signal })).length).toBeGreaterThan(0);
    }
  });

  test("the Claims screen's page: unobserved while its ids are read, it asks for none of their rows", async () => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await preloadClaimReadModel();
    const qc = client();
    const query = claimQueries.list({}, { limit: 100 });
    const observer = new QueryObserver(qc, query);
    const stores = vi.spyOn(IDBObjectStore.prototype, 'get');
    try {
      const off = observer.subscribe(() => {});
      off(); // the screen is left at once
      await vi.waitFor(() => expect(qc.getQueryState(query.queryKey)?.fetchStatus).toBe('idle'));
      expect(qc.getQueryData(query.queryKey)).toBeUndefined();
      // a read left to finish unobserved would have asked for them by now (a few ms here)
      await new Promise((resolve) => setTimeout(resolve, 300));
      const read = stores.mock.contexts.map((store) => (store as IDBObjectStore).name);
      expect(read).not.toContain('speakers');
      expect(read).not.toContain('articleHeads');
    } finally {
      stores.mockRestore();
    }
    // shown again: read whole, named
    const rows = await qc.fetchQuery(query);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.speakerName !== null)).toBe(true);
  });
});

describe('speakerQueries.list', () => {
  test('every live speaker by name, read in one batch (no cursor: a round trip per speaker)', async () => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const billings = (await db.speakers.where('key').equals('alan billings').first())!;
    const councillors = (await db.speakers.where('key').equals('conservative councillors').first())!;
    await mergeSpeakers(billings.id, [councillors.id]); // the councillors' row goes to the trash
    const cursors = [
      vi.spyOn(IDBObjectStore.prototype, 'openCursor'),
      vi.spyOn(IDBIndex.prototype, 'openCursor'),
    ];
    try {
      const names = (await client().fetchQuery(speakerQueries.list())).map((s) => s.name);
      expect(names).toEqual(['Alan Billings', 'James Cartlidge']);
      for (const spy of cursors) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of cursors) spy.mockRestore();
    }
  });
});

describe('storageQueries.estimate', () => {
  test('nulls, or numbers, depending on what the platform offers', async () => {
    const e = await client().fetchQuery(storageQueries.estimate());
    expect(Object.keys(e).sort()).toEqual(['persisted', 'quota', 'usage']);
    for (const v of Object.values(e))
      expect(v === null || typeof v === 'number' || typeof v === 'boolean').toBe(true);
  });
});

describe('claimQueries.list / count', () => {
  test('the table’s URL filters: article, speaker, verdict and tag, paged', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const b = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const billings = (await db.speakers.where('key').equals('alan billings').first())!;
    const [first, second] = await db.claims.where('articleId').equals(a.articleId).sortBy('start');
    await updateClaim(first!.id, { verdict: 'true', tags: ['police'] });
    await updateClaim(second!.id, { tags: ['Police'] });
    const q = client();
    const texts = async (...args: Parameters<typeof claimQueries.list>) =>
      (await q.fetchQuery(claimQueries.list(...args))).map((c) => c.text);

    expect(await q.fetchQuery(claimQueries.count())).toBe(5);
    expect(await texts({ articleIds: [b.articleId] })).toEqual([
      'The Jay report changed everything.',
      'Trust is returning.',
    ]);
    expect((await texts({ speakerIds: [billings.id] })).sort()).toEqual([
      'Trust is returning.',
      'Victims are listened to now.',
      'We have 200 more officers than in 2014.',
    ]);
    expect(await texts({ tags: ['police'], verdicts: ['true'] })).toEqual([
      'We have 200 more officers than in 2014.',
    ]);
    expect(await q.fetchQuery(claimQueries.count({ tags: ['police'] }))).toBe(2); // tags ignore case
    expect(await q.fetchQuery(claimQueries.count({ verdicts: ['true', 'false'] }))).toBe(1);
    expect(await q.fetchQuery(claimQueries.count({ articleIds: [a.articleId, b.articleId] }))).toBe(5);
    expect(await texts({ articleIds: [a.articleId] }, { offset: 1, limit: 1 })).toEqual([
      'Victims are listened to now.',
    ]);
    expect(claimQueries.list({ verdicts: [], tags: ['x'], sort: 'article' }).queryKey).toEqual(
      claimQueries.list({ tags: ['x'] }).queryKey,
    );

    await softDeleteClaim(first!.id);
    expect(await client().fetchQuery(claimQueries.count({ tags: ['police'] }))).toBe(1);
    expect(await client().fetchQuery(claimQueries.count())).toBe(4);
  });

  test('sorts, kind, check-worthiness, has-source, and flagged rows', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const [first, second, third] = await db.claims.where('articleId').equals(a.articleId).sortBy('start');
    await updateClaim(first!.id, { verdict: 'false', checkworthy: { score: 0.9, signals: ['number'] } });
    await updateClaim(second!.id, { verdict: 'true' });
    await attachSource(second!.id, { url: 'https://example.org/survey', title: 'Victims survey' });
    const q = client();
    const list = (...args: Parameters<typeof claimQueries.list>) => q.fetchQuery(claimQueries.list(...args));

    const rated = await list({ verdicts: ['false', 'true'], sort: 'verdict' });
    expect(rated.map((c) => [c.verdict, c.sourceCount, c.flagged])).toEqual([
      ['true', 1, false],
      ['false', 0, true], // a rating verdict with no source
    ]);
    expect((await list({ source: 'with' })).map((c) => c.id)).toEqual([second!.id]);
    expect(await q.fetchQuery(claimQueries.count({ source: 'without' }))).toBe(4);
    expect((await list({ kinds: ['mixed'] })).map((c) => c.id)).toEqual([third!.id]);
    expect((await list({ minCheckworthy: 0.8 })).map((c) => c.id)).toEqual([first!.id]);
    expect((await list({ sort: 'checkworthy', desc: true }))[0]!.id).toBe(first!.id);
    const bySpeaker = await list({ sort: 'speaker' });
    const names = new Map((await db.speakers.toArray()).map((sp) => [sp.id as string, sp.name]));
    expect([...new Set(bySpeaker.map((c) => names.get(c.speakerId!)))]).toEqual([
      'Alan Billings',
      'Conservative councillors',
      'James Cartlidge',
    ]);
    // verdict order without a filter is paged bucket by bucket; it agrees with the in-memory sort
    const all = await list({ sort: 'verdict', desc: true }, { limit: 100 });
    expect(all.slice(0, 2).map((c) => c.verdict)).toEqual(['false', 'true']);
    expect((await list({ sort: 'verdict', desc: true }, { offset: 1, limit: 2 })).map((c) => c.id)).toEqual(
      all.slice(1, 3).map((c) => c.id),
    );
    expect(all.map((c) => c.id)).toEqual(
      (await list({ sort: 'verdict', desc: true, kinds: ['direct', 'mixed', 'indirect', 'headline'] })).map(
        (c) => c.id,
      ),
    );
    const updated = await list({ sort: 'updated', desc: true });
    expect(updated[0]!.id).toBe(second!.id);
  });

  test('a text query searches claim text, speaker aliases, source titles and notes; best first', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const [first, second] = await db.claims.where('articleId').equals(a.articleId).sortBy('start');
    await new Promise((r) => setTimeout(r, 2)); // the index is built a moment after the writes
    const q = client();
    const ids = async (query: string, more: Parameters<typeof claimQueries.list>[0] = {}) =>
      (await q.fetchQuery(claimQueries.list({ q: query, ...more }))).map((c) => c.id);

    expect(await ids('officers')).toEqual([first!.id]);
    expect(claimSearchStats()).toMatchObject({ built: true, documents: 5 });
    expect(await q.fetchQuery(claimQueries.count({ q: 'commissioner' }))).toBe(3); // an alias of Billings
    expect(claimSearchStats().lastRefreshed).toBe(0); // nothing changed: nothing re-indexed
    // edits after the index was built are found without a rebuild
    await updateClaim(second!.id, { notes: 'Compare with the victims survey' });
    await attachSource(first!.id, {
      url: 'https://example.org/workforce',
      title: 'Police workforce statistics',
    });
    q.clear();
    expect(await ids('survey')).toEqual([second!.id]);
    expect(claimSearchStats().lastRefreshed).toBe(2); // just the two claims edited
    expect(await ids('workforce')).toEqual([first!.id]);
    expect(await ids('commissioner', { articleIds: [a.articleId] })).toHaveLength(2);
    await softDeleteClaim(first!.id);
    q.clear();
    expect(await ids('workforce')).toEqual([]);
    expect(await q.fetchQuery(claimQueries.search('victims'))).toMatchObject([{ id: second!.id }]);
  });
});

describe('counts with tombstones', () => {
  test('a deleted checked claim leaves the counts; a speaker stays while one live claim remains', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const [first, second] = await db.claims.where('articleId').equals(a.articleId).sortBy('start');
    await setClaimVerdict(first!.id, 'false');
    await setClaimVerdict(second!.id, 'true');
    await softDeleteClaim(first!.id); // Billings keeps `second`
    const [summary] = await client().fetchQuery(articleQueries.list());
    expect(summary).toMatchObject({ claimCount: 2, checkedCount: 1, speakerCount: 2 });
    expect((await client().fetchQuery(speakerQueries.byArticle(a.articleId))).map((s) => s.name)).toEqual([
      'Alan Billings',
      'Conservative councillors',
    ]);
    await softDeleteClaim(second!.id);
    expect((await client().fetchQuery(articleQueries.list()))[0]).toMatchObject({
      claimCount: 1,
      checkedCount: 0,
      speakerCount: 1,
    });
  });
});

describe('claimQueries and the read model', () => {
  test("once the read model is in, a claims count asks IndexedDB in the caller's task, not a task later", async () => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await preloadClaimReadModel();
    const asked: string[] = [];
    const get = IDBObjectStore.prototype.get;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['get']>
    ) {
      asked.push(this.name);
      return get.apply(this, args);
    });
    try {
      const count = client().fetchQuery(claimQueries.count({ verdicts: ['unchecked'] }));
      // no await between: asked while the caller (a navigation's render) still runs
      expect(asked).toContain('summaries');
      expect(await count).toBe((await db.claims.toArray()).filter((c) => c.verdict === 'unchecked').length);
    } finally {
      spy.mockRestore();
    }
  });
});
