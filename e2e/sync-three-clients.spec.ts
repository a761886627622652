import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { expect, test } from './fixtures';
import { connect, newProfile, newTeam, openFirstClaim, openTeam, waitUpToDate } from './sync-helpers';

// The "done when": two Chromium profiles and a Node client (fake-indexeddb, the same engine)
// on one team library through the test CouchDB, each change made on one arriving on the other two.
test.describe.configure({ timeout: 240_000 });

type NodeClient = { send(cmd: Record<string, unknown>): Promise<unknown>; close(): Promise<void> };

/** src/sync/testing/node-client.ts in a child process, driven by JSON lines. */
async function nodeClient(db: string, user: { name: string; password: string }): Promise<NodeClient> {
  const child: ChildProcessWithoutNullStreams = spawn(
    'node_modules/.bin/tsx',
    [
      '--tsconfig',
      'tsconfig.node.json',
      'src/sync/testing/node-client.ts',
      '--url',
      process.env.COUCH_URL!,
      '--db',
      db,
      '--user',
      user.name,
      '--password',
      user.password,
    ],
    { stdio: 'pipe' },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`The Node client ended: ${stderr}`);
    return JSON.parse(value as string) as Record<string, unknown>;
  };
  expect(await next()).toEqual({ ready: true });
  return {
    async send(cmd) {
      child.stdin.write(`${JSON.stringify(cmd)}\n`);
      const answer = await next();
      if ('error' in answer) throw new Error(String(answer.error));
      return answer.ok;
    },
    async close() {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

test('two Chromium profiles and a Node client converge on one team library', async ({ browser, baseURL }) => {
  const team = await newTeam({ members: 3 });
  const a = await newProfile(browser, baseURL);
  await connect(a.page, team, team.members[0]!);

  const node = await nodeClient(team.db, team.members[2]!);
  try {
    expect(await node.send({ op: 'sync' })).toMatchObject({ complete: true, state: 'idle' });
    const claimIds = (await node.send({ op: 'ids', table: 'claims' })) as string[];
    expect(claimIds.length).toBeGreaterThan(0);
    const first = claimIds[0]!; // extracted claim ids sort by position: the article's claim 1

    // Node → both profiles: a verdict set by the Node client
    await node.send({ op: 'edit', table: 'claims', id: first, patch: { verdict: 'in progress' } });
    expect(await node.send({ op: 'sync' })).toMatchObject({ complete: true, pushed: 2 });

    const b = await newProfile(browser, baseURL);
    await connect(b.page, team, team.members[1]!);
    const panelB = await openFirstClaim(b.page);
    await expect(panelB.getByRole('radio', { name: '2 In progress' })).toBeChecked();
    const panelA = await openFirstClaim(a.page); // A runs live: the change came by itself
    await expect(panelA.getByRole('radio', { name: '2 In progress' })).toBeChecked({ timeout: 30_000 });

    // Chromium → Chromium and Node: a rating note written in B
    const note = 'Checked against the council minutes.';
    await panelB.getByPlaceholder('Why this verdict, in a sentence or two').fill(note);
    await panelB.getByPlaceholder('Why this verdict, in a sentence or two').blur();
    await expect(panelA.getByPlaceholder('Why this verdict, in a sentence or two')).toHaveValue(note, {
      timeout: 30_000,
    });
    await expect
      .poll(
        async () => {
          await node.send({ op: 'sync' });
          return ((await node.send({ op: 'get', table: 'claims', id: first })) as { ratingNote?: string })
            .ratingNote;
        },
        { timeout: 30_000 },
      )
      .toBe(note);

    // All three hold the same claims, with no conflict left for anyone
    expect(await node.send({ op: 'ids', table: 'claims' })).toEqual(claimIds);
    expect(await node.send({ op: 'conflicts' })).toEqual([]);
    for (const page of [a.page, b.page]) {
      await openTeam(page);
      await waitUpToDate(page);
      await expect(page.getByText('Conflicts to settle').locator('..').locator('dd')).toHaveText('0');
    }
    await b.context.close();
  } finally {
    await node.close();
  }
  await a.context.close();
});
