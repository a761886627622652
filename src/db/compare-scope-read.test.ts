import { beforeEach, describe, expect, test } from 'vitest';
import type { SpeakerId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { softDeleteClaim } from './claims';
import { readPlacePage, readScopeSpeakers, readSuggestInput } from './compare-scope-read';
import { db } from './db';

beforeEach(resetDb);

async function library() {
  const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const b = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  return [a.articleId, b.articleId] as const;
}

describe('compare scope reads', () => {
  test('a page holds the live attributed claims of the articles in order, narrowed by speaker and words', async () => {
    const ids = await library();
    const all = (await db.claims.toArray()).filter((c) => c.speakerId !== null);
    const gone = all[0]!;
    await softDeleteClaim(gone.id);

    const page = await readPlacePage(ids, { speakerId: null, text: '' }, 0);
    expect(page.next).toBeNull();
    expect(page.claims.map((c) => c.id).sort()).toEqual(
      all
        .filter((c) => c.id !== gone.id)
        .map((c) => c.id)
        .sort(),
    );
    // article order, then text order
    const firstOfB = page.claims.findIndex((c) => c.articleId === ids[1]);
    expect(page.claims.slice(0, firstOfB).every((c) => c.articleId === ids[0])).toBe(true);

    const speaker = all.find((c) => c.id !== gone.id)!.speakerId as SpeakerId;
    const bySpeaker = await readPlacePage(ids, { speakerId: speaker, text: '' }, 0);
    expect(bySpeaker.claims.length).toBeGreaterThan(0);
    expect(bySpeaker.claims.every((c) => c.speakerId === speaker)).toBe(true);

    const word = all[1]!.text.split(' ').slice(1, 3).join(' ').toUpperCase();
    const byWords = await readPlacePage(ids, { speakerId: null, text: word }, 0);
    expect(byWords.claims.length).toBeGreaterThan(0);
    expect(byWords.claims.every((c) => c.text.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    expect(byWords.claims.length).toBeLessThan(page.claims.length);

    // from the second article on
    const rest = await readPlacePage(ids, { speakerId: null, text: '' }, 1);
    expect(rest.claims.every((c) => c.articleId === ids[1])).toBe(true);
  });

  test('speakers come from the kept summaries; suggestion input stops at its bound', async () => {
    const ids = await library();
    const speakers = await readScopeSpeakers(ids);
    const claims = await db.claims.toArray();
    expect(speakers.map((s) => s.id).sort()).toEqual(
      [...new Set(claims.flatMap((c) => (c.speakerId ? [c.speakerId] : [])))].sort(),
    );
    expect(speakers.map((s) => s.name)).toEqual(
      [...speakers.map((s) => s.name)].sort((x, y) => x.localeCompare(y)),
    );
    const input = await readSuggestInput(ids, 3);
    expect(input).toHaveLength(3);
    expect(input.every((c) => c.speakerId !== null)).toBe(true);
  });
});
