/**
 * The schema history harness: for each version in SCHEMA_VERSIONS, open an empty database at
 * that version (from its stored description), write rows as the app of that version did, then
 * open it with the current `db` and check every row survived with the upgrades applied.
 *
 * Adding a version: add it to SCHEMA_VERSIONS (schema.ts), then add a step here with `seed`
 * (rows in the shape that version wrote) and `verify` (those rows as the current version reads them).
 */
import { Dexie } from 'dexie';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type {
  Article,
  Claim,
  ClaimId,
  Evidence,
  HistoryEntry,
  Question,
  Source,
  Speaker,
} from '@/core/model/types';
import { resetDb } from '@/test/db';
import { countClaims, listClaimPage, matchingClaimIds } from './claim-list';
import { setClaimsVerdict } from './claims';
import { type ClaimdeskDb, db, declareSchema } from './db';
import { headOf } from './derived/article-heads';
import { facetOf, isVolatile, LIBRARY, SEP, type SortCode } from './derived/facets';
import { hotKeysOf, storedFacetOf } from './derived/hot-keys';
import { isHotKey, storedFormOf } from './derived/old-facets';
import { byPlacementKey, computePlacements, unpack } from './derived/placements';
import { computeDerived } from './derived/rebuild';
import { recordHistory } from './history';
import { withoutHead } from './history-heads';
import { countHistory, historyByIds, historyOfBatch, historyOfRow, newestHeads } from './history-read';
import { type ArticleSummary, articleQueries } from './queries';
import { CURRENT_VERSION, DB_NAME, SCHEMA_VERSIONS } from './schema';
import { countsOf } from './summaries';
import { storedClaims } from './testing/stored-claims';
import { loadWriteLayer } from './write-layer-load';

type Step = Readonly<{
  version: number;
  seed: (old: Dexie) => Promise<void>;
  verify: (current: ClaimdeskDb) => Promise<void>;
}>;

const t0 = 1_700_000_000_000;

const v1 = {
  article: {
    id: 'a-1',
    title: 'Police chief pledges more officers',
    text: 'Police chief pledges more officers\n\nDr Alan Billings said: "We have 200 more officers."',
    outlet: 'Yorkshire Post',
    url: 'https://example.org/a',
    publishedAt: '2024-05-01',
    importedAt: t0,
    extractorVersion: '0.1.0',
    sha256: 'f'.repeat(64),
    boilerplate: [{ start: 0, end: 5, reason: 'ad' }],
    updatedAt: t0,
    deletedAt: null,
  },
  speaker: {
    id: 's-1',
    name: 'Alan Billings',
    key: 'alan billings',
    type: 'person',
    role: 'police and crime commissioner',
    aliases: ['Dr Billings'],
    updatedAt: t0,
    deletedAt: null,
  },
  claim: {
    id: 'c-1',
    articleId: 'a-1',
    speakerId: 's-1',
    text: 'We have 200 more officers.',
    start: 59,
    end: 85,
    quote: { exact: 'We have 200 more officers.', prefix: 'Billings said: "', suffix: '"' },
    kind: 'direct',
    cue: { start: 52, end: 56, text: 'said' },
    speakerMention: { start: 36, end: 51, text: 'Dr Alan Billings' },
    confidence: 0.9,
    checkworthy: { score: 0.7, signals: ['number'] },
    verdict: 'mostly true',
    ratingNote: 'Roughly',
    tags: ['police', 'numbers'],
    notes: '',
    origin: 'extracted',
    createdAt: t0,
    updatedAt: t0 + 1,
    deletedAt: null,
  },
  deletedClaim: {
    id: 'c-2',
    articleId: 'a-1',
    speakerId: null,
    text: 'Police chief',
    start: 0,
    end: 12,
    quote: { exact: 'Police chief', prefix: '', suffix: ' pledges more officers' },
    kind: 'headline',
    cue: null,
    speakerMention: null,
    confidence: 0.4,
    checkworthy: { score: 0, signals: [] },
    verdict: 'unchecked',
    ratingNote: '',
    tags: [],
    notes: '',
    origin: 'manual',
    createdAt: t0,
    updatedAt: t0 + 2,
    deletedAt: t0 + 2,
  },
  source: {
    id: 'src-1',
    url: 'https://example.org/stats',
    title: 'Police workforce statistics',
    publisher: 'Home Office',
    date: '2024-01-31',
    type: 'official statistics',
    notes: '',
    excerpt: null,
    updatedAt: t0,
    deletedAt: null,
  },
  evidence: {
    id: 'e-1',
    claimId: 'c-1',
    sourceId: 'src-1',
    relation: 'supports',
    passage: '…',
    note: '',
    updatedAt: t0,
    deletedAt: null,
  },
  question: {
    id: 'q-1',
    text: 'Has policing improved?',
    articleIds: ['a-1'],
    stances: { 'c-1': 'for' },
    updatedAt: t0,
    deletedAt: null,
  },
  history: {
    id: 'h-1',
    table: 'claims',
    rowId: 'c-1',
    batchId: 'b-1',
    action: 'update',
    from: { verdict: 'unchecked' },
    to: { verdict: 'mostly true' },
    at: t0 + 1,
    undoneAt: null,
  },
  meta: { key: 'referenceArticleSeeded', value: true },
} as const;

const v2 = {
  change: {
    ...v1.history,
    rowId: 'c-9',
    id: 'h-2',
    batchId: 'b-2',
    at: t0 + 10,
    batchKind: 'change',
    target: null,
    label: 'Set verdict on 1 claim',
  },
  undo: {
    ...v1.history,
    rowId: 'c-9',
    id: 'h-3',
    batchId: 'b-3',
    from: { verdict: 'mostly true' },
    to: { verdict: 'unchecked' },
    at: t0 + 20,
    batchKind: 'undo',
    target: 'b-2',
  },
} as const;

