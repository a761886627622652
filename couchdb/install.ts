/**
 * Sets up a team database on CouchDB 3 (or the test server): users with their team roles, the
 * database, its `_security`, the design document and the slice indexes. Idempotent: run it again
 * after adding people or changing the design document. Used by scripts/couch-install.ts and by
 * the test harness (src/sync/testing), so both install the same thing the same way.
 */
import { DESIGN_DOC_ID, type DesignDoc, designDoc } from './design.ts';
import { securityFor, type TeamRole, teamRoleName } from './roles.ts';
import { SLICE_INDEXES } from './slice.ts';

export type Credentials = { name: string; password: string };
/** A team member; the password is only used when the user does not exist yet. */
export type Person = { name: string; password?: string };

export type TeamSpec = {
  db: string;
  admins?: readonly Person[];
  /** People who may write (role `claimdesk:writer:<db>`). */
  members?: readonly Person[];
  /** People who may only read (role `claimdesk:viewer:<db>`). */
  viewers?: readonly Person[];
};

export type Team = { db: string; dbUrl: string };

/** CouchDB's database names (docs: "Database names"). */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export class CouchError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message);
  }
}

export function basicAuth(user: Credentials): string {
  return `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
}

export async function couchRequest<T = Record<string, unknown>>(
  serverUrl: string,
  user: Credentials,
  method: string,
  path: string,
  body?: unknown,
  okStatuses: readonly number[] = [],
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${serverUrl.replace(/\/$/, '')}${path}`, {
    method,
    headers: {
      authorization: basicAuth(user),
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the error message
  }
  if (!res.ok && !okStatuses.includes(res.status)) {
    throw new CouchError(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`, res.status, parsed);
  }
  return { status: res.status, body: parsed as T };
}

const userPath = (name: string) => `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;

/** Creates the user, or adds `roles` to an existing one (its password is left alone). */
export async function ensureUser(
  serverUrl: string,
  admin: Credentials,
  person: Person,
  roles: readonly string[],
): Promise<void> {
  const found = await couchRequest<{ _rev?: string; roles?: string[] } & Record<string, unknown>>(
    serverUrl,
    admin,
    'GET',
    userPath(person.name),
    undefined,
    [404],
  );
  if (found.status === 404) {
    if (!person.password)
      throw new Error(`User ${person.name} does not exist: give a password to create it.`);
    await couchRequest(serverUrl, admin, 'PUT', userPath(person.name), {
      _id: `org.couchdb.user:${person.name}`,
      name: person.name,
      password: person.password,
      roles: [...roles],
      type: 'user',
    });
    return;
  }
  const current = found.body.roles ?? [];
  const missing = roles.filter((r) => !current.includes(r));
  if (missing.length === 0) return;
  const { password: _hashedAway, ...rest } = found.body;
  await couchRequest(serverUrl, admin, 'PUT', userPath(person.name), {
    ...rest,
    roles: [...current, ...missing],
  });
}

/** Installs or updates `_design/claimdesk` (validation and the slice filter). */
export async function installDesign(serverUrl: string, admin: Credentials, db: string): Promise<void> {
  const path = `/${encodeURIComponent(db)}/${DESIGN_DOC_ID}`;
  const found = await couchRequest<Partial<DesignDoc>>(serverUrl, admin, 'GET', path, undefined, [404]);
  const doc = designDoc();
  if (found.status === 200 && found.body._rev) {
    const same =
      found.body.validate_doc_update === doc.validate_doc_update &&
      JSON.stringify(found.body.filters) === JSON.stringify(doc.filters);
    // an unchanged design document is not written again: every client's feed would carry it
    if (same) return;
    doc._rev = found.body._rev;
  }
  await couchRequest(serverUrl, admin, 'PUT', path, doc);
}

export async function createTeam(serverUrl: string, admin: Credentials, spec: TeamSpec): Promise<Team> {
  const { db } = spec;
  if (!DB_NAME.test(db))
    throw new Error(`"${db}" is not a CouchDB database name (lower case, starting with a letter).`);
  const groups: [TeamRole, readonly Person[]][] = [
    ['admin', spec.admins ?? []],
    ['writer', spec.members ?? []],
    ['viewer', spec.viewers ?? []],
  ];
  await couchRequest(serverUrl, admin, 'PUT', `/${encodeURIComponent(db)}`, undefined, [412]);
  await couchRequest(serverUrl, admin, 'PUT', `/${encodeURIComponent(db)}/_security`, securityFor(db));
  await installDesign(serverUrl, admin, db);
  for (const index of SLICE_INDEXES) {
    await couchRequest(serverUrl, admin, 'POST', `/${encodeURIComponent(db)}/_index`, index);
  }
  if (groups.some(([, people]) => people.length > 0)) {
    const users = await couchRequest(serverUrl, admin, 'GET', '/_users', undefined, [404]);
    if (users.status === 404) {
      throw new Error(
        'The server has no _users database: finish CouchDB setup first (single node or cluster setup creates it).',
      );
    }
  }
  for (const [role, people] of groups) {
    for (const person of people) await ensureUser(serverUrl, admin, person, [teamRoleName(role, db)]);
  }
  return { db, dbUrl: `${serverUrl.replace(/\/$/, '')}/${encodeURIComponent(db)}` };
}
