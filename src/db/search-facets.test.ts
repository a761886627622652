/**
 * The filter values the search index keeps (search-facets.ts): a text query with any other filter
 * answers from them exactly as the row path (each hit's facet row read) does, after any sequence of
 * edits made since the index was built or loaded; and an index saved before them still loads.
 */
import fc from 'fast-check';
import { beforeEach, expect, test, vi } from 'vitest';
import type { ClaimId, Verdict } from '@/core/model/types';
import { CLAIM_SORTS, type ClaimFilters, EMPTY_FILTERS } from '@/core/review/filters';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { fuzzRuns, fuzzTimeout } from '@/test/fuzz';
import { saveImportedArticle } from './articles';
import { filteredSearchHits, matchingClaimIds, SEARCH_LIMIT } from './claim-list';
import {
  addTagToClaims,
  removeTagFromClaims,
  restoreClaim,
  setClaimsVerdict,
  softDeleteClaim,
  updateClaim,
} from './claims';
import { db } from './db';
import { WIDENED } from './derived/middleware';
import { type RebuildCursor, rebuildStepIn, startRebuildIn } from './derived/rebuild';
import { attachSource, removeEvidence } from './evidence';
import {
  claimSearchStats,
  resetClaimSearch,
  saveClaimSearch,
  searchClaimIdsHere,
  searchClaims,
} from './search';
import { undo } from './undo';

beforeEach(resetDb);

async function seed() {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  const claims = await db.claims.orderBy('[articleId+start]').toArray();
  return {
    ids: claims.map((c) => c.id),
    articles: (await db.articles.toArray()).map((a) => a.id as string),
    speakers: (await db.speakers.toArray()).map((s) => s.id as string),
  };
}

/** The row path: the hits' facet rows read and checked. */
async function byRows(f: ClaimFilters): Promise<string[]> {
  return filteredSearchHits(f, await searchClaims(f.q, SEARCH_LIMIT));
}

/** Words that match several of the seeded claims (speaker names are searched too). */
const QUERIES = ['billings', 'officers', 'report', 'trust', 'the', 'alan', 'girls'] as const;
const TAGS = ['Budget', 'crime', 'x y'] as const;
const VERDICTS: readonly Verdict[] = ['unchecked', 'true', 'false', 'misleading'];

/** A criterion left out two times in three: a few criteria at a time, so most filters keep some hits. */
const sometimes = <T>(none: T, some: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(none) }, { weight: 1, arbitrary: some });
const filterArb = fc.record({
  q: fc.constantFrom(...QUERIES),
  verdicts: sometimes([], fc.subarray([...VERDICTS], { minLength: 1, maxLength: 2 })),
  kinds: sometimes(
    [],
    fc.subarray(['direct', 'mixed', 'unattributed'] as const, { minLength: 1, maxLength: 2 }),
  ),
  tags: sometimes([], fc.subarray(['budget', 'Crime', 'x y'], { minLength: 1, maxLength: 2 })),
  source: sometimes<ClaimFilters['source']>('any', fc.constantFrom('with', 'without')),
  minCheckworthy: sometimes<number | null>(null, fc.constantFrom(0.3, 0.5, 0.9)),
  sort: fc.constantFrom(...CLAIM_SORTS),
  desc: fc.boolean(),
  article: sometimes(-1, fc.constantFrom(0, 1)),
  speaker: sometimes(-1, fc.constantFrom(0, 1, 2)),
});

type Op =
  | { op: 'verdict'; i: number; v: Verdict }
  | { op: 'tag' | 'untag'; i: number; tag: string }
  | { op: 'source' | 'unsource' | 'delete' | 'restore'; i: number }
  | { op: 'score'; i: number; score: number }
  | { op: 'pull'; i: number; v: Verdict }
  | { op: 'pullBatch'; v: Verdict }
  | { op: 'rebuild' }
  | { op: 'undo' };

const i = fc.nat({ max: 5 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('verdict' as const), i, v: fc.constantFrom(...VERDICTS) }),
  fc.record({ op: fc.constantFrom('tag' as const, 'untag' as const), i, tag: fc.constantFrom(...TAGS) }),
  fc.record({
    op: fc.constantFrom('source' as const, 'unsource' as const, 'delete' as const, 'restore' as const),
    i,
  }),
  fc.record({ op: fc.constant('score' as const), i, score: fc.constantFrom(0.1, 0.3, 0.5, 0.7, 0.95) }),
  fc.record({ op: fc.constant('pull' as const), i, v: fc.constantFrom(...VERDICTS) }),
  fc.record({ op: fc.constant('pullBatch' as const), v: fc.constantFrom(...VERDICTS) }),
  fc.constant({ op: 'rebuild' as const }),
  fc.constant({ op: 'undo' as const }),
);