const v3 = {
  question: {
    id: 'q-4',
    text: 'Did the police act on the councillors’ report?',
    articleIds: [],
    stances: { 'c-7': 'against', 'c-8': 'for' },
    placedClaimIds: ['c-7', 'c-8'],
    updatedAt: t0 + 40,
    deletedAt: null,
  },
} as const;

/** A version-2 library: 3 articles × 40 claims, varied verdicts, kinds, tags, links and tombstones. */
function v2Library() {
  const verdicts = ['unchecked', 'in progress', 'true', 'false', 'misleading'] as const;
  const kinds = ['direct', 'indirect', 'mixed', 'headline', 'unattributed'] as const;
  const articles = [0, 1, 2].map((a) => ({ ...v1.article, id: `lib-a${a}`, sha256: String(a).repeat(64) }));
  const speakers = [0, 1, 2, 3].map((s) => ({
    ...v1.speaker,
    id: `lib-s${s}`,
    name: `Speaker ${s}`,
    key: `speaker ${s}`,
  }));
  const claims = articles.flatMap((a, ai) =>
    Array.from({ length: 40 }, (_, i) => ({
      ...v1.claim,
      id: `lib-c${ai}-${String(i).padStart(2, '0')}`,
      articleId: a.id,
      speakerId: i % 5 === 4 ? null : speakers[(i + ai) % 4]!.id,
      start: i * 10,
      end: i * 10 + 5,
      kind: kinds[i % 5]!,
      verdict: verdicts[(i * 7 + ai) % 5]!,
      tags: i % 3 === 0 ? ['Budget'] : i % 3 === 1 ? ['budget', 'crime'] : [],
      checkworthy: { score: (i % 10) / 10, signals: [] },
      updatedAt: t0 + i,
      deletedAt: i % 11 === 10 ? t0 + 100 : null,
    })),
  );
  const evidence = claims
    .filter((_, i) => i % 4 === 0)
    .map((c, i) => ({
      ...v1.evidence,
      id: `lib-e${i}`,
      claimId: c.id,
      deletedAt: i % 5 === 4 ? t0 + 50 : null,
    }));
  return { articles, speakers, claims, evidence };
}

