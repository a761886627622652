import { File as NodeFile } from 'node:buffer';
import { beforeEach, describe, expect, test } from 'vitest';
import { db } from '@/db/db';
import { resetDb } from '@/test/db';
import {
  BATCH_SIZE,
  bulkImportStore,
  cancelBulkImport,
  resetBulkImport,
  startBulkImport,
} from './bulk-runner';

const article = (i: number) =>
  `Bridge ${i} to reopen\n\nThe mayor, Jo Hart, said: "Bridge ${i} will reopen in ${i + 2} weeks."\nCouncillors said the repair cost £${i}m.`;
const line = (o: unknown) => JSON.stringify(o);
const file = (name: string, text: string) => new NodeFile([text], name, { type: '' }) as unknown as File;

beforeEach(async () => {
  await resetDb();
  resetBulkImport();
});

describe('bulk import', { timeout: 120_000 }, () => {
  test('files and corpus lines go in; bad lines and duplicates are listed and counted', async () => {
    const corpus = [
      line({
        id: 'a',
        title: 'A',
        url: 'https://news.example/a',
        outlet: 'Post',
        date: '2026-01-02',
        text: article(1),
      }),
      '{broken',
      line({ text: article(2) }),
      line({ text: article(1) }), // duplicate of line 1
      line({ text: article(3), url: 'javascript:alert(1)' }),
      '',
      line({ text: '   ' }),
    ].join('\n');
    await startBulkImport([file('corpus.jsonl', corpus), file('one.txt', article(4)), file('pic.png', 'x')]);
    const s = bulkImportStore.get();
    expect(s.phase).toBe('done');
    expect(s.total).toBe(8);
    expect(s.done).toBe(8);
    expect(s.imported).toBe(3);
    expect(s.duplicates).toBe(1);
    expect(s.claims).toBeGreaterThan(0);
    expect(s.failures.map((f) => f.label)).toEqual([
      'corpus.jsonl line 2',
      'corpus.jsonl line 5',
      'corpus.jsonl line 7',
      'pic.png',
    ]);
    expect(s.failures[0]!.reason).toBe('not valid JSON');
    expect(s.failures[1]!.reason).toMatch(/http/);
    const a = (await db.articles.toArray()).find((x) => x.title === 'A');
    expect(a).toMatchObject({ url: 'https://news.example/a', outlet: 'Post', publishedAt: '2026-01-02' });
    expect(await db.articles.count()).toBe(3);
  });

  test('cancel stops after the batch being written: whole articles, never half of one', async () => {
    const n = BATCH_SIZE * 3;
    const corpus = Array.from({ length: n }, (_, i) => line({ text: article(i) })).join('\n');
    const stop = bulkImportStore.subscribe(() => {
      if (bulkImportStore.get().imported >= BATCH_SIZE) cancelBulkImport();
    });
    await startBulkImport([file('big.jsonl', corpus)]);
    stop();
    const s = bulkImportStore.get();
    expect(s.phase).toBe('cancelled');
    expect(s.imported).toBe(BATCH_SIZE);
    const articles = await db.articles.toArray();
    expect(articles).toHaveLength(BATCH_SIZE);
    for (const a of articles) {
      const claims = await db.claims.where('articleId').equals(a.id).count();
      expect(claims, a.title).toBeGreaterThan(0);
    }
    expect(await db.claims.count()).toBe(s.claims);
  });
});
