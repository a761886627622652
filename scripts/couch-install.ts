/**
 * Installs a Claimdesk team library on a CouchDB 3 server (or the test server):
 *   npm run couch:install -- --server https://couch.example.org --db newsroom --members team.json
 * The server admin's credentials come from COUCH_ADMIN_NAME / COUCH_ADMIN_PASSWORD (never a flag,
 * so they stay out of shell history). The members file (JSON):
 *   { "admins": [{ "name": "ann", "password": "…" }], "members": [{ "name": "bob" }], "viewers": [] }
 * A password is needed only for people who have no CouchDB user yet. Safe to run again: it adds
 * missing users and roles, creates the database if needed, and replaces `_security` and the design
 * document with this repository's (docs/SYNC.md "Installing a team").
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTeam, type Person } from '../couchdb/install.ts';

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    db: { type: 'string' },
    members: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const server = values.server ?? fail('--server URL is required (e.g. https://couch.example.org).');
const db = values.db ?? fail('--db NAME is required (the team database).');
const name = process.env.COUCH_ADMIN_NAME ?? fail('Set COUCH_ADMIN_NAME and COUCH_ADMIN_PASSWORD.');
const password = process.env.COUCH_ADMIN_PASSWORD ?? fail('Set COUCH_ADMIN_PASSWORD.');
if (!/^https?:\/\//.test(server)) fail(`--server must be an http(s) URL, not ${server}`);

function people(value: unknown, key: string): Person[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`"${key}" in the members file must be a list.`);
  return value.map((p, i) => {
    if (typeof p !== 'object' || p === null || typeof p.name !== 'string' || p.name.length === 0) {
      fail(`"${key}"[${i}] in the members file needs a "name".`);
    }
    if (p.password !== undefined && typeof p.password !== 'string')
      fail(`"${key}"[${i}].password must be text.`);
    return p.password === undefined ? { name: p.name } : { name: p.name, password: p.password };
  });
}

let file: Record<string, unknown> = {};
if (values.members) {
  try {
    file = JSON.parse(readFileSync(values.members, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    fail(`Cannot read the members file ${values.members}: ${(err as Error).message}`);
  }
}

try {
  const team = await createTeam(
    server,
    { name, password },
    {
      db,
      admins: people(file.admins, 'admins'),
      members: people(file.members, 'members'),
      viewers: people(file.viewers, 'viewers'),
    },
  );
  console.log(`Installed ${team.dbUrl}: _security, _design/claimdesk, slice indexes, team roles.`);
} catch (err) {
  const cause = (err as { cause?: { code?: string } }).cause?.code;
  fail(`Install failed: ${(err as Error).message}${cause ? ` (${cause})` : ''}`);
}
