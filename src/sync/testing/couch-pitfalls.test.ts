/**
 * What the sync client must not assume about CouchDB's HTTP API, pinned against the test server
 * (docs/SYNC.md "Pitfalls"). Where pouchdb-server differs from CouchDB 3 the test says so in its
 * name, so a change of test server shows up here first.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { couchAs } from './couch-http.ts';
import { createTeam, uniqueDbName } from './couch-server.ts';

const couch = inject('couch');
const db = uniqueDbName('pitfalls');
const dbUrl = `${couch.url}/${db}`;
const writer = { name: `w-${db}`, password: 'w-pw' };
const viewer = { name: `v-${db}`, password: 'v-pw' };
const w = couchAs(dbUrl, writer);
const v = couchAs(dbUrl, viewer);

type BulkResult = { id: string; ok?: true; rev?: string; error?: string; reason?: string };
type Change = {
  id: string;
  seq: unknown;
  deleted?: boolean;
  changes: { rev: string }[];
  doc?: Record<string, unknown>;
};
type Feed = { results: Change[]; last_seq: unknown };

const claim = (id: string, extra: object = {}) => ({
  _id: `claims:${id}`,
  id,
  articleId: 'a1',
  updatedAt: 1,
  deletedAt: null,
  ...extra,
});
/** `since` as the client must send it: the server's `last_seq` as it came, never parsed. */
const since = (lastSeq: unknown) =>
  encodeURIComponent(typeof lastSeq === 'string' ? lastSeq : JSON.stringify(lastSeq));

beforeAll(async () => {
  await createTeam(couch.url, couch.admin, { db, members: [writer], viewers: [viewer] });
});

describe('_bulk_docs answers per row', () => {
  it('with 201 even when rows fail, in an order of its own: match results by id', async () => {
    const first = await w.post<BulkResult[]>('/_bulk_docs', { docs: [claim('b1'), claim('b2')] });
    expect(first.status).toBe(201);
    const b2rev = first.body.find((r) => r.id === 'claims:b2')?.rev;

    const docs = [
      claim('b3'),
      { _id: 'not-a-row', id: 'x', updatedAt: 1 },
      claim('b1', { verdict: 'false' }), // no _rev: a conflict with the stored b1
      claim('b2', { _rev: b2rev, verdict: 'true' }),
    ];
    const res = await w.post<BulkResult[]>('/_bulk_docs', { docs });
    expect(res.status).toBe(201);
    const byId = new Map(res.body.map((r) => [r.id, r]));
    expect(byId.get('claims:b3')).toMatchObject({ ok: true, rev: expect.stringMatching(/^1-/) });
    expect(byId.get('not-a-row')).toMatchObject({ error: 'forbidden', reason: expect.any(String) });
    expect(byId.get('claims:b1')).toMatchObject({ error: 'conflict' });
    expect(byId.get('claims:b2')).toMatchObject({ ok: true, rev: expect.stringMatching(/^2-/) });
    // the spike lost edits by reading results by position: here they do not line up
    expect(res.body.map((r) => r.id)).not.toEqual(docs.map((d) => d._id));
  });

  it("a viewer's batch is a 201 whose every row is forbidden", async () => {
    const res = await v.post<BulkResult[]>('/_bulk_docs', { docs: [claim('v1'), claim('v2')] });
    expect(res.status).toBe(201);
    expect(res.body).toHaveLength(2);
    for (const row of res.body) expect(row).toMatchObject({ error: 'forbidden' });
    expect((await w.get('/claims:v1')).status).toBe(404);
  });
});

