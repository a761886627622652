/**
 * Every released schema version, as a real library at that version (src/db/fixtures/schema-v<N>.json,
 * made by `npm run fixtures:schema`): written with that version's schema, opened by the app as it
 * is now, and checked row by row, link by link, history entry by entry; then the app works on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ArticleId, Claim, Evidence, Question, Speaker } from '@/core/model/types';
import { resetDb } from '@/test/db';
import { countClaims } from './claim-list';
import { addTagToClaims } from './claims';
import { db, declareSchema } from './db';
import { hotKeysOf, withoutHotKeys } from './derived/hot-keys';
import { storedFormOf } from './derived/old-facets';
import { byPlacementKey, computePlacements, packOf } from './derived/placements';
import { computeDerived } from './derived/rebuild';
import { type ArticleSummary, articleQueries } from './queries';
import { CURRENT_VERSION, DB_NAME, SCHEMA_VERSIONS } from './schema';
import { storedClaims } from './testing/stored-claims';
import { storedHistory } from './testing/stored-history';
import { readUndoState, undo } from './undo';
import { loadWriteLayer } from './write-layer-load';

type Fixture = { version: number; tables: Record<string, Record<string, unknown>[]> };
type Row = Record<string, unknown>;

const DIR = join(import.meta.dirname, 'fixtures');
const FIXTURES: Fixture[] = readdirSync(DIR)
  .filter((f) => /^schema-v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture)
  .sort((a, b) => a.version - b.version);

/** What each upgrade is documented to do to a row it keeps (schema.ts); everything else stays as it was. */
const UPGRADED: Readonly<Record<number, (table: string, row: Row, fixture: Fixture) => Row>> = {
  2: (table, row) => (table === 'history' ? { batchKind: 'change', target: null, ...row } : row),
  3: (table, row) =>
    table === 'questions' ? { ...row, placedClaimIds: Object.keys((row.stances ?? {}) as object) } : row,
  // version 4 adds derived tables only (facets, summaries, search index), built from the rows
  4: (_table, row) => row,
  // version 5 adds the sync tables (empty until a team is connected); rows stay as they were
  5: (_table, row) => row,
  // version 6 drops claim indexes and rebuilds the facet rows (new keys): rows stay as they were
  6: (_table, row) => row,
  // version 7 rebuilds the facet and key rows (shorter, fewer keys): rows stay as they were
  7: (_table, row) => row,
  // version 8 adds the placement rows (built from the questions): rows stay as they were
  8: (_table, row) => row,
  // version 9 drops the key rows and rebuilds the facet rows with every key: rows stay as they were
  9: (_table, row) => row,
  // version 10 adds the library's counts by check-worthiness points: only the library's summary changes
  10: (_table, row) => row,
  // version 11 marks the first history entry (lowest id) of each batch as its head: `hd` = its batch
  11: (table, row, fixture) => {
    if (table !== 'history') return row;
    const first = (fixture.tables.history ?? [])
      .filter((e) => e.batchId === row.batchId)
      .reduce((a, b) => (String(a.id) < String(b.id) ? a : b));
    return first.id === row.id ? { ...row, hd: row.batchId } : row;
  },
  // version 12 changes only claim indexes: rows stay as they were
  12: (_table, row) => row,
  // version 13 adds the derived `claimSourced` keys (built from the facet rows): rows stay as they were
  13: (_table, row) => row,
  // version 14 puts the keys a verdict or an update moves on the claim rows too (`hk`, not seen above
  // the middleware); the facet rows stay as they were (old-facets.ts `isOldFacet`)
  14: (_table, row) => row,
  // version 15 adds the store of history batch rows: entries stored before stay where they are
  15: (_table, row) => row,
};

/** Derived rows an upgrade rebuilds in a new shape (checked against a rebuild from the rows below). */
const REBUILT_AT: Readonly<Record<string, number>> = { claimFacets: 9, summaries: 10 };
/** Derived tables a later version dropped (their keys are on the facet rows since version 9). */
const DROPPED = new Set(['claimKeys']);

