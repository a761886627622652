import { describe, expect, test } from 'vitest';
import { type ArticleProgress, progressRatio, sortArticles } from './progress';

const a = (id: string, p: Partial<ArticleProgress>): ArticleProgress => ({
  id,
  title: id,
  importedAt: 0,
  claimCount: 10,
  checkedCount: 0,
  uncheckedCount: 10,
  flaggedCount: 0,
  ...p,
});

describe('article progress', () => {
  const list = [
    a('done', { checkedCount: 10, uncheckedCount: 0, importedAt: 3 }),
    a('flagged', { checkedCount: 5, uncheckedCount: 5, flaggedCount: 2, importedAt: 1 }),
    a('fresh', { importedAt: 2 }),
  ];
  test('needs-work puts flagged claims first, then the most unchecked', () => {
    expect(sortArticles(list, 'needs-work').map((x) => x.id)).toEqual(['flagged', 'fresh', 'done']);
  });
  test('imported: newest first; progress: least checked first; title A–Z', () => {
    expect(sortArticles(list, 'imported').map((x) => x.id)).toEqual(['done', 'fresh', 'flagged']);
    expect(sortArticles(list, 'progress').map((x) => x.id)).toEqual(['fresh', 'flagged', 'done']);
    expect(sortArticles(list, 'title').map((x) => x.id)).toEqual(['done', 'flagged', 'fresh']);
    expect(progressRatio({ claimCount: 0, checkedCount: 0 })).toBe(1);
  });
});