/** A pull's batch: every claim with this verdict, and copies to make 50 rows (Dexie notes those by range, not key). */
async function pullBatch(v: Verdict): Promise<void> {
  const claims = (await db.claims.toArray()).filter((c) => !c.id.includes('.pulled'));
  const rows = Array.from({ length: Math.max(50, claims.length) }, (_, n) => {
    const c = claims[n % claims.length]!;
    const id = (n < claims.length ? c.id : `${c.id}.pulled${n}`) as ClaimId;
    return { ...c, id, verdict: v, updatedAt: c.updatedAt - 60_000 };
  });
  await db.claims.bulkPut(rows);
}

/** A sync catch-up's rebuild of the derived rows: the facet rows cleared, then written again in steps. */
async function rebuildInSteps(size: number): Promise<void> {
  const tables = WIDENED.map((n) => db.table(n));
  let cursor: RebuildCursor | null = await db.transaction('rw', tables, (tx) =>
    startRebuildIn((n) => tx.table(n)),
  );
  while (cursor !== null) {
    const from: RebuildCursor = cursor;
    cursor = await db.transaction('rw', tables, (tx) => rebuildStepIn((n) => tx.table(n), from, size));
  }
}

async function apply(o: Op, ids: readonly ClaimId[]): Promise<void> {
  if (o.op === 'undo') {
    await undo();
    return;
  }
  if (o.op === 'pullBatch') {
    await pullBatch(o.v);
    return;
  }
  if (o.op === 'rebuild') {
    await rebuildInSteps(2);
    return;
  }
  const id = ids[o.i % ids.length]!;
  const claim = (await db.claims.get(id))!;
  const live = claim.deletedAt === null;
  switch (o.op) {
    case 'verdict':
      if (live) await setClaimsVerdict([id], o.v);
      return;
    case 'tag':
      if (live) await addTagToClaims([id], o.tag);
      return;
    case 'untag':
      if (live) await removeTagFromClaims([id], o.tag);
      return;
    case 'source':
      if (live) await attachSource(id, { url: `https://example.org/${o.i}`, title: 'A source' });
      return;
    case 'unsource': {
      const links = await db.evidence.where('claimId').equals(id).toArray();
      const link = links.find((e) => e.deletedAt === null);
      if (link) await removeEvidence(link.id);
      return;
    }
    case 'delete':
      if (live) await softDeleteClaim(id);
      return;
    case 'restore':
      if (!live) await restoreClaim(id);
      return;
    case 'score':
      if (live) await updateClaim(id, { checkworthy: { score: o.score, signals: [] } });
      return;
    case 'pull':
      // as a sync pull writes a change made elsewhere: the row put with the clock it had there
      await db.claims.put({ ...claim, verdict: o.v, updatedAt: claim.updatedAt - 60_000 });
      return;
  }
}

type Seeded = Awaited<ReturnType<typeof seed>>;

/** Verdicts, tags, sources, scores and a tombstone (the seed's five claims), before the index is built. */
async function varied(ids: readonly ClaimId[]): Promise<void> {
  const [a, b, c, d, e] = ids as [ClaimId, ClaimId, ClaimId, ClaimId, ClaimId];
  await setClaimsVerdict([a, e], 'false');
  await setClaimsVerdict([b], 'true');
  await addTagToClaims([a, c], 'Budget');
  await addTagToClaims([c], 'crime');
  await attachSource(b, { url: 'https://example.org/report', title: 'Force annual report' });
  await attachSource(c, { url: 'https://example.org/other', title: 'Another' });
  await updateClaim(c, { checkworthy: { score: 0.9, signals: ['number'] } });
  await updateClaim(e, { checkworthy: { score: 0.3, signals: [] } });
  await softDeleteClaim(d);
}

type Spec = typeof filterArb extends fc.Arbitrary<infer T> ? T : never;

