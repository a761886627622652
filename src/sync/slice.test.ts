import { describe, expect, test } from 'vitest';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB } from '@/test/db';
import { devicesOfEachTest, editRow, engineOn, importOn, newTeam } from '@/test/sync-devices';
import { sliceSelector } from './docs';
import { findSliceArticles } from './slice';

/** A device of this test, stopped, closed and deleted after it. */
const device = devicesOfEachTest();

describe('a slice of a team library', () => {
  test('articles found by a tag their claims carry, by publication date, or all; a wider slice brings the new articles whole', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const one = await importOn(a, ARTICLE_A, extractionA());
    const two = await importOn(a, ARTICLE_B, extractionB());
    await editRow(a, 'claims', two.claimIds[0]!, { tags: ['budget'] });
    await editRow(a, 'articles', one.articleId, { publishedAt: '2026-03-05' });
    await editRow(a, 'articles', two.articleId, { publishedAt: '2026-04-20T10:00:00Z' });
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true });

    const b = await device(team, 'ben', { selector: sliceSelector([one.articleId]) });
    const find = (criteria: Parameters<typeof findSliceArticles>[2]) =>
      findSliceArticles(team.url, team.db, criteria, { fetch: b.fetch }).then((m) =>
        m.articles.map((x) => x.id),
      );
    expect(await find({ tag: 'budget' })).toEqual([two.articleId]);
    expect(await find({ tag: 'nothing-has-this' })).toEqual([]);
    expect((await find({})).sort()).toEqual([one.articleId, two.articleId].sort());
    expect(await find({ publishedFrom: '2026-03-01', publishedTo: '2026-03-31' })).toEqual([one.articleId]);
    // the last day counts whole, also for a date with a time
    expect(await find({ publishedFrom: '2026-04-01', publishedTo: '2026-04-20' })).toEqual([two.articleId]);

    expect(await b.engine.syncOnce()).toMatchObject({ complete: true });
    const articleIds = async () => [...new Set((await b.db.claims.toArray()).map((c) => c.articleId))];
    expect(await articleIds()).toEqual([one.articleId]);
    expect(await b.db.articles.count()).toBe(1);

    // the person widens the slice: the checkpoint belonged to the narrower one, so the feed is read again
    const wider = engineOn(b, team, 'ben', 'device-ben-wider', {
      selector: sliceSelector([one.articleId, two.articleId]),
    });
    expect(await wider.syncOnce()).toMatchObject({ complete: true });
    expect((await articleIds()).sort()).toEqual([one.articleId, two.articleId].sort());
    expect(await b.db.claims.count()).toBe(one.claimIds.length + two.claimIds.length);
    expect(await b.db.syncOutbox.count()).toBe(0);
    await wider.stop();
  });

  test('a slice found by a tag takes in an article that gets the tag later, on a pull, and follows it on', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const one = await importOn(a, ARTICLE_A, extractionA());
    const two = await importOn(a, ARTICLE_B, extractionB());
    await editRow(a, 'claims', one.claimIds[0]!, { tags: ['budget'] });
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true });

    const b = await device(team, 'ben', {
      slice: { articleIds: [one.articleId], criteria: { tag: 'budget' } },
    });
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true });
    const articles = async () => (await b.db.articles.toArray()).map((x) => x.id).sort();
    expect(await articles()).toEqual([one.articleId]);

    // a teammate tags a claim of the other article
    a.clock.now += 1000;
    await editRow(a, 'claims', two.claimIds[0]!, { tags: ['budget'] });
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true });
    b.clock.now += 60_000; // the slice's search runs again at most once a minute
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true });
    expect(await articles()).toEqual([one.articleId, two.articleId].sort());
    expect(await b.db.claims.where('articleId').equals(two.articleId).count()).toBe(two.claimIds.length);
    expect(await b.db.syncOutbox.count()).toBe(0);

    // later changes to it arrive with the slice's feed
    a.clock.now += 1000;
    await editRow(a, 'claims', two.claimIds.at(-1)!, { verdict: 'false' });
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true });
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true });
    expect((await b.db.claims.get(two.claimIds.at(-1) as never))?.verdict).toBe('false');
  });

  test('a slice found by dates takes in a new article of those dates, never one the person left out', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const one = await importOn(a, ARTICLE_A, extractionA());
    await editRow(a, 'articles', one.articleId, { publishedAt: '2026-03-05' });
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true });
    const criteria = { publishedFrom: '2026-03-01', publishedTo: '2026-03-31' };
    const b = await device(team, 'ben', { slice: { articleIds: [one.articleId], criteria } });
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true });
    expect(await b.db.articles.count()).toBe(1);

    // a new article of March appears on the server after the slice was chosen
    const two = await importOn(a, ARTICLE_B, extractionB());
    await editRow(a, 'articles', two.articleId, { publishedAt: '2026-03-20' });
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true });
    b.clock.now += 60_000;
    expect(await b.engine.syncOnce()).toMatchObject({ complete: true });
    expect((await b.db.articles.toArray()).map((x) => x.id).sort()).toEqual(
      [one.articleId, two.articleId].sort(),
    );
    expect(await b.db.claims.count()).toBe(one.claimIds.length + two.claimIds.length);

    // listed when the slice was chosen but left unticked: it stays out
    const c = await device(team, 'cy', {
      slice: { articleIds: [one.articleId], criteria, excluded: [two.articleId] },
    });
    expect(await c.engine.syncOnce()).toMatchObject({ complete: true });
    expect((await c.db.articles.toArray()).map((x) => x.id)).toEqual([one.articleId]);
  });
});