const STEPS: readonly Step[] = [
  {
    version: 1,
    seed: async (old) => {
      await old.table('articles').add(v1.article);
      await old.table('speakers').add(v1.speaker);
      await old.table('claims').bulkAdd([v1.claim, v1.deletedClaim]);
      await old.table('sources').add(v1.source);
      await old.table('evidence').add(v1.evidence);
      await old.table('questions').add(v1.question);
      await old.table('history').add(v1.history);
      await old.table('meta').add(v1.meta);
    },
    verify: async (current) => {
      expect(await current.articles.get(v1.article.id as Article['id'])).toEqual(v1.article);
      expect(await current.speakers.get(v1.speaker.id as Speaker['id'])).toEqual(v1.speaker);
      expect(await current.claims.get(v1.claim.id as Claim['id'])).toEqual(v1.claim);
      expect(await current.claims.get(v1.deletedClaim.id as Claim['id'])).toEqual(v1.deletedClaim);
      expect(await current.sources.get(v1.source.id as Source['id'])).toEqual(v1.source);
      expect(await current.evidence.get(v1.evidence.id as Evidence['id'])).toEqual(v1.evidence);
      // version 3 lists a question's placed claims in an indexed field
      expect(await current.questions.get(v1.question.id as Question['id'])).toEqual({
        ...v1.question,
        placedClaimIds: ['c-1'],
      });
      expect(await current.questions.where('placedClaimIds').equals('c-1').primaryKeys()).toEqual(['q-1']);
      // version 2 tells a change batch from an undo or redo batch
      expect(await current.history.get(v1.history.id as HistoryEntry['id'])).toEqual({
        ...v1.history,
        batchKind: 'change',
        target: null,
        // version 11 marks each batch's first entry as its head
        hd: v1.history.batchId,
      });
      expect(await current.meta.get(v1.meta.key)).toEqual(v1.meta);
      // the indexes the screens rely on find the old rows
      expect((await current.articles.where('sha256').equals(v1.article.sha256).first())?.id).toBe('a-1');
      expect(
        await current.claims
          .where('[articleId+start]')
          .between(['a-1', Dexie.minKey], ['a-1', Dexie.maxKey])
          .primaryKeys(),
      ).toEqual(['c-2', 'c-1']);
      expect(
        await current.claims
          .where('[deletedAt+articleId]')
          .between([Dexie.minKey, 'a-1'], [Dexie.maxKey, 'a-1'])
          .filter((c) => c.articleId === 'a-1')
          .primaryKeys(),
      ).toEqual(['c-2']);
      expect(await current.claims.where('deletedAt').between(0, Infinity, true, true).primaryKeys()).toEqual([
        'c-2',
      ]);
      // version 12: a field alone is read from the compound index it leads
      expect((await current.claims.where('articleId').equals('a-1').primaryKeys()).sort()).toEqual([
        'c-1',
        'c-2',
      ]);
      // version 6 dropped the claims' check-worthiness and tag indexes: the read model finds them
      expect(await matchingClaimIds({ minCheckworthy: 0.5 })).toEqual(['c-1']);
      expect(await matchingClaimIds({ tags: ['numbers'] })).toEqual(['c-1']);
      expect(await current.evidence.where('sourceId').equals('src-1').primaryKeys()).toEqual(['e-1']);
      expect(await current.history.where('[table+rowId]').equals(['claims', 'c-1']).primaryKeys()).toContain(
        'h-1',
      );
    },
  },
  {
    version: 2,
    seed: async (old) => {
      await old.table('history').bulkAdd([v2.change, v2.undo]);
    },
    verify: async (current) => {
      expect(await current.history.get(v2.change.id as HistoryEntry['id'])).toEqual({
        ...v2.change,
        hd: v2.change.batchId,
      });
      expect(await current.history.get(v2.undo.id as HistoryEntry['id'])).toEqual({
        ...v2.undo,
        hd: v2.undo.batchId,
      });
    },
  },
  {
    version: 3,
    seed: async (old) => {
      await old.table('questions').add(v3.question);
    },
    verify: async (current) => {
      expect(await current.questions.get(v3.question.id as Question['id'])).toEqual(v3.question);
      expect(await current.questions.where('placedClaimIds').equals('c-8').primaryKeys()).toEqual(['q-4']);
    },
  },
  {
    // version 4 adds only derived tables: rows written at version 4 are read the same
    version: 4,
    seed: async (old) => {
      await old.table('meta').put({ key: 'v4-row', value: 4 });
    },
    verify: async (current) => {
      expect(await current.meta.get('v4-row')).toEqual({ key: 'v4-row', value: 4 });
    },
  },
  {
    // version 5 adds the team-sync tables; history entries may carry author / deviceId
    version: 5,
    seed: async (old) => {
      await old.table('syncState').put({ key: 'checkpoint', value: '12-abc' });
      await old.table('syncOutbox').add({ table: 'claims', rowId: 'c-1', op: 'put', at: t0, batchId: 'b-5' });
      await old.table('syncRevisions').put({ table: 'claims', rowId: 'c-1', rev: '1-x', base: null });
      await old.table('history').add({ ...v5History, id: 'h-5' });
    },
    verify: async (current) => {
      expect(await current.syncState.get('checkpoint')).toEqual({ key: 'checkpoint', value: '12-abc' });
      expect(await current.syncOutbox.where('[table+rowId]').equals(['claims', 'c-1']).count()).toBe(1);
      expect((await current.syncRevisions.get(['claims', 'c-1']))?.rev).toBe('1-x');
      expect((await current.history.get('h-5' as HistoryEntry['id']))?.deviceId).toBe('device-b');
    },
  },
  {
    // version 6 changes only indexes and derived rows: rows written at version 6 are read the same
    version: 6,
    seed: async (old) => {
      await old.table('meta').put({ key: 'v6-row', value: 6 });
    },
    verify: async (current) => {
      expect(await current.meta.get('v6-row')).toEqual({ key: 'v6-row', value: 6 });
    },
  },
  {
    // version 7 changes only the derived rows' keys (the upgrade rebuilds them; see the test below)
    version: 7,
    seed: async (old) => {
      await old.table('meta').put({ key: 'v7-row', value: 7 });
    },
    verify: async (current) => {
      expect(await current.meta.get('v7-row')).toEqual({ key: 'v7-row', value: 7 });
    },
  },
  {
    // version 8 adds only the placement rows (derived from the questions; see the test below)
    version: 8,
    seed: async (old) => {
      await old.table('meta').put({ key: 'v8-row', value: 8 });
    },
    verify: async (current) => {
      expect(await current.meta.get('v8-row')).toEqual({ key: 'v8-row', value: 8 });
    },
  },
  {
    // version 9 drops only the derived key rows (their keys move to the facet rows; see the test below)
    version: 9,
    seed: async (old) => {
      await old.table('meta').put({ key: 'v9-row', value: 9 });
    },
    verify: async (current) => {
      expect(await current.meta.get('v9-row')).toEqual({ key: 'v9-row', value: 9 });
    },
  },
  {
    // version 10 adds only the library's counts by check-worthiness points (see the test below)
    version: 10,
    seed: async (old) => {
      await old.table('meta').put({ key: 'v10-row', value: 10 });
    },
    verify: async (current) => {
      expect(await current.meta.get('v10-row')).toEqual({ key: 'v10-row', value: 10 });
    },
  },
  {
    // version 11 marks each batch's first history entry as its head (see the test below)
    version: 11,
    seed: async (old) => {
      await old.table('meta').put({ key: 'v11-row', value: 11 });
    },
    verify: async (current) => {
      expect(await current.meta.get('v11-row')).toEqual({ key: 'v11-row', value: 11 });
    },
  },
  {
    // version 12 changes only the claims' indexes (see the test below)
    version: 12,
    seed: async (old) => {
      await old.table('meta').put({ key: 'v12-row', value: 12 });
    },
    verify: async (current) => {
      expect(await current.meta.get('v12-row')).toEqual({ key: 'v12-row', value: 12 });
    },
  },
  {
    // version 13 adds only the derived `claimSourced` keys (see the test below)
    version: 13,
    seed: async (old) => {
      await old.table('meta').put({ key: 'v13-row', value: 13 });
    },
    verify: async (current) => {
      expect(await current.meta.get('v13-row')).toEqual({ key: 'v13-row', value: 13 });
    },
  },
  {
    // version 14 moves keys from the facet rows to the claim rows (see the test below)
    version: 14,
    seed: async (old) => {
      await old.table('meta').put({ key: 'v14-row', value: 14 });
    },
    verify: async (current) => {
      expect(await current.meta.get('v14-row')).toEqual({ key: 'v14-row', value: 14 });
    },
  },
  {
    // version 15 adds only the store of batch rows; history entries stay where they are (see the test below)
    version: 15,
    seed: async (old) => {
      await old.table('meta').put({ key: 'v15-row', value: 15 });
    },
    verify: async (current) => {
      expect(await current.meta.get('v15-row')).toEqual({ key: 'v15-row', value: 15 });
    },
  },
];