const filtersOf = (r: Spec, s: Seeded): ClaimFilters => {
  const { article, speaker, ...rest } = r;
  return {
    ...EMPTY_FILTERS,
    ...rest,
    articleIds: article < 0 ? [] : [s.articles[article]!],
    speakerIds: speaker < 0 ? [] : [s.speakers[speaker]!],
  } as ClaimFilters;
};

async function expectSameAsRows(f: ClaimFilters, label: string): Promise<void> {
  // the last write's note (Dexie's storagemutated, a moment after the commit) taken in first: the
  // two searches below then rank alike (a claim re-indexed between them moves among equal scores);
  // and searched once more: the first search after a replace drops the replaced documents' postings
  // as it meets them, which moves the scores of the next (MiniSearch's own way, claim-index.test.ts)
  await new Promise((r) => setTimeout(r, 0));
  await searchClaims(f.q);
  await searchClaims(f.q);
  const kept = await searchClaimIdsHere(f, SEARCH_LIMIT);
  expect(claimSearchStats().lastFilter, label).toBe('values');
  expect(kept, label).toEqual(await byRows(f));
}

const keptAsRows = fc.asyncProperty(
  fc.array(filterArb, { minLength: 1, maxLength: 4 }),
  fc.array(opArb, { maxLength: 8 }),
  fc.boolean(),
  async (filterSpecs, ops, reload) => {
    await resetDb();
    resetClaimSearch();
    const s = await seed();
    await varied(s.ids);
    const filters = filterSpecs.map((r) => filtersOf(r, s));
    for (const f of filters) await expectSameAsRows(f, JSON.stringify({ f, at: 'start' }));
    if (reload) {
      // a later start: the index and its values come from the saved copy
      await saveClaimSearch();
      resetClaimSearch();
    }
    for (const [n, o] of ops.entries()) {
      await apply(o, s.ids);
      for (const f of filters) await expectSameAsRows(f, JSON.stringify({ f, ops: ops.slice(0, n + 1) }));
    }
  },
);

test(
  'a text query with any filter, in any sort, answers from the kept values as the row path does, after any edits',
  async () => {
    await fc.assert(keptAsRows, { numRuns: fuzzRuns(40) });
  },
  fuzzTimeout(),
);

test("regression: the case the property found in session 15's CI (seed -152014526) passes", async () => {
  // shrunk: a pulled write after a reload, missed by the kept values (see the plain case below)
  await fc.assert(keptAsRows, {
    seed: -152014526,
    path: '16:1:3:3:3:3:3:3:3:3:3:3:3:6:6',
    endOnFailure: true,
  });
});

test('a pulled write (older clock) after a reload reaches the kept values: the filter answers as the rows do', async () => {
  const s = await seed();
  await varied(s.ids);
  const f: ClaimFilters = {
    ...EMPTY_FILTERS,
    q: 'the',
    verdicts: ['true'],
    kinds: ['direct', 'unattributed'],
    minCheckworthy: 0.3,
    sort: 'article',
  };
  await expectSameAsRows(f, 'built');
  await saveClaimSearch();
  resetClaimSearch(); // a later start: the index and its values from the saved copy
  const claim = (await db.claims.get(s.ids[0]!))!;
  await db.claims.put({ ...claim, verdict: 'true', updatedAt: claim.updatedAt - 60_000 });
  await expectSameAsRows(f, 'after the pull');
  expect(await searchClaimIdsHere(f, SEARCH_LIMIT)).toContain(claim.id);
});

