import { beforeEach, describe, expect, test } from 'vitest';
import type { ArticleId, Claim, SpeakerId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle, softDeleteArticle } from './articles';
import { setClaimVerdict, softDeleteClaim } from './claims';
import { sourceCounts } from './compare-read';
import { db } from './db';
import { attachSource, removeEvidence } from './evidence';
import { createQuestion, setStance } from './questions';
import { readProfileClaims, readProfileHead } from './speaker-profile-read';

beforeEach(resetDb);

async function library() {
  const a = await saveImportedArticle({ text: ARTICLE_A, publishedAt: '2024-05-01' }, extractionA());
  const b = await saveImportedArticle(
    { text: ARTICLE_B, publishedAt: 'Tue, 10 Sep 2024 08:00:00 GMT' },
    extractionB(),
  );
  const claims = await db.claims.toArray();
  const byText = (t: string) => claims.find((c) => c.text.startsWith(t)) as Claim;
  return { a: a.articleId, b: b.articleId, byText };
}

describe('speaker profile reads', () => {
  test('the head: kept counts, articles oldest first, and only the placed claims with their questions', async () => {
    const { a, b, byText } = await library();
    const officers = byText('We have 200');
    const trust = byText('Trust is');
    const billings = officers.speakerId as SpeakerId;
    await setClaimVerdict(officers.id, 'true');
    const q = await createQuestion('Is trust in the police returning?');
    await setStance(q.id, trust.id, 'for');
    await attachSource(trust.id, { url: 'https://example.org/survey', title: 'Survey' });
    await createQuestion('Unrelated?');

    const head = await readProfileHead(billings);
    expect(head.speaker?.name).toBe('Alan Billings');
    expect(head.counts.claimCount).toBe(3);
    expect(head.counts.byVerdict.true).toBe(1);
    expect(head.counts.byVerdict.unchecked).toBe(2);
    expect(head.articles.map((x) => [x.id, x.date, x.claimCount])).toEqual([
      [a, '2024-05-01', 2],
      [b, '2024-09-10', 1],
    ]);
    expect(head.questions.map((x) => x.text)).toEqual(['Is trust in the police returning?']);
    expect(head.placed).toEqual([
      expect.objectContaining({ id: trust.id, sourceCount: 1, date: '2024-09-10', articleId: b }),
    ]);

    const pages = await readProfileClaims(billings, head.articles);
    expect(pages.map((p) => [p.articleId, p.claims.map((c) => c.text)])).toEqual([
      [a, ['We have 200 more officers than in 2014.', 'Victims are listened to now.']],
      [b, ['Trust is returning.']],
    ]);
    expect(pages[1]!.claims[0]).toMatchObject({ sourceCount: 1, date: '2024-09-10' });
    // the head holds the first page of the "by article" section, read with it
    expect(head.firstPage).toEqual({ articles: pages, next: null });
  });

  test('claims and articles in the trash drop out; an unknown speaker reads empty', async () => {
    const { b, byText } = await library();
    const officers = byText('We have 200');
    const billings = officers.speakerId as SpeakerId;
    const q = await createQuestion('Is trust in the police returning?');
    await setStance(q.id, byText('Trust is').id, 'for');
    await softDeleteArticle(b);
    await softDeleteClaim(officers.id);

    const head = await readProfileHead(billings);
    expect(head.counts.claimCount).toBe(1);
    expect(head.articles.map((x) => x.claimCount)).toEqual([1]);
    expect(head.placed).toEqual([]);
    const pages = await readProfileClaims(billings, head.articles);
    expect(pages[0]!.claims.map((c) => c.text)).toEqual(['Victims are listened to now.']);

    const nobody = await readProfileHead('nobody' as SpeakerId);
    expect(nobody).toMatchObject({ speaker: null, articles: [], questions: [], placed: [] });
    expect(nobody.counts.claimCount).toBe(0);
  });
});

describe('source counts', () => {
  test('each live link counted once, however the ranges of the claims overlap', async () => {
    const { byText } = await library();
    const claims = (await db.claims.toArray()).sort((x, y) => (x.id < y.id ? -1 : 1));
    const officers = byText('We have 200');
    const trust = byText('Trust is');
    await attachSource(officers.id, { url: 'https://example.org/a', title: 'A' });
    await attachSource(officers.id, { url: 'https://example.org/b', title: 'B' });
    await attachSource(trust.id, { url: 'https://example.org/c', title: 'C' });
    const gone = await attachSource(trust.id, { url: 'https://example.org/d', title: 'D' });
    await removeEvidence(gone.evidence.id);
    // claims spread over two made-up articles by turns: their id ranges overlap
    const asked = claims.map((c, i) => ({ id: c.id, articleId: (i % 2 === 0 ? 'x' : 'y') as ArticleId }));
    const counts = await sourceCounts(asked);
    expect(Object.fromEntries(counts)).toEqual({ [officers.id]: 2, [trust.id]: 1 });
    expect((await sourceCounts(asked.filter((c) => c.id !== officers.id))).has(officers.id)).toBe(false);
    expect((await sourceCounts([])).size).toBe(0);
  });
});
