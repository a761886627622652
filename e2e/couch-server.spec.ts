/**
 * The test CouchDB as Chromium reaches it during the e2e run (playwright.config.ts starts it):
 * directly across origins with a cookie (CORS with credentials), and through the preview's
 * same-origin /couchdb proxy under the app's own CSP. The sync specs build on both.
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createTeam } from '../couchdb/install.ts';

const couchUrl = process.env.COUCH_URL!;
// A light document of the app's origin, sent by the preview server with the app's CSP header: the
// probes run there rather than in the app, whose first run keeps a loaded machine busy.
const APP_ORIGIN_DOC = '/favicon.svg';

// creating users and a database, then three requests from the page: bounded, but generous for a
// machine shared by many test runs
test.setTimeout(60_000);
const admin = { name: process.env.COUCH_ADMIN_NAME!, password: process.env.COUCH_ADMIN_PASSWORD! };

async function team() {
  const db = `e2e-${randomUUID().slice(0, 8)}`;
  const writer = { name: `w-${db}`, password: 'w-pw' };
  await createTeam(couchUrl, admin, { db, members: [writer] });
  return { db, writer };
}

type Probe = { login: number; session: string | null; write: number; read: number; cookieVisible: boolean };

/** Signs in with a cookie session and writes a row, from the page, as the sync engine does. */
function signInAndWrite(args: { base: string; db: string; name: string; password: string }): Promise<Probe> {
  return (async () => {
    const json = { 'content-type': 'application/json', accept: 'application/json' };
    const login = await fetch(`${args.base}/_session`, {
      method: 'POST',
      credentials: 'include',
      headers: json,
      body: JSON.stringify({ name: args.name, password: args.password }),
    });
    const session = await fetch(`${args.base}/_session`, { credentials: 'include', headers: json });
    const who = (await session.json()) as { userCtx?: { name: string | null } };
    const row = { id: 'c1', articleId: 'a1', updatedAt: Date.now(), deletedAt: null };
    const write = await fetch(`${args.base}/${args.db}/claims:c1`, {
      method: 'PUT',
      credentials: 'include',
      headers: json,
      body: JSON.stringify(row),
    });
    const read = await fetch(`${args.base}/${args.db}/_changes?include_docs=true`, {
      credentials: 'include',
    });
    return {
      login: login.status,
      session: who.userCtx?.name ?? null,
      write: write.status,
      read: read.status,
      cookieVisible: document.cookie.includes('AuthSession'),
    };
  })();
}

test.describe('across origins', () => {
  // The app's CSP (connect-src 'self') is the app's choice and is set aside here, to check the
  // server's CORS from the real app origin. (A page Playwright fulfils itself counts as a public
  // address for Chromium's local network access checks, which then refuse the loopback server.)
  test.use({ bypassCSP: true });

  test('the app origin signs in to the test CouchDB with a cookie (CORS with credentials)', async ({
    page,
  }) => {
    const { db, writer } = await team();
    await page.goto(APP_ORIGIN_DOC);
    const probe = await page.evaluate(signInAndWrite, { base: couchUrl, db, ...writer });
    expect(probe).toEqual({ login: 200, session: writer.name, write: 201, read: 200, cookieVisible: false });
  });
});

test("a page under the app's CSP reaches CouchDB through the same-origin /couchdb proxy", async ({
  page,
}) => {
  const { db, writer } = await team();
  const doc = await page.goto(APP_ORIGIN_DOC);
  expect(doc?.headers()['content-security-policy']).toContain("connect-src 'self'");
  const probe = await page.evaluate(signInAndWrite, { base: '/couchdb', db, ...writer });
  expect(probe).toEqual({ login: 200, session: writer.name, write: 201, read: 200, cookieVisible: false });
});
