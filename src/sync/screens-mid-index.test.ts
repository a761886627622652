/**
 * Between "rows in" and "filters ready" (a first sync's facet rows still to come) the speaker
 * profile and the comparison read only rows final by then (summaries, article heads, placements,
 * claims by their own indexes): they show what they show once indexing is over, with no note.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { Claim, SpeakerId } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { readComparison } from '@/db/compare-read';
import { readPlacePage, readScopeSpeakers } from '@/db/compare-scope-read';
import { db } from '@/db/db';
import { attachSource } from '@/db/evidence';
import { createQuestion, setStance } from '@/db/questions';
import { readProfileClaims, readProfileHead } from '@/db/speaker-profile-read';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { CATCH_UP_KEY, type CatchUpMark, finishCatchUp } from './catch-up';

beforeEach(resetDb);

async function library() {
  const a = await saveImportedArticle({ text: ARTICLE_A, publishedAt: '2024-05-01' }, extractionA());
  const b = await saveImportedArticle({ text: ARTICLE_B, publishedAt: '2024-09-10' }, extractionB());
  const claims = await db.claims.toArray();
  const byText = (t: string) => claims.find((c) => c.text.startsWith(t)) as Claim;
  const q = await createQuestion('Is trust in the police returning?');
  await setStance(q.id, byText('Trust is').id, 'for');
  await setStance(q.id, byText('We have 200').id, 'against');
  await attachSource(byText('Trust is').id, { url: 'https://example.org/survey', title: 'Survey' });
  return { articleIds: [a.articleId, b.articleId], speaker: byText('We have 200').speakerId as SpeakerId };
}

/** As a first sync in catch-up mode leaves the library: rows without derived rows, and the flag. */
async function synced() {
  const derived = [db.claimFacets, db.summaries, db.articleHeads, db.placedClaims, db.questionPacks];
  await db.transaction('rw', [...derived, db.syncState], async () => {
    await Promise.all(derived.map((t) => t.clear()));
    await db.syncState.put({ key: CATCH_UP_KEY, value: { since: 0 } satisfies CatchUpMark });
  });
}

/** What `read` gives when the rows are in (no facet row yet), and once the facet rows are written. */
async function midIndexAndAfter<T>(read: () => Promise<T>): Promise<{ mid: T; after: T; facetsMid: number }> {
  let mid: T | undefined;
  let facetsMid = -1;
  await finishCatchUp(db, {
    chunkSize: 2,
    countFirst: true,
    onCounted: async () => {
      facetsMid = await db.claimFacets.count();
      mid = await read();
    },
  });
  expect(await db.claimFacets.count()).toBe(await db.claims.count());
  return { mid: mid as T, after: await read(), facetsMid };
}

describe('screens while the filter rows are built (loading before indexing)', () => {
  test('the speaker profile: head and "by article" pages as they are once indexed', async () => {
    const { speaker } = await library();
    const before = await readProfileHead(speaker);
    expect(before.counts.claimCount).toBe(3);
    expect(before.placed.length).toBe(2);
    await synced();
    const { mid, after, facetsMid } = await midIndexAndAfter(async () => {
      const head = await readProfileHead(speaker);
      return { head, pages: await readProfileClaims(speaker, head.articles) };
    });
    expect(facetsMid).toBe(0);
    expect(mid).toEqual(after);
    expect(mid.head).toEqual(before);
  });

  test('the comparison and its scope (speakers, claims to place): as they are once indexed', async () => {
    const { articleIds } = await library();
    const read = async () => ({
      comparison: await readComparison({ articleIds }),
      everything: await readComparison({ articleIds: [] }),
      speakers: await readScopeSpeakers(articleIds),
      place: await readPlacePage(articleIds, { speakerId: null, text: '' }, 0),
    });
    const before = await read();
    expect(before.everything.claims.length).toBe(2);
    expect(before.place.claims.length).toBeGreaterThan(2);
    expect(before.speakers.length).toBeGreaterThan(1);
    await synced();
    const { mid, after, facetsMid } = await midIndexAndAfter(read);
    expect(facetsMid).toBe(0);
    expect(mid).toEqual(after);
    expect(mid).toEqual(before);
  });
});
