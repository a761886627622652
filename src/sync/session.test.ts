import { describe, expect, it } from 'vitest';
import { CouchError } from './couch';
import { getSession, NOT_COUCHDB, signIn, signOut } from './session';

const answering =
  (status: number, body: string, type = 'application/json') =>
  async () =>
    new Response(body, { status, headers: { 'content-type': type } });

describe('CouchDB cookie sessions', () => {
  it('a sign-in CouchDB accepts gives the name and roles it answers', async () => {
    const fetch = answering(200, JSON.stringify({ ok: true, name: 'ana', roles: ['claimdesk:writer:t'] }));
    await expect(signIn('http://couch.test', 'ana', 'pw', { fetch })).resolves.toEqual({
      name: 'ana',
      roles: ['claimdesk:writer:t'],
    });
  });

  it('an address that answers 200 with a web page is not a signed-in session', async () => {
    const fetch = answering(200, '<!doctype html><title>Welcome</title>', 'text/html');
    for (const call of [
      () => signIn('http://site.test', 'ana', 'pw', { fetch }),
      () => getSession('http://site.test', { fetch }),
      () => signOut('http://site.test', { fetch }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CouchError);
      expect((error as CouchError).error).toBe(NOT_COUCHDB);
    }
  });

  it('JSON without CouchDB’s ok is not a session either', async () => {
    const fetch = answering(200, JSON.stringify({ hello: 'world' }));
    await expect(signIn('http://site.test', 'ana', 'pw', { fetch })).rejects.toMatchObject({
      error: NOT_COUCHDB,
    });
  });
});