function expected(fixture: Fixture, table: string, row: Row): Row {
  let out = row;
  for (const v of SCHEMA_VERSIONS)
    if (v.version > fixture.version) out = UPGRADED[v.version]?.(table, out, fixture) ?? out;
  // a claim as read through the app: without the hot keys it is stored with (version 14)
  return table === 'claims' ? (withoutHotKeys(out as unknown as Claim) as unknown as Row) : out;
}

async function writeAtVersion(fixture: Fixture): Promise<void> {
  const old = new Dexie(DB_NAME);
  declareSchema(old, fixture.version);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  old.close();
}

// connections opened here at older versions run the upgrade steps, which the app's open loads
beforeAll(() => loadWriteLayer());

beforeEach(async () => {
  await resetDb();
  db.close();
  await Dexie.delete(DB_NAME);
});

describe('schema fixtures', () => {
  test('there is a fixture for every released version', () => {
    expect(FIXTURES.map((f) => f.version)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  for (const fixture of FIXTURES) {
    describe(`a library at version ${fixture.version}, upgraded to ${CURRENT_VERSION}`, () => {
      beforeEach(async () => {
        await writeAtVersion(fixture);
        await db.open();
      });

      test('every row survives, as each upgrade says', async () => {
        expect(db.verno).toBe(CURRENT_VERSION);
        for (const [table, rows] of Object.entries(fixture.tables)) {
          if (fixture.version < (REBUILT_AT[table] ?? 0) || DROPPED.has(table)) continue;
          const keyPath = db.table(table).schema.primKey.keyPath as string | string[];
          // a compound key (placement rows: [q+c]) is the array of its parts
          const keyOf = (row: Row) =>
            (Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : row[keyPath]) as string;
          expect(await db.table(table).count(), table).toBe(rows.length);
          for (const row of rows) {
            expect(await db.table(table).get(keyOf(row)), `${table} ${String(keyOf(row))}`).toEqual(
              expected(fixture, table, row),
            );
          }
        }
      });

      test('every link still points at a row, and every claim at its words', async () => {
        const [articles, claims, speakers, sources, evidence, questions, history] = await Promise.all([
          db.articles.toArray(),
          db.claims.toArray(),
          db.speakers.toArray(),
          db.sources.toArray(),
          db.evidence.toArray(),
          db.questions.toArray(),
          storedHistory(),
        ]);
        const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
        const ids: Record<string, Map<string, unknown>> = {
          articles: byId(articles),
          claims: byId(claims),
          speakers: byId(speakers),
          sources: byId(sources),
          evidence: byId(evidence),
          questions: byId(questions),
        };
        expect(claims.length).toBeGreaterThan(10);
        for (const c of claims) {
          const article = articles.find((a) => a.id === c.articleId);
          expect(article, c.id).toBeDefined();
          expect(article!.text.slice(c.start, c.end)).toBe(c.text);
          if (c.speakerId !== null) expect(ids.speakers!.has(c.speakerId), c.id).toBe(true);
        }
        for (const e of evidence) {
          expect(ids.claims!.has(e.claimId)).toBe(true);
          expect(ids.sources!.has(e.sourceId)).toBe(true);
        }
        for (const q of questions) {
          for (const a of q.articleIds) expect(ids.articles!.has(a)).toBe(true);
          for (const c of Object.keys(q.stances)) expect(ids.claims!.has(c)).toBe(true);
        }
        for (const h of history) {
          expect(ids[h.table]?.has(h.rowId), `${h.table} ${h.rowId}`).toBe(true);
          expect(['change', 'undo', 'redo']).toContain(h.batchKind);
          if (h.batchKind !== 'change') expect(history.some((t) => t.batchId === h.target)).toBe(true);
        }
        // the indexes find the old rows
        for (const a of articles) {
          expect((await db.articles.where('sha256').equals(a.sha256).first())?.id).toBe(a.id);
          expect(await db.claims.where('articleId').equals(a.id).count()).toBe(
            claims.filter((c) => c.articleId === a.id).length,
          );
        }
        expect(await db.claims.where('deletedAt').between(0, Infinity, true, true).count()).toBe(
          claims.filter((c) => c.deletedAt !== null).length,
        );
      });

      test('the kept summaries and facets match the rows', async () => {
        const [claims, evidence, speakers] = await Promise.all([
          db.claims.toArray(),
          db.evidence.toArray(),
          db.speakers.toArray(),
        ]);
        const derived = computeDerived(claims as Claim[], evidence as Evidence[], speakers as Speaker[]);
        const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
        expect(derived.summaries.length).toBeGreaterThan(0);
        expect(await db.summaries.orderBy('id').toArray()).toEqual([...derived.summaries].sort(byId));
        // each facet row's cold keys and values (a row version 13 wrote also holds its old verdict and hot keys)
        const facets = await db.claimFacets.orderBy('id').toArray();
        expect(facets.map(storedFormOf)).toEqual([...derived.facets].sort(byId));
        // version 14's hot keys, on every claim row as stored
        const stored = await storedClaims(db);
        expect(stored.length).toBe(claims.length);
        for (const c of stored) expect(c.hk, c.id).toEqual(hotKeysOf(c));
        // version 13's keys of the claims with a source
        expect(await db.claimSourced.orderBy('id').primaryKeys()).toEqual(
          derived.facets
            .filter((f) => f.h === 1)
            .map((f) => f.id)
            .sort(),
        );
        expect(db.tables.map((t) => t.name)).not.toContain('claimKeys');
        // a minimum check-worthiness counted from the library's counts by points (version 10)
        const live = (claims as Claim[]).filter((c) => c.deletedAt === null);
        for (const min of [0, 0.3, 0.5, 0.7])
          expect(await countClaims({ minCheckworthy: min }), String(min)).toBe(
            live.filter((c) => c.checkworthy.score >= min).length,
          );
        // the placement rows (version 8): every live question's placed claims
        const placements = computePlacements(
          (await db.questions.toArray()) as Question[],
          claims as Claim[],
          evidence as Evidence[],
        );
        expect(placements.length).toBeGreaterThan(0);
        expect(await db.placedClaims.toArray()).toEqual(placements.sort(byPlacementKey));
        const questions = (await db.questions.orderBy('id').toArray()) as Question[];
        expect(await db.questionPacks.orderBy('id').toArray()).toEqual(questions.map(packOf));
      });

      test('the library list, undo and new writes work on the upgraded data', async () => {
        // the library's per-article progress (read from summaries, kept since version 4)
        const summaries = await (
          articleQueries.list().queryFn as (context: { signal: AbortSignal }) => Promise<ArticleSummary[]>
        )({ signal: new AbortController().signal });
        const live = fixture.tables.articles!.filter((a) => a.deletedAt === null);
        expect(summaries.map((s) => s.id).sort()).toEqual(live.map((a) => a.id).sort());
        for (const s of summaries) {
          const claims = fixture.tables.claims!.filter((c) => c.articleId === s.id && c.deletedAt === null);
          expect(s.claimCount, s.title).toBe(claims.length);
        }

        const before = await readUndoState();
        expect(before.undo).not.toBeNull();
        const someClaims = (await db.claims
          .where('articleId')
          .equals(live[0]!.id as ArticleId)
          .filter((c) => c.deletedAt === null)
          .primaryKeys()) as never[];
        await addTagToClaims(someClaims, 'after-upgrade');
        expect((await undo())?.applied).toBe(someClaims.length);
        expect(await countClaims({ tags: ['after-upgrade'] })).toBe(0);
        expect((await readUndoState()).undo?.batchId).toBe(before.undo?.batchId);
      });
    });
  }
});