test('the values follow each kind of edit (verdict, tags, source added and removed, delete, undo, a pulled write)', async () => {
  await seed();
  const [a, b] = (await searchClaims('billings')).map((h) => h.id as ClaimId);
  if (!a || !b) throw new Error('expected two claims of Alan Billings');
  const unchecked = { ...EMPTY_FILTERS, q: 'billings', verdicts: ['unchecked'] as Verdict[] };
  const falseOnes = { ...unchecked, verdicts: ['false'] as Verdict[] };
  const ask = async (f: ClaimFilters) => {
    const kept = await searchClaimIdsHere(f, SEARCH_LIMIT);
    expect(claimSearchStats().lastFilter).toBe('values');
    return kept;
  };
  expect(await ask(unchecked)).toContain(a);
  await setClaimsVerdict([a], 'false');
  expect(await ask(unchecked)).not.toContain(a);
  expect(await ask(falseOnes)).toEqual([a]);
  await undo();
  expect(await ask(falseOnes)).toEqual([]);

  const tagged = { ...EMPTY_FILTERS, q: 'billings', tags: ['budget'] };
  await addTagToClaims([a], 'Budget');
  expect(await ask(tagged)).toEqual([a]);
  await removeTagFromClaims([a], 'budget');
  expect(await ask(tagged)).toEqual([]);

  const sourced = { ...EMPTY_FILTERS, q: 'billings', source: 'with' as const };
  const { evidence } = await attachSource(b, { url: 'https://example.org/r', title: 'Report' });
  expect(await ask(sourced)).toEqual([b]);
  await removeEvidence(evidence.id);
  expect(await ask(sourced)).toEqual([]);

  await softDeleteClaim(a);
  expect(await ask(unchecked)).not.toContain(a);
  await undo();
  expect(await ask(unchecked)).toContain(a);

  // a pulled change: written with the clock it had elsewhere, older than the index's last look
  const row = (await db.claims.get(b))!;
  await db.claims.put({ ...row, verdict: 'false', updatedAt: row.updatedAt - 60_000 });
  expect(await ask(falseOnes)).toEqual([b]);
});

test('an index saved before the values were kept loads, answers by rows until they are filled, then saves them', async () => {
  await seed();
  const f = { ...EMPTY_FILTERS, q: 'billings', verdicts: ['unchecked'] as Verdict[] };
  const first = (await matchingClaimIds(f))[0];
  if (!first) throw new Error('expected an unchecked claim of Alan Billings');
  await saveClaimSearch();
  // the values are a row of their own beside the index's (a start's first search reads only the index)
  expect((await db.searchIndex.get('claims'))?.facets).toBeUndefined();
  expect((await db.searchIndex.get('claimFacets'))?.facets?.format).toBe(1);
  await db.searchIndex.delete('claimFacets'); // as saved before them
  resetClaimSearch();
  await setClaimsVerdict([first], 'false');

  // answered by the hits' rows while their values are not known (they are read a moment later)
  const kept = await searchClaimIdsHere(f, SEARCH_LIMIT);
  expect(claimSearchStats()).toMatchObject({ loaded: true, lastFilter: 'rows' });
  expect(kept).toEqual(await byRows(f));
  expect(kept).not.toContain(first);
  // the values are read in the background and saved with the index
  for (let n = 0; n < 200 && !(await db.searchIndex.get('claimFacets')); n++)
    await new Promise((r) => setTimeout(r, 25));
  expect(claimSearchStats().filledFacets).toBeGreaterThan(0);
  expect((await db.searchIndex.get('claimFacets'))?.facets?.format).toBe(1);
  expect(await searchClaimIdsHere(f, SEARCH_LIMIT)).toEqual(kept);
  expect(claimSearchStats().lastFilter).toBe('values');
  resetClaimSearch();
  expect(await searchClaimIdsHere(f, SEARCH_LIMIT)).toEqual(kept);
  expect(claimSearchStats()).toMatchObject({ loaded: true, lastFilter: 'values', filledFacets: 0 });

  // values saved with another clock than the index's (an index saved without them since) are not used
  const values = (await db.searchIndex.get('claimFacets'))!;
  await db.searchIndex.put({ ...values, since: values.since - 1 });
  resetClaimSearch();
  expect(await searchClaimIdsHere(f, SEARCH_LIMIT)).toEqual(kept);
  expect(claimSearchStats().lastFilter).toBe('rows');

  // nor damaged ones (a code with no value in its dictionary)
  const facets = values.facets!;
  await db.searchIndex.put({ ...values, facets: { ...facets, v: { ...facets.v, values: [] } } });
  resetClaimSearch();
  expect(await searchClaimIdsHere(f, SEARCH_LIMIT)).toEqual(kept);
  expect(claimSearchStats().lastFilter).toBe('rows');
});

test("a start's plain text search reads the index's row alone; the values' row is read when a filter first needs it", async () => {
  await seed();
  expect((await searchClaims('billings')).length).toBeGreaterThan(0);
  await saveClaimSearch();
  resetClaimSearch();
  const get = vi.spyOn(db.searchIndex, 'get');
  try {
    const read = () => get.mock.calls.map(([key]) => key);
    expect(await searchClaimIdsHere({ ...EMPTY_FILTERS, q: 'billings' }, SEARCH_LIMIT)).not.toEqual([]);
    expect(read()).toEqual(['claims', 'claimsClock']);
    const f = { ...EMPTY_FILTERS, q: 'billings', verdicts: ['unchecked'] as Verdict[] };
    const kept = await searchClaimIdsHere(f, SEARCH_LIMIT);
    expect(read()).toEqual(['claims', 'claimsClock', 'claimFacets']);
    expect(claimSearchStats().lastFilter).toBe('values');
    expect(kept).toEqual(await byRows(f));
  } finally {
    get.mockRestore();
  }
});

