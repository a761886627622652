import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, test } from 'vitest';
import type { ArticleId, Claim, ClaimId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle, softDeleteArticle } from './articles';
import { articleDay, readComparison } from './compare-read';
import { db } from './db';
import { attachSource } from './evidence';
import { historyOfRow } from './history-read';
import { questionQueries } from './queries';
import {
  createQuestion,
  restoreQuestion,
  setStance,
  setStances,
  softDeleteQuestion,
  updateQuestion,
} from './questions';
import { readUndoState, redo, undo } from './undo';

beforeEach(resetDb);

describe('questions', () => {
  test('create, set and clear stances with history, list by article', async () => {
    const a = 'a-1' as ArticleId;
    const q = await createQuestion('  Has policing   improved? ', [a, a]);
    expect(q).toMatchObject({
      text: 'Has policing improved?',
      articleIds: [a],
      stances: {},
      placedClaimIds: [],
    });
    await setStance(q.id, 'c-1' as ClaimId, 'for');
    await setStance(q.id, 'c-2' as ClaimId, 'against');
    const cleared = await setStance(q.id, 'c-1' as ClaimId, null);
    expect(cleared.stances).toEqual({ 'c-2': 'against' });
    expect(cleared.placedClaimIds).toEqual(['c-2']);
    await updateQuestion(q.id, { text: 'Is Rotherham safer?' });
    expect((await historyOfRow('questions', q.id)).map((h) => h.action)).toEqual([
      'create',
      'update',
      'update',
      'update',
      'update',
    ]);
    expect((await new QueryClient().fetchQuery(questionQueries.byArticle(a))).map((x) => x.text)).toEqual([
      'Is Rotherham safer?',
    ]);
    await softDeleteQuestion(q.id);
    expect(await new QueryClient().fetchQuery(questionQueries.list())).toEqual([]);
    await restoreQuestion(q.id);
    expect((await new QueryClient().fetchQuery(questionQueries.list())).map((x) => x.id)).toEqual([q.id]);
    await expect(createQuestion(' ')).rejects.toThrow('A question needs some text.');
    await expect(createQuestion('x'.repeat(501))).rejects.toThrow('at most 500 characters');
    await expect(setStance(q.id, 'c-1' as ClaimId, 'maybe' as never)).rejects.toThrow('Unknown stance');
  });

  test('the placed claims are indexed, so a claim finds its questions', async () => {
    const q1 = await createQuestion('One?');
    const q2 = await createQuestion('Two?');
    await setStances(q1.id, [
      { claimId: 'c-1' as ClaimId, stance: 'for' },
      { claimId: 'c-2' as ClaimId, stance: 'mixed' },
    ]);
    await setStance(q2.id, 'c-2' as ClaimId, 'against');
    const of = (id: string) => db.questions.where('placedClaimIds').equals(id).primaryKeys();
    expect(await of('c-1')).toEqual([q1.id]);
    expect((await of('c-2')).sort()).toEqual([q1.id, q2.id].sort());
    await setStance(q1.id, 'c-2' as ClaimId, null);
    expect(await of('c-2')).toEqual([q2.id]);
  });

  test('placing claims is one undo step each, labelled, and redo puts it back', async () => {
    const q = await createQuestion('Is exploitation still organised in Rotherham?');
    await setStances(q.id, [
      { claimId: 'c-1' as ClaimId, stance: 'for' },
      { claimId: 'c-2' as ClaimId, stance: 'against' },
    ]);
    await setStance(q.id, 'c-3' as ClaimId, 'neutral');
    expect((await readUndoState()).undo?.label).toBe(
      'Place a claim under “Is exploitation still organised in Rotherham?” (neutral)',
    );
    const result = await undo();
    expect(result?.message).toContain('Place a claim under');
    let now = (await db.questions.get(q.id))!;
    expect(now.stances).toEqual({ 'c-1': 'for', 'c-2': 'against' });
    expect(now.placedClaimIds).toEqual(['c-1', 'c-2']);
    await undo();
    now = (await db.questions.get(q.id))!;
    expect(now.stances).toEqual({});
    expect(await db.questions.where('placedClaimIds').equals('c-1').count()).toBe(0);
    await redo();
    expect((await db.questions.get(q.id))!.stances).toEqual({ 'c-1': 'for', 'c-2': 'against' });
    // undoing the question's creation puts it in the trash
    await undo();
    await undo();
    expect((await db.questions.get(q.id))!.deletedAt).not.toBeNull();
  });
});

