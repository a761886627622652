import { beforeEach, expect, test } from 'vitest';
import type { Claim, Speaker, SpeakerId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle } from '../articles';
import { db } from '../db';
import { belowDerived } from '../testing/request-log';
import { claimsWriteIssued, claimsWritesSoFar, noClaimsFound } from './claimless-speakers';
import { speakerScope } from './facets';
import { computeDerived } from './rebuild';

beforeEach(resetDb);

/** The summary rows asked for, below the derived-rows middleware. */
async function summaryReads(): Promise<string[]> {
  const keys: string[] = [];
  await belowDerived('summary-reads', (name, table) => ({
    ...table,
    getMany: (req) => {
      if (name === 'summaries') keys.push(...(req.keys as string[]));
      return table.getMany(req);
    },
    get: (req) => {
      if (name === 'summaries') keys.push(req.key as string);
      return table.get(req);
    },
  }));
  return keys;
}

/** How many live claims a summary row counts (one verdict key each). */
const claimsIn = async (scope: string) => {
  const counts = (await db.summaries.get(scope))?.counts ?? {};
  return Object.entries(counts).reduce((n, [k, v]) => (/^v:[^|]*$/.test(k) ? n + v : n), 0);
};

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

async function summariesMatchRebuild() {
  const [claims, evidence, speakers] = await Promise.all([
    db.claims.toArray(),
    db.evidence.toArray(),
    db.speakers.toArray(),
  ]);
  expect(byId(await db.summaries.toArray())).toEqual(
    byId(computeDerived(claims, evidence, speakers).summaries),
  );
}

test('an import reads no summary row of the speakers it creates, and their rows count its claims', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const known = new Set((await db.speakers.toCollection().primaryKeys()) as string[]);
  const reads = await summaryReads();
  const { articleId } = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  const claims = await db.claims.where('articleId').equals(articleId).toArray();
  const speakersOfB = [...new Set(claims.map((c) => c.speakerId).filter((s) => s !== null))];
  expect(speakersOfB.length).toBeGreaterThan(0);
  // a speaker of article A that B names again has claims: its row is read and added to
  const newOnes = speakersOfB.filter((s) => !reads.includes(speakerScope(s)));
  expect(newOnes.length).toBeGreaterThan(0);
  for (const s of newOnes) expect(known.has(s), s).toBe(false);
  const all = await db.claims.toArray();
  for (const s of speakersOfB) {
    const n = all.filter((c) => c.speakerId === s && c.deletedAt === null).length;
    expect(await claimsIn(speakerScope(s)), s).toBe(n);
  }
  await summariesMatchRebuild();
});

test('a speaker written after claims that name it (a team sends them first) keeps their counts', async () => {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const [first] = await db.claims.where('articleId').equals(articleId).sortBy('start');
  const orphan = 'spk-sent-later' as SpeakerId;
  // a claim naming a speaker this library does not hold yet
  await db.claims.put({ ...(first as Claim), speakerId: orphan, updatedAt: first!.updatedAt + 1 });
  expect(await claimsIn(speakerScope(orphan))).toBe(1);
  const second = { ...(first as Claim), id: `${first!.id}.copy` as Claim['id'], speakerId: orphan };
  const speaker: Speaker = {
    id: orphan,
    name: 'Sent Later',
    key: 'sent later',
    aliases: [],
    role: null,
    type: 'person',
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null,
  } as unknown as Speaker;
  const reads = await summaryReads();
  await db.transaction('rw', db.speakers, db.claims, async () => {
    await db.speakers.add(speaker);
    await db.claims.add(second);
  });
  // the speaker named a claim before: its row was read, and now counts both
  expect(reads).toContain(speakerScope(orphan));
  expect(await claimsIn(speakerScope(orphan))).toBe(2);
  await summariesMatchRebuild();
});

test('a finding asked before a write of claims is not kept, nor one past that write', () => {
  const trans = {} as never;
  const asOf = claimsWritesSoFar(trans);
  noClaimsFound(trans, asOf, ['a']);
  // the next write of claims is told of it, and the one after is not
  expect([...claimsWriteIssued(trans)]).toEqual(['a']);
  expect([...claimsWriteIssued(trans)]).toEqual([]);
  // read asked, then a write of claims asked before its answer: the read may predate the write
  const stale = claimsWritesSoFar(trans);
  claimsWriteIssued(trans);
  noClaimsFound(trans, stale, ['b']);
  expect([...claimsWriteIssued(trans)]).toEqual([]);
});
