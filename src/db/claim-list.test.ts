import Dexie from 'dexie';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Claim, ClaimId } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { type ClaimFilters, claimMatchesFilters, EMPTY_FILTERS } from '@/core/review/filters';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import {
  claimIdsPage,
  claimRows,
  countClaims,
  filteredSearchHits,
  iterateClaimRows,
  labelClaimRows,
  listClaimPage,
  listTableClaims,
  matchingClaimIds,
} from './claim-list';
import { addTagToClaims, setClaimsVerdict, softDeleteClaim, updateClaim } from './claims';
import { db } from './db';
import { speakerSortKey } from './derived/facets';
import { attachSource } from './evidence';
import { undo } from './undo';

beforeEach(resetDb);

/** Two articles, some verdicts, tags, a source, a tombstone and varied check-worthiness. */
async function seed() {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  const all = await db.claims.orderBy('[articleId+start]').toArray();
  const ids = all.map((c) => c.id);
  await setClaimsVerdict([ids[0]!, ids[4]!], 'false');
  await setClaimsVerdict([ids[1]!], 'true');
  await addTagToClaims([ids[0]!, ids[5]!], 'Budget');
  await addTagToClaims([ids[5]!], 'crime');
  await attachSource(ids[1]!, { url: 'https://example.org/report', title: 'Force annual report' });
  await updateClaim(ids[2]!, { checkworthy: { score: 0.9, signals: ['number'] } });
  await softDeleteClaim(ids[3]!);
  return { ids, speakers: await db.speakers.toArray(), articles: await db.articles.toArray() };
}

/** `n` copies of a seeded claim over `articles` articles (`art-0`…), updated in a shuffled order. */
async function copyClaims(n: number, articles: number, more: (i: number) => Partial<Claim> = () => ({})) {
  const template = (await db.claims.toArray())[0]!;
  const copies: Claim[] = Array.from({ length: n }, (_, i) => ({
    ...template,
    id: `copy-${String(i).padStart(4, '0')}` as ClaimId,
    articleId: `art-${i % articles}` as Claim['articleId'],
    start: 10_000 + i * 10,
    end: 10_005 + i * 10,
    updatedAt: 1_000 + ((i * 37) % n),
    deletedAt: null,
    ...more(i),
  }));
  await db.claims.bulkPut(copies);
  return copies.map((c) => c.id);
}

/** Ten articles of 60 claims each (copies of a seeded claim), their ids. */
async function tenArticles(): Promise<Claim['articleId'][]> {
  await seed();
  await copyClaims(600, 10);
  return Array.from({ length: 10 }, (_, i) => `art-${i}` as Claim['articleId']);
}

/** The rows each index `getAll` answers with, from now until the mocks are restored. */
function countRowsRead(): number[] {
  const rowsRead: number[] = [];
  const getAll = IDBIndex.prototype.getAll;
  vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (
    this: IDBIndex,
    ...args: Parameters<IDBIndex['getAll']>
  ) {
    const request = getAll.apply(this, args);
    request.addEventListener('success', () => rowsRead.push(request.result.length));
    return request;
  });
  return rowsRead;
}

