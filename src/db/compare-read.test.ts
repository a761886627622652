import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Article, ArticleId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { articleHeadsOf, articleRefs, readComparison, recentQuestions } from './compare-read';
import { db } from './db';
import { createQuestion, setStances, softDeleteQuestion, updateQuestion } from './questions';

beforeEach(async () => {
  await resetDb();
  let now = Date.UTC(2026, 0, 1);
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 1_000));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the most recent questions (a comparison of no chosen article)', () => {
  test('the most recently changed live ones first, past those in the trash, at most as many as asked', async () => {
    const made = [];
    for (const text of ['One?', 'Two?', 'Three?', 'Four?', 'Five?']) made.push(await createQuestion(text));
    await updateQuestion(made[0]!.id, { text: 'One, reworded?' }); // changed last: most recent
    await softDeleteQuestion(made[4]!.id);
    await softDeleteQuestion(made[3]!.id); // the trash is now the most recently changed
    expect((await recentQuestions(2)).map((q) => q.text)).toEqual(['One, reworded?', 'Three?']);
    expect((await recentQuestions(10)).map((q) => q.text)).toEqual(['One, reworded?', 'Three?', 'Two?']);
    // the first batch of keys is all in the trash: the next batch is read
    expect((await recentQuestions(1)).map((q) => q.text)).toEqual(['One, reworded?']);
    await softDeleteQuestion(made[0]!.id);
    await softDeleteQuestion(made[2]!.id);
    expect((await recentQuestions(2)).map((q) => q.text)).toEqual(['Two?']);
    expect((await readComparison({ articleIds: [] })).questions.map((q) => q.text)).toEqual(['Two?']);
  });
});

/** An article whose id is made in minute `minute` (UUID v7: the first 8 characters are its minute). */
const articleIn = (minute: number, n: number): Article => ({
  id: `0190${String(minute).padStart(4, '0')}-${String(n).padStart(4, '0')}-7000-8000-000000000000` as ArticleId,
  title: `Article ${minute}.${n}`,
  text: 'Text.',
  outlet: null,
  url: null,
  publishedAt: `2026-01-${String(10 + (n % 20)).padStart(2, '0')}`,
  importedAt: Date.UTC(2026, 0, 1),
  extractorVersion: 'test-1',
  sha256: `${minute}.${n}`,
  boilerplate: [],
  updatedAt: Date.UTC(2026, 0, 1),
  deletedAt: null,
});

describe("the compared articles' heads", () => {
  test('16 heads or more, from a table of no more than 4 heads per asked one: one range read, not a get each', async () => {
    const articles = Array.from({ length: 64 }, (_, n) => articleIn(1 + (n % 3) * 10, n));
    await db.articles.bulkAdd(articles);
    const asked = articles.slice(1, 17).map((a) => a.id);
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const ranges = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const refs = await articleRefs([...asked, asked[0]!]);
    expect([...refs.keys()].sort()).toEqual([...asked].sort());
    expect(refs.get(articles[4]!.id)).toEqual({
      id: articles[4]!.id,
      title: 'Article 11.4',
      date: '2026-01-14',
    });
    expect(ranges).toHaveBeenCalledTimes(1);
    expect(gets).not.toHaveBeenCalled();
  });

  test('a table of more heads than that, or fewer than 16 asked: a get each; ids not stored are left out', async () => {
    const articles = Array.from({ length: 65 }, (_, n) => articleIn(1, n));
    await db.articles.bulkAdd(articles);
    const asked = articles.slice(0, 16).map((a) => a.id);
    const ranges = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    expect(await articleHeadsOf(asked)).toHaveLength(16);
    expect(gets).toHaveBeenCalledTimes(16);
    gets.mockClear();
    const few = [articles[0]!.id, articles[29]!.id, 'ffffffff-missing' as ArticleId, 'x' as ArticleId];
    expect((await articleHeadsOf(few)).map((a) => a.title).sort()).toEqual(['Article 1.0', 'Article 1.29']);
    expect(gets).toHaveBeenCalledTimes(4);
    expect(ranges).not.toHaveBeenCalled();
    expect(await articleHeadsOf([])).toEqual([]);
  });
});

describe('the comparison read, in few requests', () => {
  /** Two articles; questions one, other (raised by another article), two, three; claims placed under each. */
  async function library() {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const b = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const elsewhere = await saveImportedArticle({ text: `${ARTICLE_A}\n\nElsewhere.` }, extractionA());
    const claims = await db.claims.toArray();
    const placed = (articleId: string) =>
      claims
        .filter((c) => c.articleId === articleId && c.speakerId !== null)
        .map((c) => ({ claimId: c.id, stance: 'for' as const }));
    const scope = [a.articleId, b.articleId];
    const one = await createQuestion('One?', scope);
    const other = await createQuestion('Other?', [elsewhere.articleId]);
    const two = await createQuestion('Two?', [b.articleId]);
    const three = await createQuestion('Three?', scope);
    await setStances(one.id, placed(a.articleId));
    await setStances(other.id, placed(elsewhere.articleId));
    await setStances(two.id, placed(b.articleId));
    await setStances(three.id, [...placed(a.articleId), ...placed(b.articleId)].slice(0, 2));
    return { scope, one, other, two, three };
  }

  test("a comparison of as many articles as the library's questions reads the question packs once, not the questions table", async () => {
    const { scope, one, two, three } = await library();
    const reads = [
      vi.spyOn(IDBObjectStore.prototype, 'getAll'),
      vi.spyOn(IDBObjectStore.prototype, 'getAllKeys'),
      vi.spyOn(IDBObjectStore.prototype, 'openCursor'),
      vi.spyOn(IDBObjectStore.prototype, 'openKeyCursor'),
      vi.spyOn(IDBObjectStore.prototype, 'get'),
      vi.spyOn(IDBObjectStore.prototype, 'count'),
    ];
    const scoped = [...scope, 'c' as ArticleId, 'd' as ArticleId]; // 4 articles, 4 questions
    const comparison = await readComparison({ articleIds: scoped });
    expect(comparison.questions.map((q) => q.text)).toEqual(['One?', 'Two?', 'Three?']);
    expect(new Set(comparison.claims.map((c) => c.articleId))).toEqual(new Set(scope));
    const stores = reads.flatMap((r) => r.mock.contexts.map((store) => (store as IDBObjectStore).name));
    expect(stores).not.toContain('questions');
    expect(stores.filter((n) => n === 'questionPacks')).toHaveLength(1);
    // the heads and the speakers: fewer than 16, a get each
    expect(stores.filter((n) => n === 'articleHeads')).toHaveLength(4);
    for (const r of reads) r.mockRestore();
    // fewer articles than questions: the article ranges, the same questions
    const narrow = await readComparison({ articleIds: [scope[1]!] });
    expect(narrow.questions.map((q) => q.id)).toEqual([one.id, two.id, three.id]);
  });
});
