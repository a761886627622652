import { File as NodeFile } from 'node:buffer';
import { beforeEach, describe, expect, test } from 'vitest';
import { db } from '@/db/db';
import { MESSAGES } from '@/db/errors';
import { failWritesAfter } from '@/db/testing/quota-fault';
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

  test('a full disk stops the run after the batch it refused: its articles listed, nothing of it kept, earlier work intact', async () => {
    await startBulkImport([file('first.txt', article(100))]);
    expect(bulkImportStore.get().imported).toBe(1);
    resetBulkImport();
    const fault = await failWritesAfter(db, 0);
    try {
      const corpus = Array.from({ length: BATCH_SIZE * 3 }, (_, i) => line({ text: article(i) })).join('\n');
      await startBulkImport([file('big.jsonl', corpus)]);
      const s = bulkImportStore.get();
      expect(s.phase).toBe('cancelled');
      expect(s.stoppedBecause).toBe(MESSAGES.quota);
      expect(s.imported).toBe(0);
      expect(s.done).toBe(BATCH_SIZE); // the rest were not even extracted
      expect(s.failures).toHaveLength(BATCH_SIZE);
      for (const f of s.failures) expect(f.reason).toBe(MESSAGES.quota);
      expect(fault.refused).toBe(1);
    } finally {
      await fault.remove();
    }
    expect(await db.articles.count()).toBe(1);
  });
});