/** The reference: every live claim filtered and sorted in memory, as the old list did. */
async function reference(f: ClaimFilters): Promise<string[]> {
  const claims = (await db.claims.toArray()).filter((c) => c.deletedAt === null);
  const sourced = new Set<string>(
    (await db.evidence.toArray()).filter((e) => e.deletedAt === null).map((e) => e.claimId),
  );
  const names = new Map((await db.speakers.toArray()).map((s) => [s.id as string, s.name]));
  const key = (c: Claim): string => {
    switch (f.sort) {
      case 'updated':
        return String(c.updatedAt).padStart(15, '0');
      case 'checkworthy':
        return String(Math.round(c.checkworthy.score * 1e6)).padStart(7, '0');
      case 'verdict':
        // verdict, then article order
        return `${VERDICTS.indexOf(c.verdict)}\u0001${c.articleId}\u0001${String(c.start).padStart(10, '0')}`;
      case 'speaker':
        return speakerSortKey(c.speakerId ? (names.get(c.speakerId) ?? '') : null);
      default:
        return `${c.articleId}\u0001${String(c.start).padStart(10, '0')}`;
    }
  };
  const rows = claims
    .filter((c) => claimMatchesFilters(c, f, (id) => sourced.has(id)))
    .map((c) => ({ id: c.id as string, k: `${key(c)}\u0001${c.id}` }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((r) => r.id);
  return f.desc ? rows.reverse() : rows;
}

describe('the claims read model', () => {
  test('every filter and combination, in every sort, matches the reference; counts too', async () => {
    const { speakers, articles } = await seed();
    const billings = speakers.find((s) => s.name === 'Alan Billings')!;
    const articleB = articles.find((a) => a.text === ARTICLE_B)!;
    const cases: Partial<ClaimFilters>[] = [
      {},
      { speakerIds: [billings.id] },
      { articleIds: [articleB.id] },
      { articleIds: [articleB.id, articles[0]!.id === articleB.id ? articles[1]!.id : articles[0]!.id] },
      { verdicts: ['false'] },
      { verdicts: ['false', 'true'] },
      { verdicts: ['false'], speakerIds: [billings.id] },
      { tags: ['budget'] },
      { tags: ['budget', 'Crime'] },
      { tags: ['budget'], verdicts: ['false'] },
      { tags: ['budget'], kinds: ['direct'] },
      { tags: ['crime'], kinds: ['direct', 'mixed'], minCheckworthy: 0.1 },
      { kinds: ['mixed'] },
      { kinds: ['direct'], source: 'without' },
      { source: 'with' },
      { source: 'without' },
      { minCheckworthy: 0.6 },
      { minCheckworthy: 0.6, verdicts: ['unchecked'] },
      { articleIds: [articleB.id], speakerIds: [billings.id] },
      { speakerIds: [billings.id], verdicts: ['false', 'unchecked'], source: 'without', kinds: ['direct'] },
    ];
    for (const partial of cases) {
      for (const sort of ['article', 'updated', 'checkworthy', 'speaker', 'verdict'] as const) {
        for (const desc of [false, true]) {
          const f = { ...EMPTY_FILTERS, ...partial, sort, desc };
          const label = JSON.stringify({ ...partial, sort, desc });
          const expected = await reference(f);
          expect(await matchingClaimIds(f), label).toEqual(expected);
          expect(await countClaims(f), label).toBe(expected.length);
          // page by cursor, two at a time
          const paged: string[] = [];
          let after: string | null = null;
          do {
            const page: { ids: ClaimId[]; next: string | null } = await claimIdsPage(f, { after, limit: 2 });
            paged.push(...page.ids);
            after = page.next;
          } while (after !== null);
          expect(paged, label).toEqual(expected);
          expect((await claimIdsPage(f, { offset: 1, limit: 3 })).ids, label).toEqual(expected.slice(1, 4));
          // a page's rows (source counts, flags, no hot keys) as the rows read by id say, though
          // made of the rows its walk read
          expect((await listClaimPage(f, { limit: 3 })).rows, label).toEqual(
            await claimRows(expected.slice(0, 3) as ClaimId[]),
          );
        }
      }
    }
  }, 120_000);

  test('a list by verdict, in update and in article order, is right after a bulk verdict (no facet row written) and its undo', async () => {
    // in the seeded articles (the reference orders articles by their ids as they are, not packed)
    const { articles } = await seed();
    const copies = await copyClaims(240, 1, (i) => ({
      articleId: articles[i % 2]!.id,
      verdict: i % 5 === 0 ? 'true' : 'unchecked',
      tags: i % 4 === 0 ? ['crime'] : [],
    }));
    const picked = copies.filter((_, i) => i % 3 !== 1);
    await attachSource(picked[5]!, { url: 'https://example.org/a', title: 'A' });
    const cases: Partial<ClaimFilters>[] = [
      { verdicts: ['false'] },
      { verdicts: ['false', 'true'] },
      { verdicts: ['false'], tags: ['crime'] },
      { verdicts: ['unchecked'], articleIds: [articles[1]!.id] },
      { verdicts: ['false'], source: 'with' },
    ];
    const check = async (when: string) => {
      const links = new Map<string, number>();
      for (const e of await db.evidence.toArray())
        if (e.deletedAt === null) links.set(e.claimId, (links.get(e.claimId) ?? 0) + 1);
      expect(links.get(picked[5]!), when).toBe(1);
      for (const partial of cases)
        for (const sort of ['updated', 'article'] as const)
          for (const desc of [false, true]) {
            const f = { ...EMPTY_FILTERS, ...partial, sort, desc };
            const label = `${when} ${JSON.stringify({ ...partial, sort, desc })}`;
            const expected = await reference(f);
            const paged: string[] = [];
            for await (const rows of iterateClaimRows(f, { pageSize: 25 })) {
              paged.push(...rows.map((r) => r.id));
              expect(rows, label).toEqual(await claimRows(rows.map((r) => r.id)));
            }
            expect(paged, label).toEqual(expected);
            expect(await matchingClaimIds(f), label).toEqual(expected);
            expect(await countClaims(f), label).toBe(expected.length);
            const table = await listTableClaims(f, { limit: 500 });
            expect(
              table.map((r) => r.id),
              label,
            ).toEqual(expected);
            for (const r of table) expect(r.sourceCount, `${label} ${r.id}`).toBe(links.get(r.id) ?? 0);
            // a page read off the claims' hot keys shows them as every reader does: without those keys
            expect(table.filter((r) => 'hk' in r).length, label).toBe(0);
          }
    };
    await check('before');
    // the tables the verdict's transaction wrote, as Dexie tells them when it commits
    const written = new Set<string>();
    const told = (parts: Record<string, unknown>) => {
      for (const part of Object.keys(parts)) written.add(part.split('/')[3] ?? '');
    };
    Dexie.on('storagemutated', told);
    try {
      await setClaimsVerdict(picked, 'false');
    } finally {
      Dexie.on('storagemutated').unsubscribe(told);
    }
    expect([...written]).toContain('claims');
    expect([...written]).not.toContain('claimFacets');
    await check('after the verdict');
    await undo();
    await check('after the undo');
  }, 120_000);

  test('a text query keeps relevance order by default and the sort asked otherwise', async () => {
    await seed();
    const hits = await matchingClaimIds({ q: 'officers' });
    expect(hits.length).toBeGreaterThan(0);
    const byUpdated = await matchingClaimIds({ q: 'report', sort: 'updated' });
    const rows = (await db.claims.bulkGet(byUpdated)) as Claim[];
    expect(rows.map((r) => r.updatedAt)).toEqual([...rows.map((r) => r.updatedAt)].sort((a, b) => a - b));
    expect(await countClaims({ q: 'report' })).toBe(byUpdated.length);
  });

  test("a text query's hits with another filter: their facet rows read in key order, the answer in rank order", async () => {
    const { ids } = await seed();
    const live = ids.filter((_, i) => i !== 3);
    // hits as a search ranks them: not in key order
    const ranked = [...live].sort().reverse();
    const spy = vi.spyOn(db.claimFacets, 'bulkGet');
    try {
      const kept = await filteredSearchHits(
        { ...EMPTY_FILTERS, q: 'x', verdicts: ['unchecked'] },
        ranked.map((id) => ({ id })),
      );
      expect(spy).toHaveBeenCalledTimes(1);
      const asked = spy.mock.calls[0]![0] as string[];
      expect(asked).toEqual([...ranked].sort());
      const unchecked = new Set(
        (await db.claims.bulkGet(live)).filter((c) => c!.verdict === 'unchecked').map((c) => c!.id),
      );
      expect(kept).toEqual(ranked.filter((id) => unchecked.has(id)));
      expect(kept.length).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
  });

  test('a text query asked by a count and a page at once searches once; a claim trashed since leaves both', async () => {
    const { ids } = await seed();
    const search = await import('./search');
    const spy = vi.spyOn(search, 'searchClaimIdsHere');
    try {
      const [count, page] = await Promise.all([
        countClaims({ q: 'report' }),
        listClaimPage({ q: 'report' }, { limit: 100 }),
      ]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(page.rows.length).toBe(count);
      expect(count).toBeGreaterThan(0);
      const gone = page.rows[0]!.id;
      await softDeleteClaim(gone);
      const after = await matchingClaimIds({ q: 'report' });
      expect(after).not.toContain(gone);
      expect(after.length).toBe(count - 1);
      expect(ids.length).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
  });

  test('rows carry source counts and flag a rating without a source; the iterator walks every page', async () => {
    const { ids } = await seed();
    const rows = await claimRows([ids[0]!, ids[1]!, ids[3]!] as ClaimId[]);
    expect(rows.map((r) => [r.id, r.verdict, r.sourceCount, r.flagged])).toEqual([
      [ids[0], 'false', 0, true],
      [ids[1], 'true', 1, false],
      // ids[3] is in the trash: left out
    ]);
    const pages: string[][] = [];
    for await (const page of iterateClaimRows({ sort: 'updated' }, { pageSize: 2 }))
      pages.push(page.map((r) => r.id));
    expect(pages.flat()).toEqual(await reference({ ...EMPTY_FILTERS, sort: 'updated' }));
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    expect((await listClaimPage({}, { limit: 100 })).next).toBeNull();
  });

  test('a minimum check-worthiness alone on the points scale is counted from the kept counts, no index counted', async () => {
    const { ids } = await seed();
    // scores at and either side of a point's edge (0.79 and 0.8 are apart, 0.805 is 0.8's)
    for (const [i, score] of [0.79, 0.8, 0.805, 0.3, 1].entries())
      await updateClaim(ids.at(-1 - i)! as ClaimId, { checkworthy: { score, signals: [] } });
    const counts = vi.spyOn(IDBIndex.prototype, 'count');
    const keys = vi.spyOn(IDBIndex.prototype, 'getAllKeys');
    try {
      for (const min of [0, 0.3, 0.5, 0.7, 0.8, 0.81, 0.9, 1]) {
        const f = { ...EMPTY_FILTERS, minCheckworthy: min, sort: 'checkworthy' as const, desc: true };
        expect(await countClaims(f), String(min)).toBe((await reference(f)).length);
      }
      expect(counts).not.toHaveBeenCalled();
      expect(keys).not.toHaveBeenCalled();
      // a minimum between two points is counted on the index range
      const f = { ...EMPTY_FILTERS, minCheckworthy: 0.795 };
      expect(await countClaims(f)).toBe((await reference(f)).length);
      expect(counts).toHaveBeenCalledTimes(1);
    } finally {
      counts.mockRestore();
      keys.mockRestore();
    }
  });

  test('a minimum check-worthiness alone is counted on its index range, no key read out', async () => {
    await seed();
    const keys = vi.spyOn(IDBIndex.prototype, 'getAllKeys');
    try {
      for (const min of [0, 0.45, 0.5, 0.9, 1]) {
        const f = { ...EMPTY_FILTERS, minCheckworthy: min, sort: 'checkworthy' as const, desc: true };
        expect(await countClaims(f), String(min)).toBe((await reference(f)).length);
      }
      expect(keys).not.toHaveBeenCalled();
    } finally {
      keys.mockRestore();
    }
  });

  test('a small tag sorted by verdict reads its rows only until the page is full, not the whole tag', async () => {
    await seed();
    const template = (await db.claims.toArray())[0]!;
    // 3,000 claims, one in ten tagged "crime"; of those, half direct, one in five false, the rest unchecked
    const copies: Claim[] = Array.from({ length: 3_000 }, (_, i) => ({
      ...template,
      id: `copy-${String(i).padStart(4, '0')}` as ClaimId,
      start: 10_000 + i * 10,
      end: 10_005 + i * 10,
      kind: (i / 10) % 2 === 0 ? 'direct' : 'indirect',
      verdict: (i / 10) % 5 === 2 ? 'false' : 'unchecked',
      tags: i % 10 === 0 ? ['crime'] : [],
      deletedAt: null,
    }));
    await db.claims.bulkPut(copies);
    const rowsRead: number[] = [];
    const getAll = IDBIndex.prototype.getAll;
    const spy = vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (
      this: IDBIndex,
      ...args: Parameters<IDBIndex['getAll']>
    ) {
      const request = getAll.apply(this, args);
      request.addEventListener('success', () => rowsRead.push(request.result.length));
      return request;
    });
    try {
      const f = { ...EMPTY_FILTERS, tags: ['crime'], kinds: ['direct' as const], sort: 'verdict' as const };
      const expected = await reference(f);
      rowsRead.length = 0;
      const claimsRead = vi.spyOn(IDBObjectStore.prototype, 'get');
      expect((await claimIdsPage(f, { limit: 60 })).ids).toEqual(expected.slice(0, 60));
      // the first 60 unchecked direct claims lie in the first ~150 of the tag's 300 rows
      const read = rowsRead.reduce((a, b) => a + b, 0);
      expect(read).toBeLessThan(250);
      // a claim is read for its verdict only where the row is direct (half of them): the others cannot match
      const claims = claimsRead.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'claims');
      expect(claims.length).toBeLessThanOrEqual(Math.ceil(read / 2));
      claimsRead.mockRestore();
      // pages across the verdicts' boundary, and the last page, in both directions
      for (const desc of [false, true]) {
        const g = { ...f, desc };
        const all = await reference(g);
        for (const offset of [0, 27, 28, 115, 118, all.length - 3]) {
          const page = await claimIdsPage(g, { offset, limit: 5 });
          expect(page.ids, `${desc} ${offset}`).toEqual(all.slice(offset, offset + 5));
          expect(page.next === null, `${desc} ${offset}`).toBe(offset + 5 >= all.length);
        }
      }
    } finally {
      spy.mockRestore();
    }
  });

  test('a page of ten articles reads a share of each article, not a whole page from each', async () => {
    const articleIds = await tenArticles();
    const rowsRead = countRowsRead();
    try {
      const f = { ...EMPTY_FILTERS, articleIds };
      const expected = await reference(f);
      rowsRead.length = 0;
      expect((await claimIdsPage(f, { limit: 50 })).ids).toEqual(expected.slice(0, 50));
      // the first article's 50 in article order: 10 × 11, then that article's next batch (10 × 51 before)
      expect(rowsRead.reduce((a, b) => a + b, 0)).toBeLessThan(250);
      for (const sort of ['article', 'updated'] as const)
        for (const desc of [false, true]) {
          const all = await reference({ ...f, sort, desc });
          for (const offset of [0, 7, 55, 590])
            expect(
              (await claimIdsPage({ ...f, sort, desc }, { offset, limit: 20 })).ids,
              `${sort} ${desc} ${offset}`,
            ).toEqual(all.slice(offset, offset + 20));
        }
    } finally {
      vi.restoreAllMocks();
    }
  });

  test('pages of several articles in article order, by cursor: each claim once, in order', async () => {
    const articleIds = await tenArticles();
    for (const sort of ['article', 'updated'] as const)
      for (const desc of [false, true]) {
        const g = { ...EMPTY_FILTERS, articleIds, sort, desc };
        const all = await reference(g);
        let after: string | null = null;
        const walked: string[] = [];
        for (let page = 0; page < 20; page++) {
          const got = await claimIdsPage(g, { after, limit: 50 });
          walked.push(...got.ids);
          after = got.next;
          if (after === null) break;
        }
        expect(walked, `${sort} ${desc}`).toEqual(all);
      }
  });

  test("a table page reads its claims, links, speakers' names and articles' titles in one transaction after the ids", async () => {
    const { speakers } = await seed();
    // the stores of the transaction each speaker and article head is read in
    const opened: string[][] = [];
    const get = IDBObjectStore.prototype.get;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['get']>
    ) {
      if (this.name === 'speakers' || this.name === 'articleHeads')
        opened.push([...Array.from(this.transaction.objectStoreNames)].sort());
      return get.apply(this, args);
    });
    try {
      const rows = await listTableClaims({ sort: 'updated' }, { limit: 100 });
      expect(rows.map((r) => r.id)).toEqual(await reference({ ...EMPTY_FILTERS, sort: 'updated' }));
      expect(rows.every((r) => r.speakerName !== null && r.articleTitle !== null)).toBe(true);
      // main read the names in a transaction of their own, after the claims'
      expect(opened.length).toBeGreaterThan(0);
      for (const stores of opened)
        expect(stores).toEqual(['articleHeads', 'claimSourced', 'claims', 'evidence', 'speakers']);
    } finally {
      spy.mockRestore();
    }
    // a claim whose facet row named another speaker when the ids were read: named by its own
    const row = (await db.claimFacets.toArray()).find((f) => f.live === 1 && f.s !== null)!;
    const other = speakers.find((s) => s.id !== row.s)!;
    await db.claimFacets.put({ ...row, s: other.id });
    const rows = await listTableClaims({}, { limit: 100 });
    const named = rows.find((r) => r.id === row.id)!;
    expect(named.speakerName).toBe(speakers.find((s) => s.id === row.s)!.name);
  });

  test('a page with no criterion (the whole library, a minimum check-worthiness) reads no summary row first', async () => {
    await seed();
    const summaries = vi.spyOn(db.summaries, 'bulkGet');
    try {
      for (const f of [
        EMPTY_FILTERS,
        { ...EMPTY_FILTERS, sort: 'updated' as const, desc: true },
        { ...EMPTY_FILTERS, minCheckworthy: 0.5 },
        { ...EMPTY_FILTERS, minCheckworthy: 0.5, sort: 'checkworthy' as const, desc: true },
      ]) {
        const rows = await listTableClaims(f, { limit: 3 });
        expect(rows.map((r) => r.id)).toEqual((await reference(f)).slice(0, 3));
        expect(await matchingClaimIds(f)).toEqual(await reference(f));
      }
      expect(summaries).not.toHaveBeenCalled();
      // a criterion is sized from them, "no source" too
      for (const f of [
        { ...EMPTY_FILTERS, verdicts: ['false' as const] },
        { ...EMPTY_FILTERS, source: 'without' as const },
      ]) {
        summaries.mockClear();
        expect((await listTableClaims(f, { limit: 3 })).map((r) => r.id)).toEqual(
          (await reference(f)).slice(0, 3),
        );
        expect(summaries).toHaveBeenCalled();
      }
    } finally {
      summaries.mockRestore();
    }
  });

  test("a page with no criterion asks for its facet rows in the caller's task (a screen's first render)", async () => {
    await seed();
    await listTableClaims({}, { limit: 1 }); // the database open
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    try {
      for (const f of [
        EMPTY_FILTERS,
        { ...EMPTY_FILTERS, sort: 'checkworthy' as const, minCheckworthy: 0.5 },
      ]) {
        getAll.mockClear();
        const page = listTableClaims(f, { limit: 100 });
        // no await between: asked before the caller's task ends
        expect(getAll).toHaveBeenCalledTimes(1);
        expect((await page).map((r) => r.id)).toEqual((await reference(f)).slice(0, 100));
      }
    } finally {
      getAll.mockRestore();
    }
  });

  test('a table page reads the links of its claims with a source only, a request each, no cursor', async () => {
    const { ids } = await seed();
    await attachSource(ids[2]! as ClaimId, { url: 'https://example.org/a', title: 'A' });
    await attachSource(ids[2]! as ClaimId, { url: 'https://example.org/b', title: 'B' });
    const links: string[] = []; // the evidence index's batch reads
    const cursors: string[] = [];
    const getAll = IDBIndex.prototype.getAll;
    const openCursor = IDBIndex.prototype.openCursor;
    const spies = [
      vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (
        this: IDBIndex,
        ...args: Parameters<IDBIndex['getAll']>
      ) {
        if (this.objectStore.name === 'evidence') links.push(this.name);
        return getAll.apply(this, args);
      }),
      vi.spyOn(IDBIndex.prototype, 'openCursor').mockImplementation(function (
        this: IDBIndex,
        ...args: Parameters<IDBIndex['openCursor']>
      ) {
        if (this.objectStore.name === 'evidence') cursors.push(this.name);
        return openCursor.apply(this, args);
      }),
    ];
    try {
      const rows = await listTableClaims({}, { limit: 100 });
      // main walked one cursor over every id of the page
      expect(cursors).toEqual([]);
      // one request per claim with a source
      expect(links.length).toBe(rows.filter((r) => r.sourceCount > 0).length);
      expect(links.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.id)).toEqual(await reference(EMPTY_FILTERS));
      // the same counts and flags as the rows read by id
      const byId = await claimRows(rows.map((r) => r.id));
      expect(rows.map((r) => [r.sourceCount, r.flagged])).toEqual(
        byId.map((r) => [r.sourceCount, r.flagged]),
      );
      expect(rows.find((r) => r.id === ids[2])?.sourceCount).toBe(2);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  test('a page whose screen is left while its ids are read asks for none of their rows', async () => {
    await seed();
    await listTableClaims({}, { limit: 1 }); // the database open
    const leaving = new AbortController();
    const rowReads = vi.spyOn(IDBObjectStore.prototype, 'get');
    const linkReads = vi.spyOn(IDBIndex.prototype, 'getAll');
    try {
      const page = listTableClaims({}, { limit: 100 }, leaving.signal);
      leaving.abort(); // before the ids are in
      await expect(page).rejects.toMatchObject({ name: 'AbortError' });
      expect(rowReads).not.toHaveBeenCalled();
      // the ids' one batch read, no link read
      expect(linkReads.mock.contexts.map((index) => (index as IDBIndex).objectStore.name)).not.toContain(
        'evidence',
      );
    } finally {
      rowReads.mockRestore();
      linkReads.mockRestore();
    }
    // not left: the same page, whole
    const rows = await listTableClaims({}, { limit: 100 }, new AbortController().signal);
    expect(rows.map((r) => r.id)).toEqual(await reference(EMPTY_FILTERS));
  });

  test("the table's rows carry their speaker's name and their article's title, read by key", async () => {
    const { ids, speakers, articles } = await seed();
    const names = new Map(speakers.map((s) => [s.id as string, s.name]));
    const titles = new Map(articles.map((a) => [a.id as string, a.title]));
    const rows = await listTableClaims({}, { limit: 100 });
    expect(rows.map((r) => r.id)).toEqual(await reference(EMPTY_FILTERS));
    for (const r of rows) {
      expect(r.speakerName).toBe(r.speakerId ? names.get(r.speakerId) : null);
      expect(r.articleTitle).toBe(titles.get(r.articleId));
    }
    expect(rows.every((r) => r.speakerName !== null && r.articleTitle !== null)).toBe(true);
    // no speaker, a speaker in the trash, an article not there: no name, no title
    const billings = speakers.find((s) => s.name === 'Alan Billings')!;
    await db.speakers.update(billings.id, { deletedAt: Date.now() });
    const [first] = await claimRows([ids[0]!] as ClaimId[]);
    const labelled = await labelClaimRows([
      { ...first!, speakerId: billings.id, articleId: 'gone' as never },
      { ...first!, speakerId: null },
    ]);
    expect(labelled.map((r) => [r.speakerName, r.articleTitle])).toEqual([
      [null, null],
      [null, titles.get(first!.articleId)],
    ]);
  });
});