const v5History = {
  table: 'claims',
  rowId: 'c-1',
  batchId: 'b-5',
  action: 'update',
  from: { verdict: 'unchecked' },
  to: { verdict: 'false' },
  at: t0,
  undoneAt: null,
  batchKind: 'change',
  target: null,
  author: 'ana',
  deviceId: 'device-b',
};

/** The rows of `v2Library()` (and its one source), as any version stored them. */
async function writeLibrary(old: Dexie, lib: ReturnType<typeof v2Library>): Promise<void> {
  await old.table('articles').bulkAdd(lib.articles);
  await old.table('speakers').bulkAdd(lib.speakers);
  await old.table('claims').bulkAdd(lib.claims);
  await old.table('sources').add(v1.source);
  await old.table('evidence').bulkAdd(lib.evidence);
}

/** Every facet row as versions 9 to 13 stored it: all its keys, its verdict and every sort key. */
function fullFacetsOf(claims: readonly Claim[], evidence: readonly Evidence[], speakers: readonly Speaker[]) {
  const sourced = new Set(evidence.filter((e) => e.deletedAt === null).map((e) => e.claimId));
  const names = new Map(speakers.map((s) => [s.id as string, s.name]));
  return claims.map((c) =>
    facetOf(c, sourced.has(c.id), c.speakerId === null ? null : (names.get(c.speakerId) ?? '')),
  );
}

/** A connection that knows the schema only up to `version`, as the app of that version did. */
function openAt(version: number): Dexie {
  const old = new Dexie(DB_NAME);
  declareSchema(old, version);
  return old;
}

// connections opened here at older versions run the upgrade steps, which the app's open loads
beforeAll(() => loadWriteLayer());

beforeEach(async () => {
  await resetDb();
  db.close();
  await Dexie.delete(DB_NAME);
});

