import { describe, expect, test, vi } from 'vitest';
import type { Speaker, SpeakerId } from '@/core/model/types';
import { newId } from '@/db/ids';
import { ARTICLE_A, extractionA } from '@/test/db';
import { devicesOfEachTest, editRow, importOn, newTeam, through } from '@/test/sync-devices';

/** A device of this test, stopped, closed and deleted after it. */
const device = devicesOfEachTest();

/** `count` new speakers made at `now` (one bulk add: as many outbox entries side by side). */
const speakersAt = (now: number, count: number): Speaker[] =>
  Array.from({ length: count }, (_, i) => ({
    id: newId<SpeakerId>(),
    name: `Speaker ${i}`,
    key: `speaker ${i}`,
    type: 'person',
    role: null,
    aliases: [],
    updatedAt: now,
    deletedAt: null,
  }));

describe('push rounds and what follows them', () => {
  test('a pushed row keeps no copy of itself as its base, unless it was written again while on its way', async () => {
    const team = await newTeam();
    let during: (() => Promise<unknown>) | null = null;
    let failNextPush = false;
    const meddle = through(async (input, init, next) => {
      if (input.includes('/_bulk_docs')) {
        if (failNextPush) throw new TypeError('fetch failed');
        const job = during;
        during = null;
        if (job) {
          await job(); // a person's edit while the round is on its way to the server
          failNextPush = true; // and the run stops after this round is recorded
        }
      }
      return next(input, init);
    });
    const a = await device(team, 'ana', { fetch: meddle });
    const { claimIds } = await importOn(a, ARTICLE_A, extractionA());
    await a.engine.syncOnce();
    const [first, second] = claimIds as [string, string];
    expect(await a.db.syncRevisions.get(['claims', first])).not.toHaveProperty('base');

    a.clock.now += 1000;
    await editRow(a, 'claims', first, { verdict: 'false' });
    await editRow(a, 'claims', second, { verdict: 'true' });
    during = () => editRow(a, 'claims', first, { notes: 'written while the round was sent' });
    const report = await a.engine.syncOnce();
    expect(report).toMatchObject({ complete: false, state: 'offline' });

    // the row written again keeps the pushed body (the base of that later edit) and its entry
    const kept = await a.db.syncRevisions.get(['claims', first]);
    expect(kept?.base).toMatchObject({ id: first, verdict: 'false', notes: '' });
    expect(kept?.rev).toMatch(/^2-/);
    expect(await a.db.syncOutbox.where('[table+rowId]').equals(['claims', first]).count()).toBe(1);
    // the row left alone is stored as the server has it: its revision is lean
    const lean = await a.db.syncRevisions.get(['claims', second]);
    expect(lean?.rev).toMatch(/^2-/);
    expect(lean).not.toHaveProperty('base');

    failNextPush = false;
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true, state: 'idle' });
    const server = await (await a.fetch(`${team.url}/${team.db}/claims:${first}`)).json();
    expect(server).toMatchObject({ verdict: 'false', notes: 'written while the round was sent' });
    expect(await a.db.syncRevisions.get(['claims', first])).not.toHaveProperty('base');
  });

  test('after a push the feed is read without documents: only other devices’ changes are downloaded', async () => {
    const team = await newTeam();
    const requests: string[] = [];
    const record = through(async (input, init, next) => {
      requests.push(`${init?.method ?? 'GET'} ${input} ${typeof init?.body === 'string' ? init.body : ''}`);
      return next(input, init);
    });
    const a = await device(team, 'ana', { fetch: record });
    const b = await device(team, 'ben');
    const { claimIds } = await importOn(a, ARTICLE_A, extractionA());
    expect((await a.engine.syncOnce()).pushed).toBeGreaterThan(claimIds.length);
    await b.engine.syncOnce();
    b.clock.now += 1000;
    await editRow(b, 'claims', claimIds[0]!, { verdict: 'misleading' });
    expect((await b.engine.syncOnce()).pushed).toBe(2); // the claim and its history entry

    requests.length = 0;
    const report = await a.engine.syncOnce();
    expect(report).toMatchObject({ complete: true, pulled: 2 });
    const changes = requests.filter((r) => r.includes('/_changes'));
    expect(changes[0]).toMatch(/style=all_docs/);
    expect(changes[0]).not.toMatch(/include_docs/);
    // only ben's two documents were fetched: ana's own rows coming back were left out
    const fetched = requests.filter((r) => r.includes('/_all_docs'));
    expect(fetched).toHaveLength(1);
    const keys = (JSON.parse(fetched[0]!.slice(fetched[0]!.indexOf('{'))) as { keys: string[] }).keys;
    expect(keys).toHaveLength(2);
    expect(keys).toContain(`claims:${claimIds[0]}`);
    expect(keys.filter((k) => k.startsWith('history:'))).toHaveLength(1);
    expect((await a.db.claims.get(claimIds[0] as never))?.verdict).toBe('misleading');

    // with nothing pushed since, the next pull reads documents with the feed again
    requests.length = 0;
    await a.engine.syncOnce();
    expect(requests.find((r) => r.includes('/_changes'))).toMatch(/include_docs=true/);
  });

  test('a large outbox goes out in rounds that start small and double', async () => {
    const team = await newTeam();
    const rounds: number[] = [];
    const count = through(async (input, init, next) => {
      if (input.includes('/_bulk_docs'))
        rounds.push((JSON.parse(String(init?.body)) as { docs: unknown[] }).docs.length);
      return next(input, init);
    });
    const a = await device(team, 'ana', { fetch: count, pushBatchSize: 2000 });
    await a.engine.syncOnce(); // connected: what is written from now on is captured
    const speakers = speakersAt(a.clock.now, 900);
    await a.db.speakers.bulkAdd(speakers);
    const report = await a.engine.syncOnce();
    expect(report).toMatchObject({ complete: true, pushed: 900 });
    expect(rounds).toEqual([250, 500, 150]);
    expect(await a.db.syncOutbox.count()).toBe(0);
  });

  test('a row the server fails in the middle of a round keeps its outbox entry; the rows around it leave', async () => {
    const team = await newTeam();
    let failing: string | null = null;
    const failOne = through(async (input, init, next) => {
      if (!failing || !input.includes('/_bulk_docs')) return next(input, init);
      const body = JSON.parse(String(init?.body)) as { docs: { _id: string }[] };
      const docs = body.docs.filter((d) => d._id !== failing);
      const res = await next(input, { ...init, body: JSON.stringify({ ...body, docs }) });
      const results = (await res.json()) as unknown[];
      const failed = { id: failing, error: 'internal_server_error', reason: 'the disk is full' };
      return new Response(JSON.stringify([...results, failed]), { status: res.status, headers: res.headers });
    });
    const a = await device(team, 'ana', { fetch: failOne });
    await a.engine.syncOnce(); // connected: what is written from now on is captured
    // one transaction: seven outbox entries side by side
    const seven = speakersAt(a.clock.now, 7);
    await a.db.speakers.bulkAdd(seven);
    const seqs = (await a.db.syncOutbox.toArray()).map((e) => e.seq!);
    expect(seqs).toHaveLength(7);
    expect(seqs.at(-1)! - seqs[0]!).toBe(6);
    failing = `speakers:${seven[3]!.id}`;
    const report = await a.engine.syncOnce();
    expect(report.pushed).toBe(6);
    const left = await a.db.syncOutbox.toArray();
    expect(left.map((e) => [e.rowId, e.seq])).toEqual([[seven[3]!.id, seqs[3]]]);

    failing = null;
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true, pushed: 1 });
    expect(await a.db.syncOutbox.count()).toBe(0);
  });

  test('the pull after a push knows its own writes coming back by the revisions the server gave it, not by reading them', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana', { pushBatchSize: 2000 });
    await a.engine.syncOnce(); // connected: what is written from now on is captured
    const speakers = speakersAt(a.clock.now, 300);
    await a.db.speakers.bulkAdd(speakers);
    expect(await a.engine.syncOnce()).toMatchObject({ complete: true, pushed: 300 });

    const spy = vi.spyOn(IDBObjectStore.prototype, 'get');
    try {
      // the feed now holds the 300 documents this device wrote: nothing to fetch, nothing to read
      expect(await a.engine.syncOnce()).toMatchObject({ complete: true, pulled: 0 });
      const reads = spy.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'syncRevisions');
      expect(reads).toHaveLength(0);
    } finally {
      spy.mockRestore();
    }
    // and a teammate's change among them is still fetched and applied
    const b = await device(team, 'ben');
    await b.engine.syncOnce();
    b.clock.now += 1000;
    await editRow(b, 'speakers', speakers[0]!.id, { name: 'Renamed' });
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect((await a.db.speakers.get(speakers[0]!.id))?.name).toBe('Renamed');
  });
});
