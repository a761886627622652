import { beforeEach, describe, expect, test } from 'vitest';
import type { ArticleId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import {
  findArticleByHash,
  restoreArticle,
  saveImportedArticle,
  seedArticleOnce,
  sha256Hex,
  softDeleteArticle,
} from './articles';
import { db } from './db';
import { describeDbError } from './errors';
import { countHistory, historyOfBatch, historyOfRows } from './history-read';
import { getMeta } from './meta';
import { storedHistory } from './testing/stored-history';
import { readUndoState, redo, undo } from './undo';

beforeEach(resetDb);

describe('sha256Hex', () => {
  test('is the hex SHA-256 of the UTF-8 text', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('saveImportedArticle', () => {
  test('stores the article, its attributed claims and speakers', async () => {
    const result = await saveImportedArticle({ text: ARTICLE_A, outlet: ' Yorkshire Post ' }, extractionA());
    expect(result).toMatchObject({
      status: 'created',
      title: 'Police chief pledges more officers',
      claimCount: 3,
    });

    const article = await db.articles.get(result.articleId);
    expect(article).toMatchObject({
      text: ARTICLE_A,
      outlet: 'Yorkshire Post',
      url: null,
      extractorVersion: 'test-1',
      sha256: await sha256Hex(ARTICLE_A),
      deletedAt: null,
    });

    const claims = await db.claims.where('articleId').equals(result.articleId).sortBy('start');
    expect(claims.map((c) => c.text)).toEqual([
      'We have 200 more officers than in 2014.',
      'Victims are listened to now.',
      'failed hundreds of girls',
    ]);
    for (const c of claims) {
      expect(c).toMatchObject({ verdict: 'unchecked', origin: 'extracted', tags: [], deletedAt: null });
      expect(c.text).toBe(ARTICLE_A.slice(c.start, c.end));
      expect(c.quote.exact).toBe(c.text);
      expect(c.quote.prefix).toBe(ARTICLE_A.slice(Math.max(0, c.start - 32), c.start));
      expect(c.quote.suffix).toBe(ARTICLE_A.slice(c.end, c.end + 32));
    }

    const speakers = await db.speakers.toArray();
    expect(speakers.map((s) => s.name).sort()).toEqual(['Alan Billings', 'Conservative councillors']);
    const billings = speakers.find((s) => s.name === 'Alan Billings')!;
    expect(billings).toMatchObject({ key: 'alan billings', role: 'police and crime commissioner' });
    expect(claims[0]!.speakerId).toBe(billings.id);
  });

  test('the same text again is a duplicate and writes nothing', async () => {
    const first = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const before = {
      articles: await db.articles.count(),
      claims: await db.claims.count(),
      history: await countHistory(),
    };
    const again = await saveImportedArticle({ text: ARTICLE_A, title: 'Other title' }, extractionA());
    expect(again).toEqual({
      status: 'duplicate',
      articleId: first.articleId,
      title: first.title,
      claimCount: 3,
      deleted: false,
    });
    expect({
      articles: await db.articles.count(),
      claims: await db.claims.count(),
      history: await countHistory(),
    }).toEqual(before);
    expect((await findArticleByHash(await sha256Hex(ARTICLE_A)))?.id).toBe(first.articleId);
  });

  test('merges speakers across articles by normalised name and keeps new aliases', async () => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const b = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const speakers = await db.speakers.toArray();
    expect(speakers.map((s) => s.name).sort()).toEqual([
      'Alan Billings',
      'Conservative councillors',
      'James Cartlidge',
    ]);
    const billings = speakers.find((s) => s.name === 'Alan Billings')!;
    expect(billings.aliases).toEqual(['Dr Alan Billings', 'He', 'the commissioner']);
    expect(billings.role).toBe('police and crime commissioner');
    const trust = await db.claims
      .where('articleId')
      .equals(b.articleId)
      .filter((c) => c.text === 'Trust is returning.')
      .first();
    expect(trust?.speakerId).toBe(billings.id);

    const history = await historyOfBatch((await historyOfRows([['articles', b.articleId]]))[0]!.batchId);
    expect(history.map((h) => [h.table, h.action]).sort()).toEqual([
      ['articles', 'create'],
      ['speakers', 'update'],
    ]);
  });

  test('records one history entry per import, not one per claim', async () => {
    const r = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const entries = await storedHistory();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      table: 'articles',
      rowId: r.articleId,
      action: 'create',
      from: null,
      undoneAt: null,
    });
    expect((entries[0]!.to as { claimIds: string[] }).claimIds).toHaveLength(3);
  });

  test('a failing write leaves nothing behind', async () => {
    const fail = () => {
      throw new Error('disk on fire');
    };
    db.claims.hook('creating', fail);
    try {
      await expect(saveImportedArticle({ text: ARTICLE_A }, extractionA())).rejects.toThrow('disk on fire');
    } finally {
      db.claims.hook('creating').unsubscribe(fail);
    }
    expect(await db.articles.count()).toBe(0);
    expect(await db.speakers.count()).toBe(0);
    expect(await db.claims.count()).toBe(0);
    expect(await countHistory()).toBe(0);
    // and the same article can then be imported
    expect((await saveImportedArticle({ text: ARTICLE_A }, extractionA())).status).toBe('created');
  });

  test('rejects an empty text and claims outside the text with a clear message', async () => {
    await expect(saveImportedArticle({ text: '  \n' }, extractionA())).rejects.toThrow(
      'The article is empty.',
    );
    const bad = { ...extractionA(), claims: [{ ...extractionA().claims[0]!, end: 10_000 }] };
    const error = await saveImportedArticle({ text: ARTICLE_A }, bad).catch((e: unknown) => e);
    expect(describeDbError(error)).toMatch(/outside the text/);
    expect(await db.articles.count()).toBe(0);
  });
});

describe('softDeleteArticle / restoreArticle', () => {
  test('tombstone the article with its claims, and bring back only those', async () => {
    const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const claims = await db.claims.where('articleId').equals(articleId).toArray();
    // one claim deleted on its own beforehand stays deleted after the restore
    await db.claims.update(claims[0]!.id, { deletedAt: 1, updatedAt: 1 });

    await softDeleteArticle(articleId);
    expect((await db.articles.get(articleId))?.deletedAt).toEqual(expect.any(Number));
    expect(
      (await db.claims.where('articleId').equals(articleId).toArray()).every((c) => c.deletedAt !== null),
    ).toBe(true);

    await restoreArticle(articleId);
    expect((await db.articles.get(articleId))?.deletedAt).toBeNull();
    const after = await db.claims.where('articleId').equals(articleId).toArray();
    expect(after.filter((c) => c.deletedAt === null)).toHaveLength(2);
    expect(after.find((c) => c.id === claims[0]!.id)?.deletedAt).toBe(1);

    const actions = (await historyOfRows([['articles', articleId]])).map((h) => h.action);
    expect(actions.sort()).toEqual(['create', 'delete', 'restore']);
  });

  test('a duplicate of a deleted article says so', async () => {
    const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await softDeleteArticle(articleId);
    expect(await saveImportedArticle({ text: ARTICLE_A }, extractionA())).toMatchObject({
      status: 'duplicate',
      deleted: true,
      claimCount: 0,
    });
  });

  test('an unknown article is a clear error', async () => {
    await expect(softDeleteArticle('nope' as ArticleId)).rejects.toThrow('That article no longer exists.');
  });
});

describe('seedArticleOnce', () => {
  test('imports once per library, even when two callers race, and never again after a delete', async () => {
    const results = await Promise.all([
      seedArticleOnce('referenceArticleSeeded', { text: ARTICLE_A }, extractionA()),
      seedArticleOnce('referenceArticleSeeded', { text: ARTICLE_A }, extractionA()),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await db.articles.count()).toBe(1);
    expect(await getMeta('referenceArticleSeeded')).toBe(true);
    await softDeleteArticle(results.find((r) => r !== null)!.articleId);
    expect(await seedArticleOnce('referenceArticleSeeded', { text: ARTICLE_A }, extractionA())).toBeNull();
  });

  test('is not an undoable change: Undo right after the first open leaves the article, and a person’s import undoes and redoes', async () => {
    const seeded = (await seedArticleOnce('referenceArticleSeeded', { text: ARTICLE_A }, extractionA()))!;
    expect(await readUndoState()).toMatchObject({ undo: null, undoDepth: 0 });
    expect(await undo()).toBeNull();
    expect((await db.articles.get(seeded.articleId))!.deletedAt).toBeNull();
    expect(
      await db.claims
        .where('articleId')
        .equals(seeded.articleId)
        .filter((c) => c.deletedAt !== null)
        .count(),
    ).toBe(0);

    const mine = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    expect((await readUndoState()).undoDepth).toBe(1);
    await undo();
    expect((await db.articles.get(mine.articleId))!.deletedAt).not.toBeNull();
    expect((await db.articles.get(seeded.articleId))!.deletedAt).toBeNull();
    await redo();
    expect((await db.articles.get(mine.articleId))!.deletedAt).toBeNull();
    const live = await db.claims
      .where('articleId')
      .equals(mine.articleId)
      .filter((c) => c.deletedAt === null)
      .count();
    expect(live).toBe(mine.claimCount);
  });
});
