/**
 * The kept summaries and facet rows equal a rebuild from scratch after any sequence of edits:
 * verdicts, bulk edits, tags, check-worthiness scores, links to sources attached / removed / restored, deletes and
 * restores of claims and articles, speaker renames and merges, undo and redo, imports; and the
 * placement rows after questions are asked, claims placed and unplaced, questions deleted and restored.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { ClaimId, EvidenceId, QuestionId, SpeakerId, Stance, Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { restoreArticle, saveImportedArticle, softDeleteArticle } from '../articles';
import {
  addTagToClaims,
  removeTagFromClaims,
  restoreClaims,
  setClaimSpeaker,
  setClaimsVerdict,
  setClaimVerdict,
  softDeleteClaims,
  updateClaim,
} from '../claims';
import { db } from '../db';
import { attachSource, removeEvidence, restoreEvidence } from '../evidence';
import { createQuestion, restoreQuestion, setStances, softDeleteQuestion } from '../questions';
import { mergeSpeakers, updateSpeaker } from '../speakers';
import { storedClaims } from '../testing/stored-claims';
import { facetRowsAsVersion13 } from '../testing/version-13-facets';
import { redo, undo } from '../undo';
import { headOf } from './article-heads';
import { LIBRARY } from './facets';
import { hotKeysOf, type StoredFacet } from './hot-keys';
import { checkOldFacets, storedFormOf } from './old-facets';
import { byPlacementKey, computePlacements, packOf } from './placements';
import { computeDerived } from './rebuild';

beforeEach(resetDb);

/** Old facet rows worked out without reading them (bulk edits, undo), each beside the stored row. */
const worked = { rows: 0, differing: [] as [StoredFacet, StoredFacet | undefined][] };
beforeAll(() =>
  checkOldFacets((computed, stored) => {
    worked.rows += computed.length;
    computed.forEach((c, i) => {
      if (!isDeepStrictEqual(c, stored[i])) worked.differing.push([c, stored[i]]);
    });
  }),
);
afterAll(() => checkOldFacets(null));

/** Ids of claims an import of article B makes: a question can place them before they are stored (a team's order). */
let later: ClaimId[] = [];
beforeAll(async () => {
  await resetDb();
  await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  later = (await db.claims.orderBy('id').primaryKeys()).slice(0, 2) as ClaimId[];
  await resetDb();
});

const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length ? items[n % items.length] : undefined;
const some = <T>(items: readonly T[], n: number, size: number): T[] =>
  items.length
    ? Array.from({ length: Math.min(size, items.length) }, (_, i) => items[(n + i * 3) % items.length]!)
    : [];

