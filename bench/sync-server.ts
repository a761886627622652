/**
 * npm run bench:sync-server [-- --docs 1000 --runs 3]
 *
 * What the test CouchDB (src/sync/testing: express-pouchdb over in-memory PouchDB) costs per
 * document, apart from any client: `_bulk_docs` of new claim documents as a team member (session
 * cookie, the team's validate_doc_update), as the server admin, and into a database without the
 * design document (no validation); then `_changes` of those documents with `include_docs=true`
 * against `style=all_docs` (what a pull after a push reads). Node only; prints medians in ms and
 * documents per second. The outbox drain's budget (1,000 changes/s) is about the app's path: this
 * says how much of a drain's time the test server takes.
 */
import { loadavg } from 'node:os';
import { basicAuth, createTeam, startCouchServer } from '../src/sync/testing/couch-server';
import { benchClaim } from './sync-seed';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const DOCS = arg('docs', 1000);
const RUNS = arg('runs', 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const couch = await startCouchServer();
try {
  const member = { name: 'drain', password: 'drain-pw' };
  await createTeam(couch.url, couch.admin, { db: 'validated', members: [member] });
  const plain = await fetch(`${couch.url}/plain`, {
    method: 'PUT',
    headers: { authorization: basicAuth(couch.admin) },
  });
  if (!plain.ok) throw new Error(`PUT /plain: ${plain.status}`);
  const session = await fetch(`${couch.url}/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(member),
  });
  const cookie = session.headers.get('set-cookie')?.split(';')[0] ?? '';
  const asMember = { cookie };
  const asAdmin = { authorization: basicAuth(couch.admin) };

  let next = 0;
  const docs = () =>
    Array.from({ length: DOCS }, () => {
      const claim = benchClaim(next++, 100, 200);
      return { _id: `claims:${claim.id}`, ...claim };
    });
  const time = async (db: string, headers: Record<string, string>) => {
    const body = JSON.stringify({ docs: docs() });
    const t = performance.now();
    const res = await fetch(`${couch.url}/${db}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const answer = (await res.json()) as { error?: string }[];
    const ms = performance.now() - t;
    const failed = answer.filter((r) => r.error);
    if (!res.ok || failed.length > 0) throw new Error(`${db}: ${JSON.stringify(failed.slice(0, 2))}`);
    return ms;
  };
  const cases: [string, string, Record<string, string>][] = [
    ['member, validated', 'validated', asMember],
    ['admin, validated', 'validated', asAdmin],
    ['admin, no validation', 'plain', asAdmin],
  ];
  const result: Record<string, { ms: number; docsPerSecond: number }> = {};
  for (const [name, db, headers] of cases) {
    const ms: number[] = [];
    for (let r = 0; r < RUNS; r++) ms.push(await time(db, headers));
    result[`_bulk_docs ${DOCS} new documents (${name})`] = {
      ms: Math.round(median(ms)),
      docsPerSecond: Math.round(DOCS / (median(ms) / 1000)),
    };
  }
  for (const [name, query] of [
    ['include_docs=true&conflicts=true', 'include_docs=true&conflicts=true'],
    ['style=all_docs (no documents)', 'style=all_docs'],
  ] as const) {
    const ms: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      const res = await fetch(`${couch.url}/validated/_changes?${query}&limit=${DOCS}`, {
        headers: asMember,
      });
      const page = (await res.json()) as { results: unknown[] };
      if (page.results.length !== DOCS) throw new Error(`_changes gave ${page.results.length}`);
      ms.push(performance.now() - t);
    }
    result[`_changes ${DOCS} rows, ${name}`] = {
      ms: Math.round(median(ms)),
      docsPerSecond: Math.round(DOCS / (median(ms) / 1000)),
    };
  }
  console.log(
    JSON.stringify(
      { docs: DOCS, runs: RUNS, load: loadavg().map((x) => Math.round(x * 10) / 10), result },
      null,
      2,
    ),
  );
} finally {
  await couch.stop();
}
