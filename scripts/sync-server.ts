/**
 * Starts the CouchDB-compatible test server for manual use (and any tool that wants one running):
 *   npm run sync:server                       port 5991, admin admin / claimdesk-admin
 *   npm run sync:server -- --port 0 --team demo
 * Env: COUCH_PORT, COUCH_ADMIN_NAME, COUCH_ADMIN_PASSWORD. With --team NAME it also creates that
 * team database with the users ann (admin), bob (writer) and vic (viewer), password "<name>-pw".
 * Prints the URL as the line "COUCH_URL=http://127.0.0.1:PORT"; data lives until the process ends.
 */
import { parseArgs } from 'node:util';
import { createTeam, DEFAULT_ADMIN, startCouchServer } from '../src/sync/testing/couch-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    team: { type: 'string' },
  },
});

const port = Number(values.port ?? process.env.COUCH_PORT ?? 5991);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${values.port ?? process.env.COUCH_PORT}`);
  process.exit(2);
}
const admin = {
  name: process.env.COUCH_ADMIN_NAME ?? DEFAULT_ADMIN.name,
  password: process.env.COUCH_ADMIN_PASSWORD ?? DEFAULT_ADMIN.password,
};

const server = await startCouchServer({ port, admin });
if (values.team) {
  const pw = (name: string) => ({ name, password: `${name}-pw` });
  await createTeam(server.url, admin, {
    db: values.team,
    admins: [pw('ann')],
    members: [pw('bob')],
    viewers: [pw('vic')],
  });
  console.log(
    `team database: ${server.url}/${values.team} (ann admin, bob writer, vic viewer; password <name>-pw)`,
  );
}
console.log(`admin: ${admin.name} / ${admin.password}`);
console.log(`COUCH_URL=${server.url}`);

const shutdown = () => {
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