const verdict = fc.constantFrom(...VERDICTS);
const op = fc.oneof(
  fc.record({ kind: fc.constant('verdict' as const), n: fc.nat(), v: verdict }),
  fc.record({
    kind: fc.constant('bulkVerdict' as const),
    n: fc.nat(),
    size: fc.integer({ min: 1, max: 5 }),
    v: verdict,
  }),
  fc.record({
    kind: fc.constant('tag' as const),
    n: fc.nat(),
    size: fc.integer({ min: 1, max: 4 }),
    tag: fc.constantFrom('Budget', 'budget', 'crime'),
  }),
  fc.record({
    kind: fc.constant('untag' as const),
    n: fc.nat(),
    size: fc.integer({ min: 1, max: 4 }),
    tag: fc.constantFrom('Budget', 'crime'),
  }),
  fc.record({
    kind: fc.constant('score' as const),
    n: fc.nat(),
    // either side of a point's edge, the ends, and a score between two points
    score: fc.constantFrom(0, 0.29, 0.3, 0.7949, 0.795, 0.8, 1),
  }),
  fc.record({ kind: fc.constant('attach' as const), n: fc.nat() }),
  fc.record({ kind: fc.constant('unlink' as const), n: fc.nat() }),
  fc.record({ kind: fc.constant('relink' as const), n: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), n: fc.nat(), size: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('restore' as const), n: fc.nat(), size: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('deleteArticle' as const), n: fc.nat() }),
  fc.record({ kind: fc.constant('restoreArticle' as const), n: fc.nat() }),
  fc.record({ kind: fc.constant('speaker' as const), n: fc.nat(), m: fc.nat() }),
  fc.record({
    kind: fc.constant('rename' as const),
    n: fc.nat(),
    name: fc.constantFrom('Zed Zulu', 'Anne Ámes', 'bob'),
  }),
  fc.record({ kind: fc.constant('merge' as const), n: fc.nat(), m: fc.nat() }),
  fc.record({ kind: fc.constant('import' as const) }),
  fc.record({ kind: fc.constant('ask' as const), n: fc.nat(), size: fc.integer({ min: 0, max: 4 }) }),
  fc.record({
    kind: fc.constant('place' as const),
    n: fc.nat(),
    m: fc.nat(),
    size: fc.integer({ min: 1, max: 4 }),
    stance: fc.constantFrom<Stance | null>('for', 'against', 'mixed', null),
  }),
  fc.record({ kind: fc.constant('deleteQuestion' as const), n: fc.nat() }),
  fc.record({ kind: fc.constant('restoreQuestion' as const), n: fc.nat() }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('redo' as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function apply(o: Op): Promise<void> {
  const claims = await db.claims.orderBy('id').toArray();
  const live = claims.filter((c) => c.deletedAt === null).map((c) => c.id);
  const dead = claims.filter((c) => c.deletedAt !== null).map((c) => c.id);
  const speakers = (await db.speakers.orderBy('id').toArray()).filter((s) => s.deletedAt === null);
  const articles = await db.articles.orderBy('id').toArray();
  const questions = await db.questions.orderBy('id').toArray();
  switch (o.kind) {
    case 'verdict': {
      const id = pick(live, o.n);
      if (id) await setClaimVerdict(id, o.v as Verdict);
      return;
    }
    case 'bulkVerdict':
      if (live.length) await setClaimsVerdict(some(live, o.n, o.size), o.v as Verdict);
      return;
    case 'tag':
      if (live.length) await addTagToClaims(some(live, o.n, o.size), o.tag);
      return;
    case 'untag':
      if (live.length) await removeTagFromClaims(some(live, o.n, o.size), o.tag);
      return;
    case 'score': {
      const id = pick(live, o.n);
      if (id) await updateClaim(id, { checkworthy: { score: o.score, signals: [] } });
      return;
    }
    case 'attach': {
      const id = pick(live, o.n);
      if (id) await attachSource(id, { url: `https://example.org/${o.n % 3}`, title: `Report ${o.n % 3}` });
      return;
    }
    case 'unlink': {
      const e = pick(
        (await db.evidence.orderBy('id').toArray()).filter((x) => x.deletedAt === null),
        o.n,
      );
      if (e) await removeEvidence(e.id as EvidenceId);
      return;
    }
    case 'relink': {
      const e = pick(
        (await db.evidence.orderBy('id').toArray()).filter((x) => x.deletedAt !== null),
        o.n,
      );
      if (e) await restoreEvidence(e.id as EvidenceId);
      return;
    }
    case 'delete':
      if (live.length) await softDeleteClaims(some(live, o.n, o.size) as ClaimId[]);
      return;
    case 'restore':
      if (dead.length) await restoreClaims(some(dead, o.n, o.size) as ClaimId[]);
      return;
    case 'deleteArticle': {
      const a = pick(
        articles.filter((x) => x.deletedAt === null),
        o.n,
      );
      if (a) await softDeleteArticle(a.id);
      return;
    }
    case 'restoreArticle': {
      const a = pick(
        articles.filter((x) => x.deletedAt !== null),
        o.n,
      );
      if (a) await restoreArticle(a.id);
      return;
    }
    case 'speaker': {
      const id = pick(live, o.n);
      const s = pick(speakers, o.m);
      if (id) await setClaimSpeaker(id, (s?.id ?? null) as SpeakerId | null);
      return;
    }
    case 'rename': {
      const s = pick(speakers, o.n);
      if (s) await updateSpeaker(s.id, { name: o.name });
      return;
    }
    case 'merge': {
      const keep = pick(speakers, o.n);
      const other = pick(speakers, o.m);
      if (keep && other && keep.id !== other.id) await mergeSpeakers(keep.id, [other.id]);
      return;
    }
    case 'import':
      await saveImportedArticle({ text: ARTICLE_B }, extractionB());
      return;
    case 'ask': {
      // placed claims of any state: live, in the trash, or never stored (a team's question first)
      const q = await createQuestion(`Question ${o.n}?`, articles.length ? [articles[0]!.id] : []);
      const ids = [
        ...some(
          claims.map((c) => c.id),
          o.n,
          o.size,
        ),
        ...(o.n % 3 === 0 ? [later[o.n % 2]!, 'c-never' as ClaimId] : []),
      ];
      if (ids.length)
        await setStances(
          q.id,
          ids.map((claimId) => ({ claimId, stance: 'for' as Stance })),
        );
      return;
    }
    case 'place': {
      // a deleted question refuses placements (setStances says so): place only on live ones
      const q = pick(
        questions.filter((x) => x.deletedAt === null),
        o.m,
      );
      if (q && claims.length)
        await setStances(
          q.id as QuestionId,
          some(
            claims.map((c) => c.id),
            o.n,
            o.size,
          ).map((claimId) => ({ claimId, stance: o.stance })),
        );
      return;
    }
    case 'deleteQuestion': {
      const q = pick(
        questions.filter((x) => x.deletedAt === null),
        o.n,
      );
      if (q) await softDeleteQuestion(q.id);
      return;
    }
    case 'restoreQuestion': {
      const q = pick(
        questions.filter((x) => x.deletedAt !== null),
        o.n,
      );
      if (q) await restoreQuestion(q.id);
      return;
    }
    case 'undo':
      await undo().catch(() => null);
      return;
    case 'redo':
      await redo().catch(() => null);
      return;
  }
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

test('kept summaries, facets and placements equal a rebuild from scratch after random edits', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), fc.boolean(), async (ops, old) => {
      await resetDb();
      await saveImportedArticle({ text: ARTICLE_A }, extractionA());
      // a library upgraded from version 13: facet rows as it stored them
      if (old) await facetRowsAsVersion13(db);
      for (const o of ops) await apply(o);
      const [claims, evidence, speakers, questions] = await Promise.all([
        db.claims.toArray(),
        db.evidence.toArray(),
        db.speakers.toArray(),
        db.questions.toArray(),
      ]);
      const expected = computeDerived(claims, evidence, speakers);
      expect(byId(await db.summaries.toArray())).toEqual(byId(expected.summaries));
      // the library's counts by check-worthiness points, counted here from the claims themselves
      const byPoints: Record<string, number> = {};
      for (const c of claims)
        if (c.deletedAt === null) {
          const key = `c:${Math.min(100, Math.floor(Math.round(c.checkworthy.score * 1e6) / 1e4))}`;
          byPoints[key] = (byPoints[key] ?? 0) + 1;
        }
      const lib = (await db.summaries.get(LIBRARY))?.counts ?? {};
      expect(Object.fromEntries(Object.entries(lib).filter(([k]) => k.startsWith('c:')))).toEqual(byPoints);
      // each facet row's cold keys and values (one version 13 stored and no write since stored anew holds more)
      expect(byId((await db.claimFacets.toArray()).map(storedFormOf))).toEqual(byId(expected.facets));
      // every claim row as stored carries the hot keys of what it holds (schema v14), and no reader sees them
      const stored = await storedClaims(db);
      expect(stored.length).toBe(claims.length);
      for (const c of stored) expect(c.hk, c.id).toEqual(hotKeysOf(c));
      expect(claims.some((c) => 'hk' in c)).toBe(false);
      expect(worked.differing).toEqual([]);
      expect((await db.claimSourced.toCollection().primaryKeys()).sort()).toEqual(
        expected.facets
          .filter((f) => f.h === 1)
          .map((f) => f.id)
          .sort(),
      );
      expect(byId(await db.articleHeads.toArray())).toEqual(byId((await db.articles.toArray()).map(headOf)));
      expect(await db.placedClaims.toArray()).toEqual(
        computePlacements(questions, claims, evidence).sort(byPlacementKey),
      );
      expect(byId(await db.questionPacks.toArray())).toEqual(byId(questions.map(packOf)));
    }),
    { numRuns: 25 },
  );
  // bulk edits and undo went the way that reads no facet row
  expect(worked.rows).toBeGreaterThan(0);
}, 240_000);