describe('_changes', () => {
  const feedDb = uniqueDbName('feed');
  const f = couchAs(`${couch.url}/${feedDb}`, writer);

  beforeAll(async () => {
    await createTeam(couch.url, couch.admin, { db: feedDb, members: [writer] });
  });

  it('lists design documents too: the client skips ids starting with _design/', async () => {
    const feed = await f.get<Feed>('/_changes');
    expect(feed.body.results.some((c) => c.id === '_design/claimdesk')).toBe(true);
  });

  it('pages with limit and an opaque since (last_seq sent back as it came)', async () => {
    const start = (await f.get<Feed>('/_changes?since=now')).body.last_seq;
    await f.post('/_bulk_docs', { docs: ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => claim(id)) });
    const seen: string[] = [];
    let cursor = start;
    for (let page = 0; page < 10; page++) {
      const res = await f.get<Feed>(`/_changes?limit=2&include_docs=true&since=${since(cursor)}`);
      expect(res.status).toBe(200);
      if (res.body.results.length === 0) break;
      expect(res.body.results.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.results.map((c) => c.id));
      cursor = res.body.last_seq;
    }
    expect(seen).toEqual(['claims:p1', 'claims:p2', 'claims:p3', 'claims:p4', 'claims:p5']);
  });

  it('test server differs: its seq is an integer (CouchDB 3: a string such as "5-g1AAAA…")', async () => {
    const feed = await f.get<Feed>('/_changes?limit=1');
    expect(typeof feed.body.last_seq).toBe('number');
    // a CouchDB-style string is taken without a 400, so clients can keep seqs as strings
    const res = await f.get<Feed>(`/_changes?since=${since('3-g1AAAAAbCdEf')}`);
    expect(res.status).toBe(200);
  });

  it('takes a selector with $regex and $ne inside $or on _changes (pouchdb alone crashed on it)', async () => {
    await f.post('/_bulk_docs', {
      docs: [
        { _id: 'speakers:s1', id: 's1', updatedAt: 1, deletedAt: null },
        claim('r1', { articleId: 'keep' }),
        claim('r2', { articleId: 'drop' }),
      ],
    });
    const selector = {
      $or: [{ _id: { $regex: '^speakers:' } }, { articleId: { $ne: 'drop' }, _id: { $regex: '^claims:r' } }],
    };
    const res = await f.post<Feed>('/_changes?filter=_selector', { selector });
    expect(res.status).toBe(200);
    expect(res.body.results.map((c) => c.id).sort()).toEqual(['claims:r1', 'speakers:s1']);
    // test server differs: its _find refuses $regex / $ne inside $or with a 400 (CouchDB takes them)
    expect((await f.post('/_find', { selector })).status).toBe(400);
  });

  it('longpoll answers as soon as something changes', async () => {
    const now = (await f.get<Feed>('/_changes?since=now')).body.last_seq;
    const poll = f.get<Feed>(`/_changes?feed=longpoll&include_docs=true&timeout=20000&since=${since(now)}`);
    // the write may land before or after the poll starts waiting: either way the poll returns it
    await f.put('/claims:live', claim('live'));
    const res = await poll;
    expect(res.status).toBe(200);
    expect(res.body.results.map((c) => c.id)).toEqual(['claims:live']);
    expect(res.body.results[0]?.doc).toMatchObject({ id: 'live', updatedAt: 1 });
  });

  it('longpoll ends at its timeout with no results and a usable last_seq', async () => {
    const now = (await f.get<Feed>('/_changes?since=now')).body.last_seq;
    const res = await f.get<Feed>(`/_changes?feed=longpoll&timeout=300&since=${since(now)}`);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([]);
    expect(res.body.last_seq).toEqual(now);
  });

  it('a removed row comes as deleted: true with a body of only _id, _rev and _deleted', async () => {
    const put = await f.put('/claims:gone', claim('gone'));
    await f.delete(`/claims:gone?rev=${put.body.rev}`);
    const feed = await f.get<Feed>('/_changes?include_docs=true');
    const change = feed.body.results.find((c) => c.id === 'claims:gone');
    expect(change).toMatchObject({ deleted: true });
    expect(Object.keys(change?.doc ?? {}).sort()).toEqual(['_deleted', '_id', '_rev']);
  });
});

