/**
 * CouchDB cookie sessions (`/_session`): the server sets an HttpOnly `AuthSession` cookie and the
 * browser sends it with `credentials: 'include'`. No password is kept anywhere by the app.
 */
import { CouchError, NetworkError } from './couch';
import type { FetchLike, SyncRole } from './types';

export type SessionInfo = Readonly<{ name: string; roles: readonly string[] }>;

type Options = Readonly<{ fetch?: FetchLike }>;

/** The `error` of a CouchError for an address that answered, but not as CouchDB does. */
export const NOT_COUCHDB = 'not_couchdb';

const fetchOf = (options: Options): FetchLike => options.fetch ?? ((input, init) => fetch(input, init));

async function session(url: string, init: RequestInit, options: Options): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetchOf(options)(`${url.replace(/\/+$/, '')}/_session`, {
      credentials: 'include',
      ...init,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    });
  } catch (e) {
    throw new NetworkError(`The team server at ${url} cannot be reached (${(e as Error).message}).`);
  }
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok) {
    const reason =
      res.status === 401 ? 'The name or password is not right.' : String(body?.reason ?? res.statusText);
    throw new CouchError(res.status, String(body?.error ?? res.status), reason);
  }
  // CouchDB answers every `/_session` request with `ok: true`; a web server that answers any path
  // (a page of HTML with 200) must not pass for a signed-in session
  if (body?.ok !== true)
    throw new CouchError(res.status, NOT_COUCHDB, 'the answer was not a CouchDB session');
  return body;
}

/** Signs in with a CouchDB user name and password; the server keeps the session in a cookie. */
export async function signIn(
  url: string,
  name: string,
  password: string,
  options: Options = {},
): Promise<SessionInfo> {
  const body = await session(url, { method: 'POST', body: JSON.stringify({ name, password }) }, options);
  return { name: String(body.name ?? name), roles: (body.roles as string[] | undefined) ?? [] };
}

/** Who the server's session cookie says is signed in, or null. */
export async function getSession(url: string, options: Options = {}): Promise<SessionInfo | null> {
  const body = await session(url, { method: 'GET' }, options);
  const ctx = body.userCtx as { name: string | null; roles?: string[] } | undefined;
  return ctx?.name ? { name: ctx.name, roles: ctx.roles ?? [] } : null;
}

export async function signOut(url: string, options: Options = {}): Promise<void> {
  await session(url, { method: 'DELETE' }, options);
}

type Security = Readonly<{ admins?: { names?: string[]; roles?: string[] } }> | null;

/**
 * A person's role in a team database, by the rule couchdb/validate_doc_update.js applies: a server
 * admin, a database admin (by name or role) or `claimdesk:admin:<db>` is 'admin'; a holder of
 * `claimdesk:viewer:<db>` without the writer role is 'viewer'; anyone else who can read is 'member'.
 */
export function roleOf(database: string, who: SessionInfo, security: Security): SyncRole {
  const roles = new Set(who.roles);
  if (roles.has('_admin')) return 'admin';
  const admins = security?.admins;
  if (admins?.names?.includes(who.name) || admins?.roles?.some((r) => roles.has(r))) return 'admin';
  if (roles.has(`claimdesk:admin:${database}`)) return 'admin';
  if (roles.has(`claimdesk:writer:${database}`)) return 'member';
  if (roles.has(`claimdesk:viewer:${database}`)) return 'viewer';
  return 'member';
}
