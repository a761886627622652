import { type DBCore, Dexie, type Middleware } from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Claim, ClaimId } from '@/core/model/types';
import { claimSearchDoc, createClaimIndex, searchClaimIndex } from '@/core/search/claim-index';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { db } from './db';
import {
  CLAIM_STEP,
  claimSearchStats,
  resetClaimSearch,
  saveClaimSearch,
  searchClaims,
  warmClaimSearchHere,
} from './search';

/** Every read of claim rows (keys-only reads are not counted), in order: how many rows it returned. */
let reads: number[] = [];
/** Called after each read request on the claims table (the test's hook into the build's steps). */
let afterRead: (() => void) | null = null;

const readSpy: Middleware<DBCore> & { name: string } = {
  stack: 'dbcore',
  name: 'claim-read-spy',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'claims') return table;
      const seen = (rows: number) => {
        reads.push(rows);
        afterRead?.();
      };
      return {
        ...table,
        query: async (req) => {
          const res = await table.query(req);
          if (req.values) seen(res.result.length);
          return res;
        },
        getMany: async (req) => {
          const res = await table.getMany(req);
          seen(res.length);
          return res;
        },
      };
    },
  }),
};

/** The library: two imported articles, and `extra` copies of one of their claims with words of their own. */
async function library(extra: number): Promise<void> {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  const template = (await db.claims.toArray())[0]!;
  const copies: Claim[] = Array.from({ length: extra }, (_, i) => ({
    ...template,
    id: `copy-${String(i).padStart(6, '0')}` as ClaimId,
    text: `copy number ${i} of ${i % 7 === 0 ? 'hospital' : 'harbour'} figures`,
    tags: i % 5 === 0 ? ['health'] : [],
  }));
  await db.claims.bulkPut(copies);
}

/** Reopens the database with the read spy (middlewares are set up on open). */
async function spyOnClaimReads(): Promise<void> {
  db.close();
  db.use(readSpy);
  await db.open();
  resetClaimSearch();
  reads = [];
}

beforeEach(async () => {
  await resetDb();
  reads = [];
  afterRead = null;
});

afterEach(async () => {
  afterRead = null;
  db.close();
  db.unuse(readSpy);
  await db.open();
});

test('the index is built in steps: no read of claims holds more than one step, and a write gets in between', async () => {
  await library(Math.round(CLAIM_STEP * 2.5));
  await spyOnClaimReads();
  // a write asked while the build runs, right after its first read of claims, as a screen's request is
  let wrote: Promise<unknown> | null = null;
  let readsBeforeWrite = -1;
  const target = (await db.claims.get('copy-000001' as ClaimId))!;
  reads = [];
  afterRead = () => {
    afterRead = null;
    // a request of its own, as a screen's is (not inside the build's transaction)
    wrote = Dexie.ignoreTransaction(() =>
      db.claims.put({ ...target, notes: 'zebrafinch', updatedAt: Date.now() }).then(() => {
        readsBeforeWrite = reads.length;
      }),
    );
  };
  await warmClaimSearchHere();
  await wrote;
  expect(Math.max(...reads)).toBeLessThanOrEqual(CLAIM_STEP);
  // the build went on reading after the write was in: it did not wait for the whole read
  expect(readsBeforeWrite).toBeGreaterThan(0);
  expect(reads.length).toBeGreaterThan(readsBeforeWrite);
  expect(claimSearchStats().buildSteps).toBeGreaterThanOrEqual(3);
  // and the write made meanwhile is found by the first search
  expect((await searchClaims('zebrafinch')).map((h) => h.id)).toEqual([target.id]);
  expect(claimSearchStats().documents).toBe(await db.claims.filter((c) => c.deletedAt === null).count());
});

test('the stepped build answers exactly as an index built from every claim at once', async () => {
  await library(Math.round(CLAIM_STEP * 1.5));
  const claims = (await db.claims.toArray()).filter((c) => c.deletedAt === null);
  const speakers = new Map((await db.speakers.toArray()).map((s) => [s.id as string, s]));
  const sources = new Map((await db.sources.toArray()).map((s) => [s.id as string, s]));
  const evidence = (await db.evidence.toArray()).filter((e) => e.deletedAt === null);
  const whole = createClaimIndex(
    claims.map((c) =>
      claimSearchDoc(
        c,
        c.speakerId ? (speakers.get(c.speakerId) ?? null) : null,
        evidence.filter((e) => e.claimId === c.id).flatMap((e) => sources.get(e.sourceId) ?? []),
      ),
    ),
  );
  resetClaimSearch();
  for (const q of ['hospital', 'harbour figures', 'hospitl', 'health', 'officers', 'Jay report', 'copy 12']) {
    expect(await searchClaims(q, 10_000), q).toEqual(searchClaimIndex(whole, q, 10_000));
  }
});

test('a refresh after many changes reads them in steps too', async () => {
  await library(Math.round(CLAIM_STEP * 1.5));
  expect((await searchClaims('harbour')).length).toBeGreaterThan(0);
  await saveClaimSearch();
  // a later start, after an import of many claims elsewhere (another tab, a sync pull)
  const copies = await db.claims.where(':id').startsWith('copy-').toArray();
  await db.claims.bulkPut(copies.map((c) => ({ ...c, notes: 'quayside', updatedAt: Date.now() })));
  await spyOnClaimReads();
  expect((await searchClaims('quayside', 10_000)).length).toBe(copies.length);
  expect(claimSearchStats()).toMatchObject({ loaded: true, lastRefreshed: copies.length });
  expect(Math.max(...reads)).toBeLessThanOrEqual(CLAIM_STEP);
});