describe('conflicts', () => {
  const conflictDb = uniqueDbName('conflicts');
  const c = couchAs(`${couch.url}/${conflictDb}`, writer);

  beforeAll(async () => {
    await createTeam(couch.url, couch.admin, { db: conflictDb, members: [writer] });
  });

  /** Two devices edited rev 1 offline and both branches reached the server (replication). */
  async function conflicted(id: string): Promise<{ base: string; a: string; b: string }> {
    const base = (await c.put(`/claims:${id}`, claim(id))).body.rev as string;
    const hash = base.split('-')[1];
    const branch = (letter: string, verdict: string) => ({
      ...claim(id, { verdict, updatedAt: 2 }),
      _rev: `2-${letter.repeat(32)}`,
      _revisions: { start: 2, ids: [letter.repeat(32), hash] },
    });
    const res = await c.post('/_bulk_docs', {
      new_edits: false,
      docs: [branch('a', 'true'), branch('b', 'false')],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual([]);
    return { base, a: `2-${'a'.repeat(32)}`, b: `2-${'b'.repeat(32)}` };
  }

  it('are invisible unless asked for: conflicts=true on the document and on _changes', async () => {
    const { a, b } = await conflicted('k1');
    const plain = await c.get('/claims:k1');
    expect(plain.body._conflicts).toBeUndefined();
    // the winner is the same on every server: the longest branch, then the highest rev
    expect(plain.body._rev).toBe(b);
    const doc = await c.get('/claims:k1?conflicts=true');
    expect(doc.body._conflicts).toEqual([a]);
    const feed = await c.get<Feed>('/_changes?include_docs=true&conflicts=true');
    const change = feed.body.results.find((ch) => ch.id === 'claims:k1');
    expect(change?.doc?._conflicts).toEqual([a]);
    const all = await c.get<Feed>('/_changes?style=all_docs');
    const leaves = all.body.results.find((ch) => ch.id === 'claims:k1')?.changes.map((x) => x.rev);
    expect(leaves?.sort()).toEqual([a, b]);
    const both = await c.get<{ ok: { verdict: string } }[]>('/claims:k1?open_revs=all');
    expect(both.body.map((r) => r.ok.verdict).sort()).toEqual(['false', 'true']);
  });

  it('are resolved by writing the merge on the winner and removing the loser in one _bulk_docs', async () => {
    const { a, b } = await conflicted('k2');
    const res = await c.post<BulkResult[]>('/_bulk_docs', {
      docs: [
        { ...claim('k2', { verdict: 'mixed', updatedAt: 3 }), _rev: b },
        { _id: 'claims:k2', _rev: a, _deleted: true },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.every((r) => r.ok)).toBe(true);
    const doc = await c.get('/claims:k2?conflicts=true');
    expect(doc.body._conflicts).toBeUndefined();
    expect(doc.body.verdict).toBe('mixed');
  });

  it('a write with a stale _rev is a 409 conflict, not a new branch', async () => {
    const { base } = await conflicted('k3');
    const res = await c.put(`/claims:k3?rev=${base}`, claim('k3', { verdict: 'x' }));
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('conflict');
  });
});

describe('where the test server is more lenient than CouchDB 3 (code to CouchDB)', () => {
  it('test server differs: DELETE without rev succeeds here (CouchDB: 409 conflict)', async () => {
    await w.put('/claims:d1', claim('d1'));
    const res = await w.delete('/claims:d1');
    expect(res.status).toBe(200);
  });

  it('test server differs: a signed-in user outside the team gets 401 here (CouchDB: 403 forbidden)', async () => {
    const outsider = { name: `o-${db}`, password: 'o-pw' };
    await createTeam(couch.url, couch.admin, { db: uniqueDbName('other'), members: [outsider] });
    const res = await couchAs(dbUrl, outsider).get('/_changes');
    expect(res.status).toBe(401);
  });

  it('a viewer may keep a checkpoint in a _local document (no validation runs on _local)', async () => {
    const res = await v.put('/_local/claimdesk-checkpoint-device1', { since: 12 });
    expect(res.status).toBe(201);
  });
});