describe('schema history', () => {
  test('versions increase, every version has a harness step, and db is at the latest', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    expect(STEPS.map((s) => s.version)).toEqual(versions);
    expect(db.verno).toBe(CURRENT_VERSION);
  });

  for (const step of STEPS) {
    test(`rows written at version ${step.version} survive the upgrade to version ${CURRENT_VERSION}`, async () => {
      const old = openAt(step.version);
      await old.open();
      expect(old.verno).toBe(step.version);
      await step.seed(old);
      old.close();

      await db.open();
      await step.verify(db);
    });
  }

  test('rows written through every version in turn all survive', async () => {
    for (const step of STEPS) {
      const old = openAt(step.version);
      await old.open();
      await step.seed(old);
      old.close();
    }
    await db.open();
    for (const step of STEPS) await step.verify(db);
  });

  test('a version-2 library keeps every row and gets its summaries and facets on the upgrade', async () => {
    const lib = v2Library();
    const old = openAt(2);
    await old.open();
    await writeLibrary(old, lib);
    old.close();

    await db.open();
    expect(await db.articles.toArray()).toEqual(lib.articles);
    expect(await db.speakers.toArray()).toEqual(lib.speakers);
    expect(await db.claims.orderBy('id').toArray()).toEqual(lib.claims);
    expect(await db.evidence.orderBy('id').toArray()).toEqual(
      [...lib.evidence].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    const expected = computeDerived(
      lib.claims as unknown as Claim[],
      lib.evidence as unknown as Evidence[],
      lib.speakers as unknown as Speaker[],
    );
    expect(await db.summaries.orderBy('id').toArray()).toEqual(
      expected.summaries.sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(await db.claimFacets.orderBy('id').toArray()).toEqual(
      expected.facets.sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(await db.claimFacets.count()).toBe(lib.claims.length);
    // version 14's hot keys on every claim row
    for (const c of await storedClaims(db)) expect(c.hk, c.id).toEqual(hotKeysOf(c));
    // version 13's keys of the claims with a source, from the facet rows version 9 rebuilt
    expect(await db.claimSourced.orderBy('id').primaryKeys()).toEqual(
      expected.facets.filter((f) => f.h === 1).map((f) => f.id),
    );
    expect(await db.articleHeads.orderBy('id').toArray()).toEqual(
      lib.articles.map((a) => headOf(a as unknown as Article)),
    );
    const liveClaims = lib.claims.filter((c) => c.deletedAt === null);
    expect(countsOf(await db.summaries.get('lib')).claimCount).toBe(liveClaims.length);
    // the counts by check-worthiness points (version 10), counted once though version 9 rebuilt the summaries
    for (const min of [0, 0.3, 0.5, 0.9])
      expect(await countClaims({ minCheckworthy: min }), String(min)).toBe(
        liveClaims.filter((c) => c.checkworthy.score >= min).length,
      );
    for (const speaker of lib.speakers) {
      const theirs = liveClaims.filter((c) => c.speakerId === speaker.id);
      const counts = countsOf(await db.summaries.get(`s:${speaker.id}`));
      expect(counts.claimCount).toBe(theirs.length);
      expect(counts.byVerdict.misleading).toBe(theirs.filter((c) => c.verdict === 'misleading').length);
    }
    // the screens' reads on the upgraded library: the Library list and a filtered claims page
    const library = await (
      articleQueries.list().queryFn as (context: { signal: AbortSignal }) => Promise<ArticleSummary[]>
    )({ signal: new AbortController().signal });
    expect(library.map((a) => [a.id, a.claimCount]).sort()).toEqual(
      lib.articles.map((a) => [a.id, liveClaims.filter((c) => c.articleId === a.id).length]).sort(),
    );
    const falseOnes = await listClaimPage({ verdicts: ['false'] }, { limit: 500 });
    expect(falseOnes.rows.map((c) => c.id)).toEqual(
      liveClaims
        .filter((c) => c.verdict === 'false')
        .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start))
        .map((c) => c.id),
    );
    // counted by hand from the rows, not by the function under test
    for (const article of lib.articles) {
      const live = lib.claims.filter((c) => c.articleId === article.id && c.deletedAt === null);
      const sourced = new Set(lib.evidence.filter((e) => e.deletedAt === null).map((e) => e.claimId));
      const rating = (v: string) => v !== 'unchecked' && v !== 'in progress';
      const counts = countsOf(await db.summaries.get(`a:${article.id}`));
      expect(counts.claimCount).toBe(live.length);
      expect(counts.checkedCount).toBe(live.filter((c) => rating(c.verdict)).length);
      expect(counts.flaggedCount).toBe(live.filter((c) => rating(c.verdict) && !sourced.has(c.id)).length);
      expect(counts.withSource).toBe(live.filter((c) => sourced.has(c.id)).length);
      expect(counts.byVerdict.false).toBe(live.filter((c) => c.verdict === 'false').length);
    }
    const budget = lib.claims.filter(
      (c) => c.deletedAt === null && c.tags.some((t) => t.toLowerCase() === 'budget'),
    );
    expect(countsOf(await db.summaries.get('t:budget')).claimCount).toBe(budget.length);
  });

  test('a version-6 library keeps every row and its derived rows are rebuilt with version-7 keys', async () => {
    const lib = v2Library();
    const old = openAt(6);
    await old.open();
    await writeLibrary(old, lib);
    // derived rows as version 6 wrote them: long keys, an article's and a kind's own keys
    const v6Key = (group: string, code: string, sortKey: string, id: string) =>
      [group, code, sortKey, id].join('\u0001');
    const live = lib.claims.filter((c) => c.deletedAt === null);
    await old.table('claimFacets').bulkAdd(
      live.map((c) => ({
        id: c.id,
        live: 1,
        a: c.articleId,
        s: c.speakerId,
        v: c.verdict,
        k: c.kind,
        h: 0,
        t: c.tags,
        c: 0,
        o: { a: `${c.articleId}\u0001${String(c.start).padStart(10, '0')}`, u: '1', c: '0', n: 'x', v: '0' },
        f: [v6Key('*', 'u', '1', c.id), v6Key(`v=${c.verdict}`, 'a', c.articleId, c.id)],
      })),
    );
    await old
      .table('claimKeys')
      .bulkAdd(live.map((c) => ({ id: c.id, k: [v6Key(`a=${c.articleId}`, 'a', c.articleId, c.id)] })));
    old.close();

    await db.open();
    expect(await db.claims.orderBy('id').toArray()).toEqual(lib.claims);
    expect(await db.articles.toArray()).toEqual(lib.articles);
    const expected = computeDerived(
      lib.claims as unknown as Claim[],
      lib.evidence as unknown as Evidence[],
      lib.speakers as unknown as Speaker[],
    );
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(await db.claimFacets.orderBy('id').toArray()).toEqual(expected.facets.sort(byId));
    // no version-6 key is left: an article in article order has no keys of its own
    // (an article's update-order keys are on its claims' rows since version 14)
    const keys = [
      ...(await db.claimFacets.toArray()).flatMap((r) => r.f),
      ...(await storedClaims(db)).flatMap((c) => c.hk),
    ];
    expect(keys.some((k) => k.startsWith('a=') && k.split(SEP)[1] === 'a')).toBe(false);
    expect(keys.some((k) => k.startsWith(`a=`))).toBe(true);
    // the screens' reads: an article's claims in article order, a verdict's, a kind's
    const article = lib.articles[0]!;
    expect(await matchingClaimIds({ articleIds: [article.id] })).toEqual(
      live
        .filter((c) => c.articleId === article.id)
        .sort((a, b) => a.start - b.start)
        .map((c) => c.id),
    );
    const kind = live[0]!.kind;
    expect(new Set(await matchingClaimIds({ kinds: [kind] }))).toEqual(
      new Set(live.filter((c) => c.kind === kind).map((c) => c.id)),
    );
    const falseOnes = await listClaimPage({ verdicts: ['false'] }, { limit: 500 });
    expect(falseOnes.rows.map((c) => c.id).sort()).toEqual(
      live
        .filter((c) => c.verdict === 'false')
        .map((c) => c.id)
        .sort(),
    );
  });

  test('a version-7 library keeps every row and gets a placement row for each claim its live questions place', async () => {
    const lib = v2Library();
    const old = openAt(7);
    await old.open();
    await writeLibrary(old, lib);
    const question = (id: string, stances: Record<string, string>, deletedAt: number | null) => ({
      id,
      text: `Question ${id}?`,
      articleIds: ['lib-a0', 'lib-a1'],
      stances,
      placedClaimIds: Object.keys(stances),
      updatedAt: t0,
      deletedAt,
    });
    // a claim with two links (one removed), a claim in the trash, a claim never stored, and a
    // question in the trash (it places nothing)
    const questions = [
      question(
        'q-live',
        { 'lib-c0-00': 'for', 'lib-c1-01': 'against', 'lib-c0-10': 'neutral', 'c-absent': 'for' },
        null,
      ),
      question('q-trash', { 'lib-c0-02': 'for' }, t0 + 5),
    ];
    await old.table('questions').bulkAdd(questions);
    await old
      .table('evidence')
      .add({ ...v1.evidence, id: 'lib-e-extra', claimId: 'lib-c0-00', deletedAt: null });
    old.close();

    await db.open();
    expect(await db.claims.orderBy('id').toArray()).toEqual(lib.claims);
    expect(await db.questions.orderBy('id').toArray()).toEqual(questions);
    const [claims, evidence] = await Promise.all([db.claims.toArray(), db.evidence.toArray()]);
    const rows = await db.placedClaims.toArray();
    expect(rows).toEqual(
      computePlacements(questions as unknown as Question[], claims, evidence).sort(byPlacementKey),
    );
    expect(rows.map((r) => [r.q, r.c])).toEqual([
      ['q-live', 'c-absent'],
      ['q-live', 'lib-c0-00'],
      ['q-live', 'lib-c0-10'],
      ['q-live', 'lib-c1-01'],
    ]);
    const first = rows.find((r) => r.c === 'lib-c0-00')!;
    const claim = lib.claims.find((c) => c.id === 'lib-c0-00')!;
    expect(first).toMatchObject({
      s: claim.speakerId,
      a: 'lib-a0',
      t: claim.text,
      v: claim.verdict,
      live: 1,
    });
    // its live links: the library's own (if live) and the extra one
    expect(first.n).toBe(evidence.filter((e) => e.claimId === 'lib-c0-00' && e.deletedAt === null).length);
    expect(first.n).toBeGreaterThanOrEqual(1);
    expect(rows.find((r) => r.c === 'lib-c0-10')!.live).toBe(0);
    expect(rows.find((r) => r.c === 'c-absent')).toMatchObject({ a: null, s: null, live: 0 });
    // each question packed as it is, the one in the trash too
    expect((await db.questionPacks.orderBy('id').toArray()).map(unpack)).toEqual(questions);
  });
  test('a version-8 library keeps every row; its key rows are dropped and each facet row holds all its keys, as a rebuild', async () => {
    const lib = v2Library();
    const claims = lib.claims as unknown as Claim[];
    const evidence = lib.evidence as unknown as Evidence[];
    const speakers = lib.speakers as unknown as Speaker[];
    const expected = computeDerived(claims, evidence, speakers);
    const full = fullFacetsOf(claims, evidence, speakers);
    // derived rows as version 8 wrote them: the keys a verdict or an update moves on the facet
    // row, the others on a key row of the same id
    const volatile = (k: string) => {
      const [group = '', code = ''] = k.split(SEP);
      return isVolatile(group, code as SortCode);
    };
    const old = openAt(8);
    await old.open();
    await writeLibrary(old, lib);
    await old.table('claimFacets').bulkAdd(full.map((r) => ({ ...r, f: r.f.filter(volatile) })));
    await old.table('claimKeys').bulkAdd(full.map((r) => ({ id: r.id, k: r.f.filter((k) => !volatile(k)) })));
    old.close();

    await db.open();
    expect(db.tables.map((t) => t.name)).not.toContain('claimKeys');
    expect(db.backendDB().objectStoreNames.contains('claimKeys')).toBe(false);
    expect(await db.claims.orderBy('id').toArray()).toEqual(lib.claims);
    expect(await db.evidence.count()).toBe(lib.evidence.length);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    const facets = await db.claimFacets.orderBy('id').toArray();
    expect(facets).toEqual([...expected.facets].sort(byId));
    // every live claim's keys: those a verdict or an update moves on its claim row (version 14), the others on its facet row
    const live = lib.claims.filter((c) => c.deletedAt === null);
    const hot = new Map((await storedClaims(db)).map((c) => [c.id as string, c.hk]));
    for (const f of facets) {
      const isLive = live.some((c) => c.id === f.id);
      expect(f.f.some(volatile), f.id).toBe(false);
      expect(
        f.f.some((k) => !volatile(k)),
        f.id,
      ).toBe(isLive);
      expect(hot.get(f.id)!.length > 0 && hot.get(f.id)!.every(volatile), f.id).toBe(isLive);
      expect([...f.f, ...hot.get(f.id)!].sort(), f.id).toEqual(
        full
          .find((r) => r.id === f.id)!
          .f.slice()
          .sort(),
      );
    }
    // the orders the key rows served, read off the facet rows now
    const name = new Map(lib.speakers.map((s) => [s.id, s.name.toLowerCase()]));
    const bySpeaker = [...live].sort((a, b) => {
      const x = a.speakerId === null ? '\uffff' : name.get(a.speakerId)!;
      const y = b.speakerId === null ? '\uffff' : name.get(b.speakerId)!;
      return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
    });
    expect((await listClaimPage({ sort: 'speaker' }, { limit: 500 })).rows.map((c) => c.id)).toEqual(
      bySpeaker.map((c) => c.id),
    );
    const byScore = [...live].sort((a, b) =>
      a.checkworthy.score !== b.checkworthy.score
        ? a.checkworthy.score - b.checkworthy.score
        : a.id < b.id
          ? -1
          : 1,
    );
    expect(await matchingClaimIds({ sort: 'checkworthy', desc: true })).toEqual(
      byScore.map((c) => c.id).reverse(),
    );
    const speaker = lib.speakers[1]!.id;
    expect((await listClaimPage({ speakerIds: [speaker] }, { limit: 500 })).rows.map((c) => c.id)).toEqual(
      live
        .filter((c) => c.speakerId === speaker)
        .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start))
        .map((c) => c.id),
    );
    const kind = live[0]!.kind;
    expect(await matchingClaimIds({ kinds: [kind] })).toEqual(
      live
        .filter((c) => c.kind === kind)
        .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.start - b.start))
        .map((c) => c.id),
    );
  });

  test('a version-9 library keeps every row and gets the counts by check-worthiness points, no other derived row rebuilt', async () => {
    const lib = v2Library();
    const claims = lib.claims as unknown as Claim[];
    const expected = computeDerived(
      claims,
      lib.evidence as unknown as Evidence[],
      lib.speakers as unknown as Speaker[],
    );
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    // the summaries as version 9 kept them: no `c:` counts; one article's row carries a mark no
    // rebuild would write, so a rebuild in the upgrade would show
    const v9Summaries = expected.summaries.map((r) => ({
      id: r.id,
      counts: Object.fromEntries(Object.entries(r.counts).filter(([k]) => !k.startsWith('c:'))),
    }));
    const marked = v9Summaries.find((r) => r.id.startsWith('a:'))!;
    marked.counts = { ...marked.counts, 'x:mark': 1 };
    const old = openAt(9);
    await old.open();
    await writeLibrary(old, lib);
    await old
      .table('claimFacets')
      .bulkAdd(
        fullFacetsOf(claims, lib.evidence as unknown as Evidence[], lib.speakers as unknown as Speaker[]),
      );
    await old.table('summaries').bulkAdd(v9Summaries);
    old.close();

    await db.open();
    expect(await db.claims.orderBy('id').toArray()).toEqual(lib.claims);
    expect(await db.evidence.count()).toBe(lib.evidence.length);
    // the facet rows as version 9 wrote them (no rebuild): version 14 leaves them too
    expect((await db.claimFacets.orderBy('id').toArray()).map(storedFormOf)).toEqual(
      [...expected.facets].sort(byId),
    );
    // every summary as it was, the library's with its counts by points added
    const libRow = expected.summaries.find((r) => r.id === LIBRARY)!;
    expect(await db.summaries.orderBy('id').toArray()).toEqual(
      v9Summaries.map((r) => (r.id === LIBRARY ? libRow : r)).sort(byId),
    );
    expect(Object.keys(libRow.counts).some((k) => k.startsWith('c:'))).toBe(true);
    const live = claims.filter((c) => c.deletedAt === null);
    for (const min of [0, 0.3, 0.5, 0.7, 0.9, 1])
      expect(await countClaims({ minCheckworthy: min }), String(min)).toBe(
        live.filter((c) => c.checkworthy.score >= min).length,
      );
  });
  test('a version-10 library keeps every history entry; the first (lowest id) of each batch becomes its head, found by the head index', async () => {
    const entry = (id: string, batchId: string, at: number) => ({
      ...v5History,
      id,
      batchId,
      at,
      rowId: `c-${id}`,
    });
    // batch b-1 of three entries (stored out of id order), b-2 of one, b-3 of two
    const entries = [
      entry('h-3', 'b-1', 1),
      entry('h-1', 'b-1', 1),
      entry('h-2', 'b-1', 1),
      entry('h-4', 'b-2', 2),
    ];
    entries.push(entry('h-6', 'b-3', 3), entry('h-5', 'b-3', 3));
    const old = openAt(10);
    await old.open();
    await old.table('history').bulkAdd(entries);
    old.close();

    await db.open();
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    const heads = new Set(['h-1', 'h-4', 'h-5']);
    expect(await db.history.orderBy('id').toArray()).toEqual(
      [...entries].sort(byId).map((e) => (heads.has(e.id) ? { ...e, hd: e.batchId } : e)),
    );
    expect(await db.history.orderBy('hd').primaryKeys()).toEqual(['h-1', 'h-4', 'h-5']);
  });
  test('a version-14 library keeps every history entry where it was; what is recorded from version 15 is its head and one row of the rest, and every reader answers from both', async () => {
    const entry = (id: string, batchId: string, rowId: string, at: number) => ({
      ...v5History,
      id,
      batchId,
      rowId,
      at,
    });
    const stored = [{ ...entry('h-1', 'b-1', 'c-1', 1), hd: 'b-1' }, entry('h-2', 'b-1', 'c-2', 1)];
    const old = openAt(14);
    await old.open();
    await old.table('history').bulkAdd(stored);
    old.close();

    await db.open();
    expect(await db.history.orderBy('id').toArray()).toEqual(stored);
    expect(await db.historyBatches.count()).toBe(0);
    const made = await db.transaction('rw', [db.claims, db.history], () =>
      recordHistory(
        ['c-1', 'c-3'].map((rowId) => ({
          table: 'claims' as const,
          rowId,
          action: 'update' as const,
          from: { verdict: 'false' },
          to: { verdict: 'true' },
        })),
        10,
      ),
    );
    // the old entries stay single rows; the new batch is its head (a single row) and one row of the rest
    expect(await db.history.count()).toBe(3);
    expect((await db.historyBatches.toArray()).map((r) => r.entries)).toEqual([[made[1]]]);
    const old1 = withoutHead(stored[0]!) as unknown as HistoryEntry;
    const old2 = stored[1] as unknown as HistoryEntry;
    expect(await historyOfRow('claims', 'c-1')).toEqual([old1, made[0]]);
    expect(await historyOfRow('claims', 'c-3')).toEqual([made[1]]);
    expect((await historyOfBatch('b-1')).map((e) => e.id)).toEqual(['h-1', 'h-2']);
    expect(await historyOfBatch(made[0]!.batchId)).toEqual(made);
    // newest first by batch id (UUID v7 in the app: 'b-1' sorts after them)
    expect((await newestHeads(undefined, 10)).map((h) => h.batchId)).toEqual(['b-1', made[0]!.batchId]);
    expect(await countHistory()).toBe(4);
    expect(await historyByIds([made[1]!.id, 'h-2', 'nope'])).toEqual([made[1], old2, undefined]);
  });
  test('version 12 keeps 3 claim indexes a live claim writes, and every field alone still finds every row', async () => {
    const old = openAt(11);
    await old.open();
    const claim = (id: string, articleId: string, speakerId: string | null, deletedAt: number | null) => ({
      ...v1.claim,
      id,
      articleId,
      speakerId,
      deletedAt,
      start: Number(id.slice(2)),
    });
    await old
      .table('claims')
      .bulkAdd([
        claim('c-1', 'a-1', 's-1', null),
        claim('c-2', 'a-1', null, null),
        claim('c-3', 'a-1', 's-1', t0 + 5),
        claim('c-4', 'a-2', 's-1', null),
      ]);
    old.close();

    await db.open();
    const store = db.backendDB().transaction('claims', 'readonly').objectStore('claims');
    // and version 14's hot keys
    expect([...store.indexNames].sort()).toEqual([
      '[articleId+start]',
      '[deletedAt+articleId]',
      '[speakerId+articleId]',
      'hk',
      'updatedAt',
    ]);
    const sorted = async (keys: Promise<unknown[]>) => [...(await keys)].sort();
    // live claims and tombstones alike, as the indexes of version 11 found them
    expect(await sorted(db.claims.where('articleId').equals('a-1').primaryKeys())).toEqual([
      'c-1',
      'c-2',
      'c-3',
    ]);
    expect(await sorted(db.claims.where('speakerId').equals('s-1').primaryKeys())).toEqual([
      'c-1',
      'c-3',
      'c-4',
    ]);
    expect(await sorted(db.claims.where('speakerId').anyOf(['s-1', 's-9']).primaryKeys())).toEqual([
      'c-1',
      'c-3',
      'c-4',
    ]);
    expect(await db.claims.where('deletedAt').between(0, Infinity, true, true).primaryKeys()).toEqual([
      'c-3',
    ]);
    expect(await db.claims.where('[speakerId+articleId]').equals(['s-1', 'a-1']).primaryKeys()).toEqual([
      'c-1',
      'c-3',
    ]);
    expect(
      await db.claims
        .where('[deletedAt+articleId]')
        .equals([t0 + 5, 'a-1'])
        .primaryKeys(),
    ).toEqual(['c-3']);
  });
  test('version 13 keeps a key for every claim whose facet row has a source, live or in the trash, and for no other', async () => {
    const old = openAt(12);
    await old.open();
    const claim = (id: string, deletedAt: number | null) =>
      ({ ...v1.claim, id, deletedAt, start: Number(id.slice(2)) }) as unknown as Claim;
    const rows = [
      [claim('c-1', null), true],
      [claim('c-2', null), false],
      [claim('c-3', t0 + 5), true],
      [claim('c-4', t0 + 6), false],
      [claim('c-5', null), true],
    ] as const;
    await old.table('claims').bulkAdd(rows.map(([c]) => c));
    await old.table('claimFacets').bulkAdd(rows.map(([c, h]) => facetOf(c, h, 'Alan Billings')));
    old.close();

    await db.open();
    expect(await db.claimSourced.orderBy('id').primaryKeys()).toEqual(['c-1', 'c-3', 'c-5']);
    expect(await db.claimSourced.get('c-1')).toEqual({ id: 'c-1' });
    expect(await db.claimFacets.count()).toBe(5);
  });
  test('a version-13 library keeps every claim and facet row: each claim gets its hot keys, each facet row stays as it was', async () => {
    const lib = v2Library();
    const [claims, evidence, speakers] = [lib.claims, lib.evidence, lib.speakers] as unknown as [
      Claim[],
      Evidence[],
      Speaker[],
    ];
    const full = fullFacetsOf(claims, evidence, speakers);
    const { summaries } = computeDerived(claims, evidence, speakers);
    const sourced = full.filter((f) => f.h === 1).map((f) => ({ id: f.id }));
    const old = openAt(13);
    await old.open();
    await writeLibrary(old, lib);
    await old.table('claimFacets').bulkAdd(full);
    await old.table('summaries').bulkAdd(summaries);
    await old.table('claimSourced').bulkAdd(sourced);
    old.close();

    await db.open();
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    // through Dexie, as before: no reader sees the hot keys
    expect(await db.claims.orderBy('id').toArray()).toEqual(byId(lib.claims));
    const stored = await storedClaims(db);
    expect(stored.map(({ hk: _, ...c }) => c)).toEqual(byId(lib.claims));
    for (const c of stored) expect(c.hk, c.id).toEqual(hotKeysOf(c));
    expect(stored.filter((c) => c.deletedAt === null).every((c) => c.hk.length > 0)).toBe(true);
    // the facet rows as version 13 wrote them (not rewritten); their cold keys are version 14's
    const facets = await db.claimFacets.orderBy('id').toArray();
    expect(facets).toEqual(byId(full));
    expect(facets.map(storedFormOf)).toEqual(byId(full).map(storedFacetOf));
    // each live claim's hot keys are the ones its facet row held
    const hot = new Map(stored.map((c) => [c.id as string, c.hk]));
    for (const f of full) expect([...hot.get(f.id)!].sort(), f.id).toEqual(f.f.filter(isHotKey).sort());
    // the derived rows that hold no verdict-moved key stay as they were
    expect(await db.summaries.orderBy('id').toArray()).toEqual(byId(summaries));
    expect(await db.claimSourced.orderBy('id').primaryKeys()).toEqual(sourced.map((s) => s.id).sort());
    // the lists read the verdict and update order off the claims, after an edit too
    const live = claims.filter((c) => c.deletedAt === null);
    const unchecked = live.filter((c) => c.verdict === 'unchecked').map((c) => c.id);
    expect(unchecked.length).toBeGreaterThan(1);
    await setClaimsVerdict(unchecked.slice(1) as ClaimId[], 'false');
    expect(await matchingClaimIds({ verdicts: ['unchecked'], sort: 'updated' })).toEqual([unchecked[0]]);
    expect(await countClaims({ verdicts: ['unchecked'] })).toBe(1);
  });
  test("version 11 drops history's `at` index (no reader) and keeps every entry's `at`", async () => {
    const old = openAt(10);
    await old.open();
    await old.table('history').add({ ...v5History, id: 'h-1' });
    old.close();

    await db.open();
    const store = db.backendDB().transaction('history', 'readonly').objectStore('history');
    expect([...store.indexNames].sort()).toEqual(['[table+rowId]', 'batchId', 'hd']);
    expect((await db.history.get('h-1' as HistoryEntry['id']))?.at).toBe(t0);
  });
});