test("a start's saved values are read once no query has been asked for a moment, not while queries come", async () => {
  await seed();
  expect((await searchClaims('billings')).length).toBeGreaterThan(0);
  await saveClaimSearch();
  resetClaimSearch();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  const get = vi.spyOn(db.searchIndex, 'get');
  try {
    const valuesRead = () => get.mock.calls.some(([key]) => (key as unknown) === 'claimFacets');
    expect((await searchClaims('billings')).length).toBeGreaterThan(0); // the start: the index loaded
    // someone typing: a query every 200 ms, well past the moment the values are due (1 s after the load)
    for (let ms = 0; ms < 2_000; ms += 200) {
      await vi.advanceTimersByTimeAsync(200);
      await searchClaims('bill');
    }
    expect(valuesRead()).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000); // a pause
    expect(valuesRead()).toBe(true);
    const f = { ...EMPTY_FILTERS, q: 'billings', verdicts: ['unchecked'] as Verdict[] };
    expect(await searchClaimIdsHere(f, SEARCH_LIMIT)).toEqual(await byRows(f));
    expect(claimSearchStats().lastFilter).toBe('values');
  } finally {
    get.mockRestore();
    vi.useRealTimers();
  }
});

/**
 * Returns once the clock has left the current millisecond. A refresh reads the rows changed at or after
 * its start (by design: the same millisecond is read again), so a test that expects a reload to re-read
 * nothing lets the clock pass the edit before the refresh that the save records.
 */
async function nextMillisecond() {
  const now = Date.now();
  while (Date.now() <= now) await new Promise((r) => setTimeout(r, 1));
}

test("after a verdict-only bulk edit the index's row is not written again, the values' row is; a reload finds and filters right", async () => {
  const { ids } = await seed();
  expect((await searchClaims('billings')).length).toBeGreaterThan(0);
  expect(await saveClaimSearch()).toBe(true);
  resetClaimSearch(); // a start: the index loaded, its values (and documents' hashes) read when a filter needs them
  const unchecked = { ...EMPTY_FILTERS, q: 'the', verdicts: ['unchecked'] as Verdict[] };
  const falseOnes = { ...unchecked, verdicts: ['false'] as Verdict[] };
  const before = await searchClaimIdsHere(unchecked, SEARCH_LIMIT);
  expect(claimSearchStats()).toMatchObject({ loaded: true, lastFilter: 'values' });
  const edited = before.slice(0, 3) as ClaimId[];
  expect(edited).toHaveLength(3);
  const indexRow = (await db.searchIndex.get('claims'))!;
  const plain = (await searchClaims('the')).map((h) => h.id);

  await setClaimsVerdict(edited, 'false');
  await nextMillisecond();
  const edits = await searchClaimIdsHere(falseOnes, SEARCH_LIMIT);
  expect(claimSearchStats().lastRefreshed).toBe(edited.length);
  expect(edits).toEqual(await byRows(falseOnes));
  expect(await saveClaimSearch()).toBe(true);
  const after = (await db.searchIndex.get('claims'))!;
  const values = (await db.searchIndex.get('claimFacets'))!;
  const clock = (await db.searchIndex.get('claimsClock'))!;
  // the index's row as it was (no document changed); the values and the clock moved on
  expect(after.since).toBe(indexRow.since);
  expect(after.packed).toEqual(indexRow.packed);
  expect(values.since).toBeGreaterThan(indexRow.since);
  expect(clock).toMatchObject({ since: values.since, indexSince: indexRow.since });

  // a reload: loaded at the clock the values were saved with, so its refresh re-reads nothing
  resetClaimSearch();
  const kept = await searchClaimIdsHere(falseOnes, SEARCH_LIMIT);
  expect(claimSearchStats()).toMatchObject({ loaded: true, lastRefreshed: 0, lastFilter: 'values' });
  expect([...kept].sort()).toEqual([...edited].sort());
  expect(kept).toEqual(await byRows(falseOnes));
  expect(await searchClaimIdsHere(unchecked, SEARCH_LIMIT)).toEqual(await byRows(unchecked));
  expect((await searchClaims('the')).map((h) => h.id)).toEqual(plain);

  // a second verdict edit after that reload (the documents' hashes were saved with the values): the same
  await setClaimsVerdict([edited[0]!], 'true');
  expect(await searchClaimIdsHere(falseOnes, SEARCH_LIMIT)).toEqual(await byRows(falseOnes));
  expect(await saveClaimSearch()).toBe(true);
  expect((await db.searchIndex.get('claims'))!.since).toBe(indexRow.since);

  // a note edit changes a document: the index's row is written again, and the clock with it
  await updateClaim(ids[0] as ClaimId, { notes: 'Zeppelins overhead.' });
  await nextMillisecond();
  expect((await searchClaims('zeppelins')).map((h) => h.id)).toEqual([ids[0]]);
  expect(await saveClaimSearch()).toBe(true);
  const rewritten = (await db.searchIndex.get('claims'))!;
  expect(rewritten.since).toBeGreaterThan(indexRow.since);
  expect((await db.searchIndex.get('claimsClock'))!.indexSince).toBe(rewritten.since);
  resetClaimSearch();
  expect((await searchClaims('zeppelins')).map((h) => h.id)).toEqual([ids[0]]);
  expect(claimSearchStats().lastRefreshed).toBe(0);
});

