/**
 * Read shapes the compare and profile reads could take, timed one after the other in the same page
 * (BENCH_COMPARE_SHAPES=1): what a request costs against what a row costs, so a read is shaped by
 * measurement. Each shape is the same rows (or a superset) read a different way, in its own
 * read-only transaction, alternating, median of `runs`.
 */
import type { ArticleId, ClaimId, SpeakerId } from '@/core/model/types';
import { minuteRanges, placementsOf } from '@/db/compare-read';
import { db } from '@/db/db';
import { unpack } from '@/db/derived/placements';

type Shape = { name: string; run: () => Promise<number> };

export async function timeReadShapes(
  compareArticles: readonly ArticleId[],
  heavySpeaker: SpeakerId,
  runs: number,
): Promise<Record<string, { median: number; rows: number }>> {
  const questions = await db.questions.toArray();
  const placed = [...new Set(questions.flatMap((q) => Object.keys(q.stances)))] as ClaimId[];
  const claims = (await db.claims.bulkGet(placed)).filter((c) => c !== undefined);
  const allHeadIds = (await db.articleHeads.toCollection().primaryKeys()) as ArticleId[];
  const byArticle = new Map<string, string[]>();
  for (const c of claims) byArticle.set(c.articleId, [...(byArticle.get(c.articleId) ?? []), c.id]);
  const perArticle = [...byArticle.values()].flatMap((ids) => minuteRanges(ids));
  const global = minuteRanges(claims.map((c) => c.id));
  const evidenceIn = (ranges: [string, string][]) =>
    Promise.all(ranges.map(([lo, hi]) => db.evidence.where('claimId').between(lo, hi, true, true).toArray()));
  const tx = <T>(tables: string[], f: () => Promise<T>) => db.transaction('r', tables, f);
  const shapes: Shape[] = [
    { name: `claims: ${placed.length} gets`, run: async () => (await db.claims.bulkGet(placed)).length },
    {
      name: `heads: ${compareArticles.length} gets`,
      run: async () => (await db.articleHeads.bulkGet([...compareArticles])).length,
    },
    {
      name: `heads: ${allHeadIds.length} gets`,
      run: async () => (await db.articleHeads.bulkGet(allHeadIds)).length,
    },
    { name: 'heads: one getAll of the table', run: async () => (await db.articleHeads.toArray()).length },
    { name: 'heads: count', run: async () => db.articleHeads.count() },
    {
      name: `evidence: ${perArticle.length} ranges (per article)`,
      run: async () => (await evidenceIn(perArticle)).flat().length,
    },
    {
      name: `evidence: ${global.length} ranges (per minute)`,
      run: async () => (await evidenceIn(global)).flat().length,
    },
    {
      name: 'speaker claim keys (getAllKeys)',
      run: async () => (await db.claims.where('speakerId').equals(heavySpeaker).primaryKeys()).length,
    },
    { name: 'questions: one getAll', run: async () => (await db.questions.toArray()).length },
    {
      name: 'question packs (v8): one getAll, unpacked',
      run: async () => (await db.questionPacks.toArray()).map(unpack).length,
    },
    {
      name: `placed claims (v8): ${questions.length} placement ranges`,
      run: async () => (await placementsOf(questions)).length,
    },
    {
      name: 'speaker placements (v8): the s index',
      run: async () => (await db.placedClaims.where('s').equals(heavySpeaker).toArray()).length,
    },
    {
      name: 'questions: placedClaimIds anyOf speaker ids',
      run: async () => {
        const ids = await db.claims.where('speakerId').equals(heavySpeaker).primaryKeys();
        return (await db.questions.where('placedClaimIds').anyOf(ids).primaryKeys()).length;
      },
    },
  ];
  const ms = new Map<string, number[]>();
  const rows = new Map<string, number>();
  for (let i = 0; i < runs; i++)
    for (const s of shapes) {
      const t = performance.now();
      const n = await tx(
        ['claims', 'articleHeads', 'evidence', 'questions', 'questionPacks', 'placedClaims'],
        s.run,
      );
      ms.set(s.name, [...(ms.get(s.name) ?? []), Math.round((performance.now() - t) * 10) / 10]);
      rows.set(s.name, n);
    }
  return Object.fromEntries(
    [...ms].map(([name, m]) => [
      name,
      { median: [...m].sort((a, b) => a - b)[m.length >> 1]!, rows: rows.get(name)! },
    ]),
  );
}
