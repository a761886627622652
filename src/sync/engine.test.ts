import { describe, expect, test, vi } from 'vitest';
import type { ClaimId } from '@/core/model/types';
import { saveImportedArticle, speakerIdFor } from '@/db/articles';
import { setClaimsVerdict, setClaimVerdict } from '@/db/claims';
import { countHistory, historyOfBatch, historyOfRows } from '@/db/history-read';
import { createSpeaker } from '@/db/speakers';
import { appDatabase } from '@/db/sync-db';
import { readUndoState, undo } from '@/db/undo';
import { sliceSelector } from '@/sync/docs';
import { couchRequest } from '@/sync/testing/couch-server';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import {
  couch,
  type Device,
  devicesOfEachTest,
  editRow,
  importOn,
  newTeam,
  through,
} from '@/test/sync-devices';

/** A device of this test, stopped, closed and deleted after it. */
const device = devicesOfEachTest();

const liveClaims = async (d: Device) =>
  (await d.db.claims.toArray()).filter((c) => c.deletedAt === null).sort((a, b) => (a.id < b.id ? -1 : 1));

describe('sync engine against the test CouchDB', () => {
  test('a library pushed by one device arrives whole on another, with its summaries', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const b = await device(team, 'ben');
    const { articleId, claimIds } = await importOn(a, ARTICLE_A, extractionA());
    const pushed = await a.engine.syncOnce();
    expect(pushed).toMatchObject({ complete: true, state: 'idle' });
    expect(pushed.pushed).toBeGreaterThan(claimIds.length);
    expect(await a.db.syncOutbox.count()).toBe(0);

    const pulled = await b.engine.syncOnce();
    expect(pulled).toMatchObject({ complete: true, state: 'idle' });
    expect((await liveClaims(b)).map((c) => c.id)).toEqual([...claimIds].sort());
    expect((await b.db.articles.get(articleId as never))?.sha256).toBe(
      (await a.db.articles.get(articleId as never))?.sha256,
    );
    // derived rows are kept on the receiving device, never replicated
    expect(await b.db.claimFacets.count()).toBe(claimIds.length);
    expect((await b.db.summaries.get(`a:${articleId}`))?.counts).toBeDefined();
    // pulled rows are not pushed back
    expect(await b.db.syncOutbox.count()).toBe(0);
    expect(b.engine.getStatus()).toMatchObject({ state: 'idle', pending: 0, role: 'member' });
  });

  test('live: an edit on one device shows on the other while both run', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana', { longpollMs: 2000 });
    const b = await device(team, 'ben', { longpollMs: 2000 });
    const { claimIds } = await importOn(a, ARTICLE_A, extractionA());
    a.engine.start();
    b.engine.start();
    await vi.waitFor(async () => expect(await b.db.claims.count()).toBe(claimIds.length), {
      timeout: 20_000,
      interval: 50,
    });
    a.clock.now += 1000;
    await editRow(a, 'claims', claimIds[0]!, { verdict: 'false' });
    await vi.waitFor(
      async () => expect((await b.db.claims.get(claimIds[0] as never))?.verdict).toBe('false'),
      {
        timeout: 20_000,
        interval: 50,
      },
    );
    await vi.waitFor(() => expect(a.engine.getStatus()).toMatchObject({ state: 'idle', pending: 0 }), {
      timeout: 20_000,
      interval: 50,
    });
  });

  test('offline edits on both sides of one claim merge field by field, with both values in history', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const b = await device(team, 'ben');
    const { claimIds } = await importOn(a, ARTICLE_A, extractionA());
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    const id = claimIds[0]!;
    // a pulled row's revision holds no copy of it; ben's first edit copies the server's row there
    expect(await b.db.syncRevisions.get(['claims', id])).not.toHaveProperty('base');
    a.clock.now += 1000;
    await editRow(a, 'claims', id, { verdict: 'false', tags: ['numbers'], notes: 'from ana' });
    b.clock.now += 2000; // ben's edit is the later one
    await editRow(b, 'claims', id, { verdict: 'mostly true', tags: ['police'] });
    expect((await b.db.syncRevisions.get(['claims', id]))?.base).toMatchObject({
      verdict: 'unchecked',
      tags: [],
    });
    await editRow(b, 'claims', id, { notes: '' }); // a second edit keeps the base of the first
    expect((await b.db.syncRevisions.get(['claims', id]))?.base).toMatchObject({
      verdict: 'unchecked',
      tags: [],
    });
    expect((await a.engine.syncOnce()).complete).toBe(true);
    const merged = await b.engine.syncOnce();
    expect(merged).toMatchObject({ complete: true, conflicts: 1 });
    await a.engine.syncOnce();

    for (const d of [a, b]) {
      const claim = (await d.db.claims.get(id as never))!;
      expect(claim.verdict, d.name).toBe('mostly true'); // both changed: the newer edit wins
      expect([...claim.tags].sort(), d.name).toEqual(['numbers', 'police']); // a set: both kept
      expect(claim.notes, d.name).toBe('from ana'); // only ana changed it
      const history = await historyOfRows([['claims', id]], d.db);
      const conflict = history.find((h) => h.label?.startsWith('Sync conflict'));
      expect(conflict, d.name).toMatchObject({ from: { verdict: 'false' }, to: { verdict: 'mostly true' } });
    }
    const conflicts = await b.engine.listConflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ table: 'claims', rowId: id });
    expect(conflicts[0]!.fields[0]).toMatchObject({
      field: 'verdict',
      base: 'unchecked',
      mine: 'mostly true',
      theirs: 'false',
      kept: 'mine',
    });

    // ben settles it for ana's value: an ordinary edit, pushed and seen by ana
    b.clock.now += 1000;
    await b.engine.resolveConflict('claims', id, { verdict: 'theirs' });
    expect(await b.engine.listConflicts()).toEqual([]);
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect((await a.db.claims.get(id as never))?.verdict).toBe('false');
  });

  test("a viewer's write is refused by the server and reverted here, its history entry removed", async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const v = await device(team, 'vic');
    const { claimIds } = await importOn(a, ARTICLE_A, extractionA());
    await a.engine.syncOnce();
    await v.engine.syncOnce();
    expect(v.engine.getStatus().role).toBe('viewer');
    const id = claimIds[1]!;
    const historyBefore = await countHistory(v.db);
    v.clock.now += 1000;
    await editRow(v, 'claims', id, { verdict: 'false' });
    expect((await v.db.claims.get(id as never))?.verdict).toBe('false');

    const report = await v.engine.syncOnce();
    expect(report).toMatchObject({ complete: false, state: 'forbidden', refused: 2 });
    expect(report.message).toMatch(/refused 2 changes.*Viewers of this team library cannot change it/);
    expect((await v.db.claims.get(id as never))?.verdict).toBe('unchecked');
    expect(await countHistory(v.db)).toBe(historyBefore);
    expect(await v.db.syncOutbox.count()).toBe(0);
    // the summaries follow the reverted row
    expect(await v.db.claims.where('hk').startsWith('v=unchecked').primaryKeys()).toContain(id);
    await a.engine.syncOnce();
    expect((await a.db.claims.get(id as never))?.verdict).toBe('unchecked');
  });

  test('the same article imported on two devices offline becomes one article (new ids and a pre-v5 random id)', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const b = await device(team, 'ben');
    const c = await device(team, 'cy');
    const fromA = await importOn(a, ARTICLE_A, extractionA());
    const fromB = await importOn(b, ARTICLE_A, extractionA());
    expect(fromB.articleId).toBe(fromA.articleId);
    // an older library on c holds article B under a random id, a and b under the content id
    const legacy = await importOn(c, ARTICLE_B, extractionB(), { legacyId: true });
    const fresh = await importOn(a, ARTICLE_B, extractionB());
    c.clock.now += 500;
    await editRow(c, 'claims', legacy.claimIds[0]!, { verdict: 'false' });

    for (let round = 0; round < 2; round++)
      for (const d of [a, b, c]) expect((await d.engine.syncOnce()).complete).toBe(true);

    for (const d of [a, b, c]) {
      const articles = (await d.db.articles.toArray()).filter((x) => x.deletedAt === null);
      expect(articles.map((x) => x.id).sort(), d.name).toEqual([fromA.articleId, fresh.articleId].sort());
      const claims = await liveClaims(d);
      expect(
        claims.filter((x) => x.articleId === fromA.articleId),
        d.name,
      ).toHaveLength(fromA.claimIds.length);
      // the random-id copy's claims moved to the kept article, with their review
      const ofB = claims.filter((x) => x.articleId === fresh.articleId);
      expect(
        ofB.map((x) => x.id),
        d.name,
      ).toEqual(expect.arrayContaining(legacy.claimIds));
      expect(ofB.find((x) => x.id === legacy.claimIds[0])?.verdict, d.name).toBe('false');
      expect(
        claims.every((x) => articles.some((art) => art.id === x.articleId)),
        d.name,
      ).toBe(true);
    }
  });

  test('two libraries that each imported the same article make the same speakers: no conflicts when they meet', async () => {
    const team = await newTeam();
    const speakersOf = async (d: Device) => (await d.db.speakers.toArray()).map((s) => s.id).sort();
    const claimSpeakers = async (d: Device) =>
      Object.fromEntries((await liveClaims(d)).map((c) => [c.id, c.speakerId]));
    // the app's own import path, once in each of two "profiles" (the app database, emptied between)
    await resetDb();
    const a = await device(team, 'ana', { db: appDatabase() });
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const speakers = await speakersOf(a);
    const claims = await claimSpeakers(a);
    expect(speakers.length).toBeGreaterThan(1);
    expect((await a.engine.syncOnce()).complete).toBe(true);
    await a.engine.stop();

    await resetDb();
    const b = await device(team, 'ben', { db: appDatabase() });
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    expect(await speakersOf(b)).toEqual(speakers);
    expect(await claimSpeakers(b)).toEqual(claims);
    const met = await b.engine.syncOnce();
    expect(met).toMatchObject({ complete: true, conflicts: 0 });
    expect(await b.engine.listConflicts()).toEqual([]);
    expect(await speakersOf(b)).toEqual(speakers);
  });

  test('a speaker added by hand on two devices offline is one row when they meet (content-derived id)', async () => {
    const team = await newTeam();
    const liveSpeakers = async (d: Device) =>
      (await d.db.speakers.toArray()).filter((s) => s.deletedAt === null).map((s) => [s.id, s.key]);
    await resetDb();
    const a = await device(team, 'ana', { db: appDatabase() });
    const made = await createSpeaker({ name: 'Jane Doe', role: 'Mayor' });
    expect(made.id).toBe(await speakerIdFor('jane doe'));
    expect((await a.engine.syncOnce()).complete).toBe(true);
    await a.engine.stop();

    await resetDb();
    const b = await device(team, 'ben', { db: appDatabase() });
    expect((await createSpeaker({ name: '  jane   DOE ' })).id).toBe(made.id);
    const met = await b.engine.syncOnce();
    expect(met).toMatchObject({ complete: true, conflicts: 0 });
    expect(await liveSpeakers(b)).toEqual([[made.id, 'jane doe']]);
    // the role only one side set is kept; the server holds one document for the person
    expect((await b.db.speakers.get(made.id))?.role).toBe('Mayor');
    const { body } = await couchRequest<{ rows: { id: string }[] }>(
      couch().url,
      couch().admin,
      'GET',
      `/${team.db}/_all_docs?startkey=${encodeURIComponent('"speakers:"')}&endkey=${encodeURIComponent('"speakers:\uffff"')}`,
    );
    expect(body.rows.map((r) => r.id)).toEqual([`speakers:${made.id}`]);
  });

  test('first contact: what the team reviewed arrives without a conflict; a field also edited here is one', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const b = await device(team, 'ben');
    const { claimIds } = await importOn(a, ARTICLE_A, extractionA());
    await importOn(b, ARTICLE_A, extractionA()); // the same article, offline: the same rows
    await a.engine.syncOnce();
    a.clock.now += 1000;
    await editRow(a, 'claims', claimIds[0]!, { verdict: 'false' });
    await editRow(a, 'claims', claimIds[1]!, { verdict: 'true' });
    await a.engine.syncOnce();
    b.clock.now += 2000;
    await editRow(b, 'claims', claimIds[1]!, { verdict: 'misleading' }); // both reviewed claim 2

    const met = await b.engine.syncOnce();
    expect(met).toMatchObject({ complete: true, conflicts: 1 });
    expect((await b.db.claims.get(claimIds[0] as never))?.verdict).toBe('false');
    expect((await b.db.claims.get(claimIds[1] as never))?.verdict).toBe('misleading'); // newer
    const conflicts = await b.engine.listConflicts();
    expect(conflicts.map((c) => [c.rowId, c.fields.map((f) => f.field)])).toEqual([
      [claimIds[1], ['verdict']],
    ]);
    expect(conflicts[0]!.fields[0]).toMatchObject({ mine: 'misleading', theirs: 'true', base: null });
  });

  test('speakers with random ids (older libraries) are merged by key on pull: one speaker, claims agree', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const b = await device(team, 'ben');
    const c = await device(team, 'cy');
    await importOn(a, ARTICLE_A, extractionA());
    await importOn(b, ARTICLE_A, extractionA(), { legacySpeakers: true });
    await importOn(c, ARTICLE_A, extractionA(), { legacySpeakers: true });
    const derived = (await a.db.speakers.toArray()).map((s) => s.id).sort();
    // c's random ids reach the server first; a and b meet them there
    expect((await c.engine.syncOnce()).complete).toBe(true);
    for (let round = 0; round < 2; round++)
      for (const d of [a, b, c]) expect((await d.engine.syncOnce()).complete, d.name).toBe(true);

    const reference = await liveClaims(a);
    for (const d of [a, b, c]) {
      const live = (await d.db.speakers.toArray()).filter((s) => s.deletedAt === null);
      // one row per person, under the content-derived id
      expect(live.map((s) => s.id).sort(), d.name).toEqual(derived);
      expect(
        (await liveClaims(d)).map((x) => [x.id, x.speakerId]),
        d.name,
      ).toEqual(reference.map((x) => [x.id, x.speakerId]));
      expect(await d.engine.listConflicts(), d.name).toEqual([]);
    }
    // the random-id copies are gone from the server too
    const range = `startkey=${encodeURIComponent('"speakers:"')}&endkey=${encodeURIComponent('"speakers:\uffff"')}`;
    const { body: all } = await couchRequest<{ rows: { id: string }[] }>(
      couch().url,
      couch().admin,
      'GET',
      `/${team.db}/_all_docs?${range}`,
    );
    expect(all.rows.map((r) => r.id.slice('speakers:'.length)).sort()).toEqual(derived);
  });

  test('a first sync stopped half way resumes from its checkpoint, nothing doubled', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    await importOn(a, ARTICLE_A, extractionA());
    await importOn(a, ARTICLE_B, extractionB());
    await a.engine.syncOnce();
    const total =
      (await a.db.claims.count()) +
      (await a.db.articles.count()) +
      (await a.db.speakers.count()) +
      (await countHistory(a.db));

    let pages = 0;
    const failAfterTwoPages = through(async (input, init, next) => {
      if (input.includes('/_changes') && ++pages > 2) throw new TypeError('fetch failed');
      return next(input, init);
    });
    const b = await device(team, 'ben', { batchSize: 3, fetch: failAfterTwoPages });
    const progress: { done: number; total?: number }[] = [];
    b.engine.subscribe((s) => {
      if (s.progress) progress.push(s.progress);
    });
    const first = await b.engine.syncOnce();
    expect(first).toMatchObject({ complete: false, state: 'offline' });
    expect(first.pulled).toBeGreaterThan(0);
    // a progress bar with numbers even where the server sends no `pending` (the test server):
    // the database's document count is the first sync's total
    expect(progress.length).toBeGreaterThan(0);
    const shown = progress.at(-1)!;
    expect(shown.done).toBe(6);
    expect(shown.total).toBeGreaterThanOrEqual(total);
    expect(shown.done).toBeLessThan(shown.total!);
    const checkpoint = await b.db.syncState.get('checkpoint');
    expect(checkpoint).toBeDefined();

    // "reload": a new engine on the same database
    const { createSyncEngine } = await import('./engine');
    const again = createSyncEngine({
      db: b.db,
      url: team.url,
      database: team.db,
      deviceId: 'device-ben-2',
      author: 'ben',
      estimate: null,
      batchSize: 3,
      fetch: b.fetch,
    });
    const second = await again.syncOnce();
    expect(second).toMatchObject({ complete: true });
    // only what the first run had not applied (design documents are never counted)
    expect(first.pulled + second.pulled).toBe(total);
    expect(await b.db.claims.count()).toBe(await a.db.claims.count());
    expect(await countHistory(b.db)).toBe(await countHistory(a.db));
    expect(await b.db.syncOutbox.count()).toBe(0);
  });

  test('a server that goes away mid-push loses nothing; the live loop retries with back-off', async () => {
    const team = await newTeam();
    let down = false;
    const flaky = through(async (input, init, next) => {
      if (down) throw new TypeError('fetch failed');
      return next(input, init);
    });
    const waits: number[] = [];
    let release: () => void = () => undefined;
    const wait = (ms: number) => {
      waits.push(ms);
      if (waits.length >= 3) down = false; // the server is back after the third retry
      return new Promise<void>((resolve) => {
        release = resolve;
        resolve();
      });
    };
    const a = await device(team, 'ana', {
      fetch: flaky,
      wait,
      retry: { initialMs: 1000, maxMs: 3000 },
      longpollMs: 1000,
    });
    const { claimIds } = await importOn(a, ARTICLE_A, extractionA());
    await a.engine.syncOnce();
    a.clock.now += 1000;
    await editRow(a, 'claims', claimIds[0]!, { verdict: 'false' });
    down = true;
    const failed = await a.engine.syncOnce();
    expect(failed).toMatchObject({ complete: false, state: 'offline' });
    expect(failed.message).toMatch(/cannot be reached.*kept/);
    expect(await a.db.syncOutbox.count()).toBe(2); // the claim and its history entry

    a.engine.start();
    await vi.waitFor(async () => expect(await a.db.syncOutbox.count()).toBe(0), {
      timeout: 20_000,
      interval: 50,
    });
    expect(waits.slice(0, 3)).toEqual([1000, 2000, 3000]);
    release();
    const b = await device(team, 'ben');
    await b.engine.syncOnce();
    expect((await b.db.claims.get(claimIds[0] as never))?.verdict).toBe('false');
  });

  test('_bulk_docs answers out of order with a per-row refusal: matched by id, never by position', async () => {
    const team = await newTeam();
    let refuse: string | null = null;
    const shuffled = through(async (input, init, next) => {
      const res = await next(input, init);
      if (!input.includes('/_bulk_docs') || refuse === null) return res;
      const rows = ((await res.json()) as { id: string }[]).reverse();
      const answer = rows.map((r) =>
        r.id === refuse ? { id: r.id, error: 'forbidden', reason: 'Not this one.' } : r,
      );
      return new Response(JSON.stringify(answer), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    });
    const a = await device(team, 'ana', { fetch: shuffled });
    const { claimIds } = await importOn(a, ARTICLE_A, extractionA());
    await a.engine.syncOnce();
    a.clock.now += 1000;
    await editRow(a, 'claims', claimIds[0]!, { verdict: 'false' });
    await editRow(a, 'claims', claimIds[1]!, { verdict: 'true' });
    refuse = `claims:${claimIds[1]}`;
    const report = await a.engine.syncOnce();
    expect(report).toMatchObject({ state: 'forbidden', refused: 1 });
    expect(report.message).toMatch(/Not this one/);
    // the accepted claim carries the revision the server gave it, and the refused one was reverted
    const server = await (await a.fetch(`${team.url}/${team.db}/claims:${claimIds[0]}`)).json();
    expect((await a.db.syncRevisions.get(['claims', claimIds[0]!]))?.rev).toBe(server._rev);
    expect(server.verdict).toBe('false');
    expect((await a.db.claims.get(claimIds[1] as never))?.verdict).toBe('unchecked');
  });

  test("my Ctrl+Z undoes my own change, never another person's synced change", async () => {
    await resetDb();
    const team = await newTeam();
    const a = await device(team, 'ana', { db: appDatabase() });
    const imported = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const ids = (await a.db.claims.where('articleId').equals(imported.articleId).sortBy('start')).map(
      (c) => c.id,
    );
    await setClaimVerdict(ids[0]!, 'false');
    await a.engine.syncOnce();
    const b = await device(team, 'ben');
    await b.engine.syncOnce();
    b.clock.now = Date.now() + 60_000; // ben's edit is the latest in a's history
    await editRow(b, 'claims', ids[1]!, { verdict: 'true', tags: ['from-ben'] });
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect((await a.db.claims.get(ids[1]!))?.verdict).toBe('true');
    expect((await historyOfRows([['claims', ids[1]!]], a.db)).at(-1)?.deviceId).toBe(
      b.engine && `device-${b.name}`,
    );

    const state = await readUndoState();
    expect(state.undo?.label).toBe('Set verdict on 1 claim');
    const result = await undo();
    expect(result?.label).toBe('Set verdict on 1 claim');
    expect((await a.db.claims.get(ids[0]!))?.verdict).toBe('unchecked');
    expect(await a.db.claims.get(ids[1]!)).toMatchObject({ verdict: 'true', tags: ['from-ben'] });
    // ben's batch is not on my stack at all
    const benBatch = (await historyOfRows([['claims', ids[1]!]], a.db)).at(-1)!.batchId;
    await expect(undo({ batchId: benBatch })).rejects.toThrow(/cannot be undone/);
  });

  test('a bulk verdict, one batch row here, goes out as one outbox row and one document an entry and arrives whole', async () => {
    await resetDb();
    const team = await newTeam();
    const a = await device(team, 'ana', { db: appDatabase() });
    const imported = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const ids = (await a.db.claims.where('articleId').equals(imported.articleId).primaryKeys()) as ClaimId[];
    await a.engine.syncOnce();
    const batchId = await setClaimsVerdict(ids, 'false');
    expect(await a.db.historyBatches.where('batchId').equals(batchId).count()).toBe(1);
    const mine = await historyOfBatch(batchId, a.db);
    expect(mine).toHaveLength(ids.length);
    const queued = (await a.db.syncOutbox.toArray()).filter((e) => e.table === 'history');
    expect(queued.map((e) => e.rowId).sort()).toEqual(mine.map((e) => e.id));
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true, pushed: 2 * ids.length });

    const b = await device(team, 'ben');
    await b.engine.syncOnce();
    const theirs = await historyOfBatch(batchId, b.db);
    expect(theirs).toEqual(mine.map((e) => ({ ...e, author: 'ana', deviceId: expect.any(String) })));
    expect((await b.db.claims.bulkGet(ids)).every((c) => c?.verdict === 'false')).toBe(true);
  });

  test('a first sync that runs out of storage stops cleanly and resumes from its checkpoint', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    await importOn(a, ARTICLE_A, extractionA());
    await importOn(a, ARTICLE_B, extractionB());
    await a.engine.syncOnce();
    let room = 2; // the estimate says there is room for two pages
    const estimate = async () => ({ usage: 0, quota: room-- > 0 ? 1e9 : 1024 * 1024 });
    const b = await device(team, 'ben', { batchSize: 4, estimate });
    const first = await b.engine.syncOnce();
    expect(first).toMatchObject({ complete: false, state: 'quota' });
    expect(first.message).toMatch(/room for only part of the team library \(1 MB free\).*resumes/);
    expect(b.engine.getStatus().state).toBe('quota');
    const kept = await b.db.syncState.get('checkpoint');
    expect(kept).toBeDefined();
    room = 1000;
    const second = await b.engine.syncOnce();
    expect(second).toMatchObject({ complete: true });
    expect(await b.db.claims.count()).toBe(await a.db.claims.count());
    expect(await countHistory(b.db)).toBe(await countHistory(a.db));
  });

  test('conflicting server revisions (conflicts=true) are merged into one and the losing ones deleted', async () => {
    // The test server (PouchDB) drops new_edits=false writes, so it cannot hold a conflict: the
    // conflict a CouchDB cluster or replication would leave is put into its answers here instead.
    const team = await newTeam();
    const a = await device(team, 'ana');
    const { claimIds } = await importOn(a, ARTICLE_A, extractionA());
    await a.engine.syncOnce();
    const id = `claims:${claimIds[0]}`;
    const loserRev = '1-ffffffffffffffffffffffffffffffff';
    let loser: Record<string, unknown> | null = null;
    const deleted: unknown[] = [];
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const withConflict = through(async (input, init, next) => {
      if (input.includes(`/${encodeURIComponent(id)}?rev=`)) return json(loser);
      if (input.includes('/_bulk_docs')) {
        const body = JSON.parse(String(init?.body)) as {
          docs: { _id: string; _rev?: string; _deleted?: boolean }[];
        };
        const mine = body.docs.filter((d) => d._rev === loserRev && d._deleted);
        deleted.push(...mine);
        const rest = body.docs.filter((d) => !mine.includes(d));
        const res =
          rest.length > 0
            ? ((await (
                await next(input, { ...init, body: JSON.stringify({ docs: rest }) })
              ).json()) as unknown[])
            : [];
        return json([...res, ...mine.map((d) => ({ id: d._id, ok: true, rev: '2-gone' }))], 201);
      }
      const res = await next(input, init);
      if (!input.includes('/_changes')) return res;
      const page = (await res.json()) as { results: { id: string; doc?: Record<string, unknown> }[] };
      for (const r of page.results) {
        if (r.id !== id || !r.doc) continue;
        r.doc._conflicts = [loserRev];
        const { _conflicts, ...winner } = r.doc;
        loser = { ...winner, _rev: loserRev, verdict: 'false', updatedAt: Number(r.doc.updatedAt) + 5000 };
      }
      return json(page);
    });
    const b = await device(team, 'ben', { fetch: withConflict });
    expect((await b.engine.syncOnce()).complete).toBe(true);
    expect(deleted).toEqual([{ _id: id, _rev: loserRev, _deleted: true }]);
    expect((await b.db.claims.get(claimIds[0] as never))?.verdict).toBe('false');
    const server = await (await a.fetch(`${team.url}/${team.db}/${encodeURIComponent(id)}`)).json();
    expect(server.verdict).toBe('false'); // the merge went to the server as a new revision
    await a.engine.syncOnce();
    expect((await a.db.claims.get(claimIds[0] as never))?.verdict).toBe('false');
  });
  test('a slice: a selector on _changes brings only the chosen articles and their claims', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const one = await importOn(a, ARTICLE_A, extractionA());
    const two = await importOn(a, ARTICLE_B, extractionB());
    await a.engine.syncOnce();
    const r = await device(team, 'ben', { selector: sliceSelector([one.articleId]) });
    expect((await r.engine.syncOnce()).complete).toBe(true);
    expect((await r.db.articles.toArray()).map((x) => x.id)).toEqual([one.articleId]);
    expect((await liveClaims(r)).map((c) => c.id)).toEqual([...one.claimIds].sort());
    expect(await r.db.claims.where('articleId').equals(two.articleId).count()).toBe(0);
    expect(await r.db.speakers.count()).toBe(await a.db.speakers.count()); // speakers come whole
  });
  test('a conflict held by the server is merged and its losing revision removed', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const { claimIds } = await importOn(a, ARTICLE_A, extractionA());
    await a.engine.syncOnce();
    const { url, admin } = couch();
    const docPath = `/${team.db}/${encodeURIComponent(`claims:${claimIds[0]}`)}`;
    const { body: doc } = await couchRequest<Record<string, unknown>>(url, admin, 'GET', docPath);
    // two replicas each edited revision 1, as replication between CouchDB nodes leaves them
    await couchRequest(url, admin, 'PUT', docPath, {
      ...doc,
      notes: 'edited here',
      updatedAt: Number(doc.updatedAt) + 1,
    });
    await couchRequest(url, admin, 'POST', `/${team.db}/_bulk_docs`, {
      new_edits: false,
      docs: [
        {
          ...doc,
          _rev: '2-00000000000000000000000000000000',
          _revisions: { start: 2, ids: ['00000000000000000000000000000000', String(doc._rev).slice(2)] },
          verdict: 'false',
          updatedAt: Number(doc.updatedAt) + 5000,
        },
      ],
    });
    const { body: before } = await couchRequest<{ _conflicts?: string[] }>(
      url,
      admin,
      'GET',
      `${docPath}?conflicts=true`,
    );
    expect(before._conflicts).toHaveLength(1);

    const b = await device(team, 'ben');
    expect((await b.engine.syncOnce()).complete).toBe(true);
    const { body: after } = await couchRequest<Record<string, unknown>>(
      url,
      admin,
      'GET',
      `${docPath}?conflicts=true`,
    );
    expect(after._conflicts).toBeUndefined();
    expect(after).toMatchObject({ verdict: 'false', notes: 'edited here' }); // both revisions' changes
    expect(await b.db.claims.get(claimIds[0] as never)).toMatchObject({
      verdict: 'false',
      notes: 'edited here',
    });
    await a.engine.syncOnce();
    expect(await a.db.claims.get(claimIds[0] as never)).toMatchObject({
      verdict: 'false',
      notes: 'edited here',
    });
  });

  test('a conflict held by the server on one field keeps both values in history and asks a person', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const { claimIds } = await importOn(a, ARTICLE_A, extractionA());
    await a.engine.syncOnce();
    const { url, admin } = couch();
    const docPath = `/${team.db}/${encodeURIComponent(`claims:${claimIds[0]}`)}`;
    const { body: doc } = await couchRequest<Record<string, unknown>>(url, admin, 'GET', docPath);
    // two replicas each set a verdict on revision 1
    await couchRequest(url, admin, 'PUT', docPath, {
      ...doc,
      verdict: 'true',
      updatedAt: Number(doc.updatedAt) + 1,
    });
    await couchRequest(url, admin, 'POST', `/${team.db}/_bulk_docs`, {
      new_edits: false,
      docs: [
        {
          ...doc,
          _rev: '2-00000000000000000000000000000000',
          _revisions: { start: 2, ids: ['00000000000000000000000000000000', String(doc._rev).slice(2)] },
          verdict: 'false',
          updatedAt: Number(doc.updatedAt) + 5000,
        },
      ],
    });

    const b = await device(team, 'ben');
    expect((await b.engine.syncOnce()).complete).toBe(true);
    // newest wins per field, and the other value is kept in history with it
    expect((await b.db.claims.get(claimIds[0] as never))?.verdict).toBe('false');
    const entry = (await historyOfRows([['claims', claimIds[0]!]], b.db)).find((h) =>
      h.label?.startsWith('Sync conflict'),
    );
    expect(entry).toMatchObject({ from: { verdict: 'true' }, to: { verdict: 'false' } });
    const conflicts = await b.engine.listConflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.fields[0]).toMatchObject({ field: 'verdict' });
    // the entry is pushed: the other device has it too
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    const onA = (await historyOfRows([['claims', claimIds[0]!]], a.db)).find((h) =>
      h.label?.startsWith('Sync conflict'),
    );
    expect(onA).toMatchObject({ from: { verdict: 'true' }, to: { verdict: 'false' } });
  });
});