test('verdicts pulled 50 or more at a time (older clocks) reach the kept values', async () => {
  const s = await seed();
  await varied(s.ids);
  const f = { ...EMPTY_FILTERS, q: 'the', verdicts: ['misleading'] as Verdict[] };
  await expectSameAsRows(f, 'built');
  const claims = await db.claims.count();
  await pullBatch('misleading');
  await expectSameAsRows(f, 'after the pull');
  expect((await searchClaimIdsHere(f, SEARCH_LIMIT)).length).toBeGreaterThan(claims);
});

test("a rebuild of the facet rows (a sync catch-up's chunked steps) is followed: values cleared, then read again", async () => {
  const s = await seed();
  await varied(s.ids);
  const f = { ...EMPTY_FILTERS, q: 'the', verdicts: ['unchecked'] as Verdict[] };
  await expectSameAsRows(f, 'built');
  const tables = WIDENED.map((n) => db.table(n));
  // the first step deletes every facet row: the row path keeps no hit until they are written again
  let cursor: RebuildCursor | null = await db.transaction('rw', tables, (tx) =>
    startRebuildIn((n) => tx.table(n)),
  );
  await new Promise((r) => setTimeout(r, 0));
  expect(await searchClaimIdsHere(f, SEARCH_LIMIT)).toEqual(await byRows(f));
  expect(await byRows(f)).toEqual([]);
  while (cursor !== null) {
    const from: RebuildCursor = cursor;
    cursor = await db.transaction('rw', tables, (tx) => rebuildStepIn((n) => tx.table(n), from, 2));
  }
  await new Promise((r) => setTimeout(r, 0)); // the last step's note
  // the values read again; since schema v14 the steps also write each claim back with its hot keys,
  // so the claims' documents are read again too (unchanged: the index keeps them as they were)
  expect(await searchClaimIdsHere(f, SEARCH_LIMIT)).not.toEqual([]);
  expect(claimSearchStats()).toMatchObject({ lastRefreshed: s.ids.length, lastFilter: 'values' });
  await expectSameAsRows(f, 'rebuilt');
});

test('a query made while a refresh is under way waits for it: it does not answer without the changes that refresh took', async () => {
  const s = await seed();
  await varied(s.ids);
  const f = { ...EMPTY_FILTERS, q: 'the', verdicts: ['misleading'] as Verdict[] };
  await expectSameAsRows(f, 'built');
  const claim = (await db.claims.get(s.ids[0]!))!;
  await db.claims.put({ ...claim, verdict: 'misleading', updatedAt: claim.updatedAt - 60_000 });
  await new Promise((r) => setTimeout(r, 0)); // the write's note
  // the first query's refresh takes the note and reads the claim; the second asks meanwhile
  const first = searchClaimIdsHere(f, SEARCH_LIMIT);
  const second = searchClaimIdsHere(f, SEARCH_LIMIT);
  expect(await second).toEqual([claim.id]);
  expect(await first).toEqual([claim.id]);
});
