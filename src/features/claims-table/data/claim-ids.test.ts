import { beforeEach, describe, expect, test } from 'vitest';
import type { Claim, ClaimId } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { type ClaimFilters, EMPTY_FILTERS } from '@/core/review/filters';
import { saveImportedArticle } from '@/db/articles';
import { listClaims } from '@/db/claim-list';
import { addTagToClaims, setClaimsVerdict, softDeleteClaim, updateClaim } from '@/db/claims';
import { db } from '@/db/db';
import { attachSource } from '@/db/evidence';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { claimRows, matchingClaimIds } from './claim-ids';

beforeEach(resetDb);

/** Two articles, some verdicts, a tag, a source, a tombstone and varied check-worthiness. */
async function seed() {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  const all = await db.claims.orderBy('[articleId+start]').toArray();
  const ids = all.map((c) => c.id);
  await setClaimsVerdict([ids[0]!, ids[4]!], 'false');
  await setClaimsVerdict([ids[1]!], 'true');
  await addTagToClaims([ids[0]!, ids[5]!], 'Budget');
  await attachSource(ids[1]!, { url: 'https://example.org/report', title: 'Force annual report' });
  await updateClaim(ids[2]!, { checkworthy: { score: 0.9, signals: ['number'] } });
  await softDeleteClaim(ids[3]!);
  const speakers = await db.speakers.toArray();
  return { ids, speakers };
}

const sortKey = (f: ClaimFilters, c: Claim, names: Map<string, string>): string | number => {
  switch (f.sort) {
    case 'updated':
      return c.updatedAt;
    case 'checkworthy':
      return c.checkworthy.score;
    case 'verdict':
      return VERDICTS.indexOf(c.verdict);
    case 'speaker':
      return (c.speakerId && names.get(c.speakerId)?.toLowerCase()) || '\uffff';
    default:
      return `${c.articleId}:${String(c.start).padStart(8, '0')}`;
  }
};

describe('matchingClaimIds', () => {
  test('matches the same claims as the data layer’s list, in its sort order, for every filter', async () => {
    const { speakers } = await seed();
    const names = new Map(speakers.map((s) => [s.id as string, s.name]));
    const billings = speakers.find((s) => s.name === 'Alan Billings')!;
    const articleB = (await db.articles.toArray()).find((a) => a.text === ARTICLE_B)!;
    const cases: Partial<ClaimFilters>[] = [
      {},
      { speakerIds: [billings.id] },
      { articleIds: [articleB.id] },
      { verdicts: ['false'] },
      { verdicts: ['false'], speakerIds: [billings.id] },
      { tags: ['budget'] },
      { kinds: ['mixed'] },
      { source: 'with' },
      { source: 'without' },
      { minCheckworthy: 0.6 },
      { q: 'officers' },
      { q: 'annual report' },
      { sort: 'updated', desc: true },
      { sort: 'checkworthy', desc: true },
      { sort: 'verdict' },
      { sort: 'speaker' },
      { sort: 'speaker', verdicts: ['unchecked'] },
    ];
    for (const partial of cases) {
      const f = { ...EMPTY_FILTERS, ...partial };
      const mine = await matchingClaimIds(f);
      const theirs = (await listClaims(f, { offset: 0, limit: 1000 })).map((c) => c.id);
      expect(new Set(mine), JSON.stringify(partial)).toEqual(new Set(theirs));
      expect(mine).toHaveLength(theirs.length);
      if (!f.q) {
        const rows = (await db.claims.bulkGet(mine as ClaimId[])) as Claim[];
        const keys = rows.map((c) => sortKey(f, c, names));
        const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(keys, JSON.stringify(partial)).toEqual(f.desc ? sorted.reverse() : sorted);
      }
    }
  });

  test('a page of rows carries source counts and flags a rating without a source', async () => {
    const { ids } = await seed();
    const rows = await claimRows([ids[0]!, ids[1]!, ids[3]!] as ClaimId[]);
    expect(rows.map((r) => [r.id, r.verdict, r.sourceCount, r.flagged])).toEqual([
      [ids[0], 'false', 0, true],
      [ids[1], 'true', 1, false],
      // ids[3] is in the trash: left out
    ]);
  });
});
