import { describe, expect, inject, it } from 'vitest';
import { basicAuth, createTeam, startCouchServer, uniqueDbName } from './couch-server.ts';

const couch = inject('couch');

describe('the test CouchDB from globalSetup', () => {
  it('answers as CouchDB and has no admin party', async () => {
    const root = await fetch(`${couch.url}/`).then((r) => r.json());
    expect(root).toMatchObject({ couchdb: 'Welcome' });
    const created = await fetch(`${couch.url}/${uniqueDbName()}`, { method: 'PUT' });
    expect(created.status).toBe(401);
  });

  it('signs a team member in with a cookie session', async () => {
    const db = uniqueDbName();
    await createTeam(couch.url, couch.admin, { db, members: [{ name: `w-${db}`, password: 'secret-1' }] });
    const login = await fetch(`${couch.url}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: `w-${db}`, password: 'secret-1' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^AuthSession=./);
    const session = await fetch(`${couch.url}/_session`, { headers: { cookie } }).then((r) => r.json());
    expect(session.userCtx).toEqual({ name: `w-${db}`, roles: [`claimdesk:writer:${db}`] });
    const info = await fetch(`${couch.url}/${db}`, { headers: { cookie } });
    expect(info.status).toBe(200);

    const wrong = await fetch(`${couch.url}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `w-${db}`, password: 'nope' }),
    });
    expect(wrong.status).toBe(401);
  });

  it('allows the app preview origin with credentials (CORS preflight and response)', async () => {
    const origin = 'http://127.0.0.1:4191';
    const preflight = await fetch(`${couch.url}/_session`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const get = await fetch(`${couch.url}/`, { headers: { origin } });
    expect(get.headers.get('access-control-allow-origin')).toBe(origin);

    const foreign = await fetch(`${couch.url}/`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
  it('answers 400 invalid_json to a _bulk_docs body that is not a JSON object', async () => {
    const db = uniqueDbName();
    const writer = { name: `w-${db}`, password: 'secret-2' };
    await createTeam(couch.url, couch.admin, { db, members: [writer] });
    for (const body of ['{"docs": [', '[]']) {
      const res = await fetch(`${couch.url}/${db}/_bulk_docs`, {
        method: 'POST',
        headers: { authorization: basicAuth(writer), 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'bad_request' });
    }
  });
});

describe('startCouchServer', () => {
  it('takes port 0 as any free port, keeps servers apart, and stops', async () => {
    const a = await startCouchServer({ port: 0 });
    const b = await startCouchServer();
    try {
      expect(a.url).not.toBe(b.url);
      const auth = { authorization: basicAuth(a.admin) };
      expect((await fetch(`${a.url}/only-in-a`, { method: 'PUT', headers: auth })).status).toBe(201);
      const inB = await fetch(`${b.url}/only-in-a`, { headers: { authorization: basicAuth(b.admin) } });
      expect(inB.status).toBe(404);
    } finally {
      await a.stop();
      await b.stop();
    }
    await expect(fetch(`${a.url}/`)).rejects.toThrow();
  });
});
