/**
 * The design document, `_security` and roles as installed by createTeam, checked over HTTP against
 * the test CouchDB (started by the `couch` project's globalSetup).
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { couchAs } from '../src/sync/testing/couch-http.ts';
import { createTeam, teamRoleOf, uniqueDbName } from '../src/sync/testing/couch-server.ts';
import { articleQuery, sliceSelector } from './slice.ts';

const couch = inject('couch');
const db = uniqueDbName('design');
const people = {
  ann: { name: `ann-${db}`, password: 'ann-pw' },
  bob: { name: `bob-${db}`, password: 'bob-pw' },
  vic: { name: `vic-${db}`, password: 'vic-pw' },
  eve: { name: `eve-${db}`, password: 'eve-pw' },
};
const dbUrl = `${couch.url}/${db}`;
const ann = couchAs(dbUrl, people.ann);
const bob = couchAs(dbUrl, people.bob);
const vic = couchAs(dbUrl, people.vic);
const claim = (id: string, extra: object = {}) => ({
  id,
  articleId: 'a1',
  updatedAt: 1,
  deletedAt: null,
  ...extra,
});

beforeAll(async () => {
  await createTeam(couch.url, couch.admin, {
    db,
    admins: [people.ann],
    members: [people.bob],
    viewers: [people.vic],
  });
  // eve has an account but no role in this team
  await createTeam(couch.url, couch.admin, { db: uniqueDbName('elsewhere'), members: [people.eve] });
});

describe('a team database set up by createTeam', () => {
  it("accepts a writer's row, refuses a viewer's with 403 forbidden", async () => {
    const written = await bob.put('/claims:c1', claim('c1'));
    expect(written.status).toBe(201);
    const refused = await vic.put('/claims:c2', claim('c2'));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'forbidden', reason: expect.stringMatching(/Viewers/) });
    expect((await bob.get('/claims:c2')).status).toBe(404);
  });

  it('lets a viewer read and follow changes', async () => {
    await bob.put('/claims:c3', claim('c3'));
    expect((await vic.get('/claims:c3')).status).toBe(200);
    const feed = await vic.get('/_changes?include_docs=true');
    expect(feed.status).toBe(200);
    expect(feed.body.results.map((r: { id: string }) => r.id)).toContain('claims:c3');
  });

  it('refuses a malformed row from a writer with 403 forbidden', async () => {
    const noPrefix = await bob.put('/c9', claim('c9'));
    expect(noPrefix.status).toBe(403);
    expect(noPrefix.body.error).toBe('forbidden');
    const noUpdatedAt = await bob.put('/claims:c9', { id: 'c9' });
    expect(noUpdatedAt.status).toBe(403);
    expect(noUpdatedAt.body.reason).toMatch(/updatedAt/);
  });

  it('lets a team admin change the design document but not a writer', async () => {
    const ddoc = await ann.get('/_design/claimdesk');
    expect(ddoc.status).toBe(200);
    expect(ddoc.body.validate_doc_update).toMatch(/^function \(newDoc, oldDoc, userCtx, secObj\)/);
    const byWriter = await bob.put('/_design/claimdesk', {
      ...ddoc.body,
      validate_doc_update: 'function(){}',
    });
    // CouchDB: 403 forbidden; pouchdb-server: 401 unauthorized (see docs/SYNC.md)
    expect([401, 403]).toContain(byWriter.status);
    const byAdmin = await ann.put('/_design/claimdesk', ddoc.body);
    expect(byAdmin.status).toBe(201);
  });

  it('keeps out a signed-in user who is not in the team, and anonymous readers', async () => {
    const eve = couchAs(dbUrl, people.eve);
    // CouchDB answers 403 to a signed-in non-member; pouchdb-server answers 401
    expect([401, 403]).toContain((await eve.get('/')).status);
    expect([401, 403]).toContain((await eve.put('/claims:e1', claim('e1'))).status);
    expect((await couchAs(dbUrl, null).get('/')).status).toBe(401);
  });

  it('gives each person the role the validation function applies', async () => {
    const session = await couchAs(couch.url, people.vic).get('/_session');
    expect(teamRoleOf(session.body.userCtx, db)).toBe('viewer');
    const bobs = await couchAs(couch.url, people.bob).get('/_session');
    expect(teamRoleOf(bobs.body.userCtx, db)).toBe('writer');
    const anns = await couchAs(couch.url, people.ann).get('/_session');
    expect(teamRoleOf(anns.body.userCtx, db)).toBe('admin');
    expect(teamRoleOf(anns.body.userCtx, 'another-team')).toBeNull();
  });

  it('is safe to install again and adds a second team to an existing user', async () => {
    const other = uniqueDbName('second');
    await createTeam(couch.url, couch.admin, { db, admins: [people.ann], members: [people.bob] });
    await createTeam(couch.url, couch.admin, { db: other, viewers: [{ name: people.bob.name }] });
    const session = await couchAs(couch.url, people.bob).get('/_session');
    expect(teamRoleOf(session.body.userCtx, db)).toBe('writer');
    expect(teamRoleOf(session.body.userCtx, other)).toBe('viewer');
    // the unchanged design document was not written again
    expect((await ann.get('/_design/claimdesk')).body._rev).toMatch(/^2-/);
  });
});

describe('syncing a slice', () => {
  const sliceDb = uniqueDbName('slice');
  const writer = { name: `w-${sliceDb}`, password: 'w-pw' };
  const w = couchAs(`${couch.url}/${sliceDb}`, writer);
  const row = (id: string, body: object) => ({ id, updatedAt: 1, deletedAt: null, ...body });

  beforeAll(async () => {
    await createTeam(couch.url, couch.admin, { db: sliceDb, members: [writer] });
    const docs = [
      {
        _id: 'articles:a1',
        ...row('a1', { publishedAt: '2024-03-01', tags: ['budget'], assignees: ['ann'] }),
      },
      { _id: 'articles:a2', ...row('a2', { publishedAt: '2024-05-01', tags: ['health'] }) },
      { _id: 'articles:a3', ...row('a3', { publishedAt: '2024-03-09', tags: ['budget'], deletedAt: 5 }) },
      { _id: 'claims:c1', ...row('c1', { articleId: 'a1' }) },
      { _id: 'claims:c2', ...row('c2', { articleId: 'a2' }) },
      { _id: 'evidence:e1', ...row('e1', { claimId: 'c1', articleId: 'a1' }) },
      { _id: 'questions:q1', ...row('q1', { articleIds: ['a2', 'a1'] }) },
      { _id: 'questions:q2', ...row('q2', { articleIds: ['a2'] }) },
      { _id: 'speakers:s1', ...row('s1', { name: 'Minister' }) },
      { _id: 'sources:o1', ...row('o1', { url: 'https://example.org' }) },
      { _id: 'history:h1', id: 'h1', table: 'articles', rowId: 'a1', batchId: 'b1', at: 1 },
      { _id: 'history:h2', id: 'h2', table: 'claims', rowId: 'c2', articleId: 'a2', batchId: 'b2', at: 2 },
    ];
    const res = await w.post('/_bulk_docs', { docs });
    expect(res.body.filter((r: { ok?: boolean }) => !r.ok)).toEqual([]);
    await w.delete(`/claims:c2?rev=${(await w.get('/claims:c2')).body._rev}`);
  });

  const inA1 = [
    'articles:a1',
    'claims:c1',
    'evidence:e1',
    'history:h1',
    'questions:q1',
    'sources:o1',
    'speakers:s1',
  ];

  it('picks the articles by tag, date range and assignment with _find', async () => {
    const found = async (criteria: Parameters<typeof articleQuery>[0]) => {
      const res = await w.post('/_find', articleQuery(criteria));
      expect(res.status).toBe(200);
      return res.body.docs.map((d: { id: string }) => d.id).sort();
    };
    expect(await found({ tag: 'budget' })).toEqual(['a1']);
    expect(await found({ publishedFrom: '2024-04-01' })).toEqual(['a2']);
    expect(await found({ publishedFrom: '2024-01-01', publishedTo: '2024-12-31' })).toEqual(['a1', 'a2']);
    expect(await found({ assignee: 'ann' })).toEqual(['a1']);
  });

  it('follows the rows of the chosen articles with a Mango selector on _changes', async () => {
    const res = await w.post('/_changes?filter=_selector', { selector: sliceSelector(['a1']) });
    expect(res.status).toBe(200);
    const ids = res.body.results.map((r: { id: string }) => r.id);
    // removals are always sent (their body is gone); the client ignores rows it never had
    expect(ids.filter((id: string) => id !== 'claims:c2').sort()).toEqual(inA1);
  });

  it('does the same with the slice filter function', async () => {
    const res = await w.get('/_changes?filter=claimdesk/slice&articles=a1');
    expect(res.status).toBe(200);
    const ids = res.body.results.map((r: { id: string }) => r.id);
    expect(ids.filter((id: string) => id !== 'claims:c2').sort()).toEqual(inA1);
    const two = await w.get('/_changes?filter=claimdesk/slice&articles=a1,a2');
    expect(two.body.results.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['claims:c2', 'questions:q2', 'history:h2', 'articles:a2']),
    );
  });
});
