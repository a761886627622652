import { beforeEach, expect, test } from 'vitest';
import type { Claim, ClaimId } from '@/core/model/types';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from '../articles';
import { countClaims, matchingClaimIds } from '../claim-list';
import { addTagToClaims, setClaimsVerdict, setClaimVerdict } from '../claims';
import { db } from '../db';
import { attachSource } from '../evidence';
import { updateSpeaker } from '../speakers';
import { belowDerived } from '../testing/request-log';
import { facetRowsAsVersion13 } from '../testing/version-13-facets';
import { undo } from '../undo';
import type { StoredFacet } from './hot-keys';
import { WIDENED } from './middleware';
import { CATCH_UP_KEY, isHotKey, isOldFacet, SOURCED_CAP, storedFormOf } from './old-facets';
import {
  computeDerived,
  type RebuildCursor,
  rebuildDerivedIn,
  rebuildStepIn,
  startRebuildIn,
} from './rebuild';

beforeEach(resetDb);

/** Facet rows read by id below the derived middleware, counted. */
async function facetReads(): Promise<{ keys: number }> {
  const seen = { keys: 0 };
  await belowDerived('old-facet-reads', (name, table) =>
    name === 'claimFacets'
      ? {
          ...table,
          getMany: (req) => {
            seen.keys += req.keys.length;
            return table.getMany(req);
          },
        }
      : table,
  );
  return seen;
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * The kept facets, summaries and sourced keys equal those worked out from scratch: each facet row's
 * cold keys and values (a row as version 13 left it may hold more: `storedFormOf`).
 */
async function expectKept(): Promise<void> {
  const [claims, evidence, speakers] = await Promise.all([
    db.claims.toArray(),
    db.evidence.toArray(),
    db.speakers.toArray(),
  ]);
  const expected = computeDerived(claims, evidence, speakers);
  expect(byId(await db.summaries.toArray())).toEqual(byId(expected.summaries));
  expect(byId((await db.claimFacets.toArray()).map(storedFormOf))).toEqual(byId(expected.facets));
  expect((await db.claimSourced.toCollection().primaryKeys()).sort()).toEqual(
    expected.facets
      .filter((f) => f.h === 1)
      .map((f) => f.id)
      .sort(),
  );
}

async function library(): Promise<ClaimId[]> {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const ids = (await db.claims.where('articleId').equals(articleId).primaryKeys()) as ClaimId[];
  await attachSource(ids[0]!, { url: 'https://example.org/a', title: 'A' });
  await attachSource(ids[2]!, { url: 'https://example.org/b', title: 'B' });
  return ids;
}

test('a bulk verdict and its undo work out the old facet rows from the claims they read: no facet row is read', async () => {
  const ids = await library();
  expect(await db.claimSourced.count()).toBe(2);
  const reads = await facetReads();
  await setClaimsVerdict(ids, 'false');
  expect(reads.keys).toBe(0);
  await expectKept();
  await undo();
  expect(reads.keys).toBe(0);
  await expectKept();
});

test('while a first sync is still indexing (claims may lack facet rows), the facet rows are read', async () => {
  const ids = await library();
  await db.syncState.put({ key: CATCH_UP_KEY, value: { since: 1 } });
  const reads = await facetReads();
  await setClaimsVerdict(ids, 'false');
  expect(reads.keys).toBe(ids.length);
  await expectKept();
});

/** In one transaction: the claims read, then `write` with them; the facet row keys read below the middleware. */
async function readThenWrite(ids: ClaimId[], write: (claims: Claim[]) => Promise<unknown>) {
  const reads = await facetReads();
  await db.transaction('rw', db.claims, async () => write((await db.claims.bulkGet(ids)) as Claim[]));
  await expectKept();
  return reads.keys;
}

test('a claim written since it was read in the transaction has its facet row read', async () => {
  const ids = await library();
  const keys = await readThenWrite(ids, async (claims) => {
    await db.claims.put({ ...claims[1]!, tags: ['later'], updatedAt: claims[1]!.updatedAt + 1 });
    await db.claims.bulkPut(
      claims.map((c) => ({ ...c, verdict: 'false' as const, updatedAt: c.updatedAt + 2 })),
    );
  });
  expect(keys).toBeGreaterThan(0);
});

test('rows read and then changed in place before their write still count from what was stored', async () => {
  const ids = await library();
  const keys = await readThenWrite(ids, (claims) => {
    for (const c of claims) {
      (c as { verdict: string }).verdict = 'false';
      (c.tags as string[]).push('edited');
      (c.checkworthy as { score: number }).score = 0.99;
    }
    return db.claims.bulkPut(claims);
  });
  expect(keys).toBe(0);
});

test('a batch whose id range holds more sourced keys than the cap has its facet rows read', async () => {
  const ids = (await library()).sort();
  const [lo, hi] = [ids[0]!, ids.at(-1)!];
  // keys between the batch's first and last id (no claim has them: only the range read sees them)
  await db.claimSourced.bulkPut(Array.from({ length: SOURCED_CAP + 1 }, (_, i) => ({ id: `${lo}~${i}` })));
  expect(`${lo}~0` < hi).toBe(true);
  const reads = await facetReads();
  await setClaimsVerdict([lo, hi] as ClaimId[], 'false');
  expect(reads.keys).toBe(2);
});

test('a rebuild of the derived rows, whole or in steps, keeps the sourced keys beside the facet rows it writes', async () => {
  const ids = await library();
  // a claim that lost its source, and a stale key no facet row backs: a rebuild leaves neither
  await db.evidence.where('claimId').equals(ids[2]!).modify({ deletedAt: 1 });
  await db.claimSourced.put({ id: `${ids[0]}~stale` });
  const tables = WIDENED.map((n) => db.table(n));
  await db.transaction('rw', tables, (tx) => rebuildDerivedIn((n) => tx.table(n)));
  await expectKept();
  await db.claimSourced.put({ id: `${ids[0]}~stale` });
  await attachSource(ids[1]!, { url: 'https://example.org/c', title: 'C' });
  let cursor: RebuildCursor | null = await db.transaction('rw', tables, (tx) =>
    startRebuildIn((n) => tx.table(n)),
  );
  expect(await db.claimSourced.count()).toBe(0);
  while (cursor !== null) {
    const from: RebuildCursor = cursor;
    cursor = await db.transaction('rw', tables, (tx) => rebuildStepIn((n) => tx.table(n), from, 2));
  }
  await expectKept();
});

test('a verdict edit, one claim or many, and its undo write no facet row: the claims carry the keys a verdict moves', async () => {
  const ids = await library();
  const facetsBefore = await db.claimFacets.toArray();
  const writes = { facets: 0, claims: 0 };
  await belowDerived('facet-writes', (name, table) =>
    name === 'claimFacets' || name === 'claims'
      ? {
          ...table,
          mutate: (req) => {
            if (name === 'claimFacets') writes.facets++;
            else writes.claims++;
            return table.mutate(req);
          },
        }
      : table,
  );
  await setClaimVerdict(ids[1]!, 'misleading');
  await setClaimsVerdict(ids, 'false');
  await undo();
  await undo();
  expect(writes.claims).toBe(4);
  expect(writes.facets).toBe(0);
  expect(await db.claimFacets.toArray()).toEqual(facetsBefore);
  await expectKept();
  // a tag edit moves a cold key: its facet rows are written
  await addTagToClaims(ids, 'Budget');
  expect(writes.facets).toBeGreaterThan(0);
  await expectKept();
});

const facetRow = async (id: string) => (await db.claimFacets.get(id)) as unknown as StoredFacet;

test('facet rows as version 13 left them: lists and counts stay right through edits, and a write that reads a row stores its version-14 form', async () => {
  const ids = await library();
  await facetRowsAsVersion13(db);
  expect((await db.claimFacets.toArray()).every((r) => isOldFacet(r as StoredFacet))).toBe(true);
  await expectKept();
  // a bulk verdict works out its old facets without reading them: the rows keep their old verdict
  // and hot keys, which no list reads
  await setClaimsVerdict(ids, 'false');
  await expectKept();
  expect(isOldFacet(await facetRow(ids[0]!))).toBe(true);
  expect(await matchingClaimIds({ verdicts: ['unchecked'] })).toEqual([]);
  expect((await matchingClaimIds({ verdicts: ['false'], sort: 'updated' })).sort()).toEqual([...ids].sort());
  expect(await countClaims({ verdicts: ['false'], source: 'with' })).toBe(2);
  // a single edit reads the stored row: it goes back in its version-14 form, only its cold keys
  await setClaimVerdict(ids[1]!, 'misleading');
  const edited = await facetRow(ids[1]!);
  expect(isOldFacet(edited)).toBe(false);
  expect(edited.f.length).toBeGreaterThan(0);
  expect(edited.f.some(isHotKey)).toBe(false);
  await expectKept();
  expect(await matchingClaimIds({ verdicts: ['misleading'] })).toEqual([ids[1]]);
  // a rename rewrites its claims' rows (the speaker's sort key is cold): in their version-14 form
  const claim = (await db.claims.get(ids[0]!))!;
  await updateSpeaker(claim.speakerId!, { name: 'Zed Renamed' });
  const renamed = await facetRow(ids[0]!);
  expect(isOldFacet(renamed)).toBe(false);
  expect(renamed.f.some(isHotKey)).toBe(false);
  await expectKept();
  // undo of the rename, then of the single edit
  await undo();
  await undo();
  await expectKept();
  expect((await matchingClaimIds({ verdicts: ['false'] })).sort()).toEqual([...ids].sort());
});

test("a facet row whose cold keys are not its claim's does not pass for kept, old or new", async () => {
  const ids = await library();
  await facetRowsAsVersion13(db);
  const row = (await db.claimFacets.get(ids[0]!))!;
  const cold = row.f.filter((k) => !isHotKey(k));
  expect(cold.length).toBeGreaterThan(0);
  await db.claimFacets.put({ ...row, f: row.f.filter((k) => k !== cold[0]) });
  await expect(expectKept()).rejects.toThrow();
});