describe('compare reads', () => {
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

  test('a comparison reads its questions, their placed claims with source counts, speakers and dates', async () => {
    const { a, b, byText } = await library();
    const officers = byText('We have 200');
    const failed = byText('failed hundreds');
    const trust = byText('Trust is');
    await attachSource(officers.id, { url: 'https://example.org/stats', title: 'Police workforce' });
    const q = await createQuestion('Has policing improved?', [a, b]);
    await setStances(q.id, [
      { claimId: officers.id, stance: 'for' },
      { claimId: failed.id, stance: 'against' },
      { claimId: trust.id, stance: 'for' },
    ]);
    await createQuestion('Elsewhere?', ['other' as ArticleId]);

    const data = await readComparison({ articleIds: [a] });
    expect(data.questions.map((x) => x.text)).toEqual(['Has policing improved?']);
    const c = new Map(data.claims.map((x) => [x.id, x]));
    expect(c.get(officers.id)).toMatchObject({ sourceCount: 1, date: '2024-05-01', articleId: a });
    expect(c.get(trust.id)).toMatchObject({ sourceCount: 0, date: '2024-09-10', articleId: b });
    // the same Alan Billings in both articles is one speaker
    expect(officers.speakerId).toBe(trust.speakerId);
    expect(data.speakers.map((s) => s.name).sort()).toEqual(['Alan Billings', 'Conservative councillors']);
    expect((await readComparison({ articleIds: [] })).questions).toHaveLength(2);

    await softDeleteArticle(b);
    expect((await readComparison({ articleIds: [a] })).claims.map((x) => x.id).sort()).toEqual(
      [officers.id, failed.id].sort(),
    );
  });

  test('a scope with more articles than the library has questions reads the same questions', async () => {
    const { a, b, byText } = await library();
    const articles = [a, b, ...Array.from({ length: 3 }, (_, i) => `gone-${i}` as ArticleId)];
    const both = await createQuestion('Raised by both?', [a, b]);
    await createQuestion('Only b?', [b]);
    await createQuestion('Elsewhere?', ['other' as ArticleId]);
    const deleted = await createQuestion('Deleted?', [a]);
    await softDeleteQuestion(deleted.id);
    await setStances(both.id, [{ claimId: byText('We have 200').id, stance: 'for' }]);
    // 4 questions, 5 articles: every question is read and those of other articles left out
    const wide = await readComparison({ articleIds: articles });
    expect(wide.questions.map((q) => q.text)).toEqual(['Raised by both?', 'Only b?']);
    expect(wide.claims.map((c) => c.text)).toEqual([byText('We have 200').text]);
    // 4 questions, 1 article: the ranges of the articles' index
    expect((await readComparison({ articleIds: [b] })).questions.map((q) => q.text)).toEqual([
      'Raised by both?',
      'Only b?',
    ]);
  });

  test('article days: ISO, other date strings, else the import day', () => {
    expect(articleDay({ publishedAt: '2024-05-01T10:00:00Z', importedAt: 0 })).toBe('2024-05-01');
    expect(articleDay({ publishedAt: '10 September 2024 12:00 UTC', importedAt: 0 })).toBe('2024-09-10');
    expect(articleDay({ publishedAt: 'last Tuesday', importedAt: Date.UTC(2025, 0, 2) })).toBe('2025-01-02');
    expect(articleDay({ publishedAt: null, importedAt: Date.UTC(2025, 0, 3) })).toBe('2025-01-03');
  });
});
