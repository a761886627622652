/**
 * A Node team client for end-to-end tests: a Claimdesk database in fake-indexeddb with the real
 * sync engine, signed in with a cookie session, driven by JSON lines on stdin (one answer per line
 * on stdout). e2e/sync-three-clients.spec.ts runs it beside two Chromium profiles:
 *
 *   tsx --tsconfig tsconfig.node.json src/sync/testing/node-client.ts --url … --db … --user … --password …
 *   {"op":"sync"} | {"op":"edit","table":"claims","id":"…","patch":{…}} | {"op":"get","table":"claims","id":"…"}
 *   | {"op":"ids","table":"claims"} | {"op":"conflicts"}
 */
import 'fake-indexeddb/auto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { HistoryEntry } from '@/core/model/types';
import { newId } from '@/db/ids';
import { openDeviceDatabase } from '@/db/sync-db';
import { createSyncEngine } from '@/sync/engine';
import { signIn } from '@/sync/session';
import { cookieFetch } from '@/sync/testing/cookie-fetch';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    db: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
  },
});
const { url, db: database, user, password } = values;
if (!url || !database || !user || !password) {
  console.error('usage: node-client --url URL --db DATABASE --user NAME --password PASSWORD');
  process.exit(2);
}

const jar = cookieFetch();
const db = openDeviceDatabase(`node-client-${newId()}`);
await db.open();
await signIn(url, user, password, { fetch: jar });
const deviceId = `node-${newId()}`;
const engine = createSyncEngine({ db, url, database, deviceId, author: user, fetch: jar, estimate: null });

type Command =
  | { op: 'sync' }
  | { op: 'edit'; table: 'claims'; id: string; patch: Record<string, unknown> }
  | { op: 'get'; table: string; id: string }
  | { op: 'ids'; table: string }
  | { op: 'conflicts' };

async function run(cmd: Command): Promise<unknown> {
  switch (cmd.op) {
    case 'sync':
      return engine.syncOnce();
    case 'edit': {
      // as a repository edits: the row, its updatedAt and one history entry, in one transaction
      const t = db.table(cmd.table);
      await db.transaction('rw', [t, db.history], async () => {
        const row = (await t.get(cmd.id)) as Record<string, unknown>;
        const at = Math.max(Date.now(), Number(row.updatedAt) + 1);
        await t.put({ ...row, ...cmd.patch, updatedAt: at });
        await db.history.add({
          id: newId(),
          table: cmd.table,
          rowId: cmd.id,
          batchId: newId(),
          action: 'update',
          from: Object.fromEntries(Object.keys(cmd.patch).map((k) => [k, row[k]])),
          to: cmd.patch,
          at,
          undoneAt: null,
          batchKind: 'change',
          target: null,
        } as HistoryEntry);
      });
      return { ok: true };
    }
    case 'get':
      return (await db.table(cmd.table).get(cmd.id)) ?? null;
    case 'ids':
      return (await db.table(cmd.table).toCollection().primaryKeys()).sort();
    case 'conflicts':
      return engine.listConflicts();
  }
}

console.log(JSON.stringify({ ready: true }));
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') continue;
  try {
    console.log(JSON.stringify({ ok: await run(JSON.parse(line) as Command) }));
  } catch (e) {
    console.log(JSON.stringify({ error: (e as Error).message }));
  }
}
await engine.stop();
db.close();
await db.delete();
