/**
 * Vitest globalSetup: one test CouchDB for a test project, started before its files run and stopped
 * after. Tests read it with `inject('couch')` (see docs/SYNC.md "Testing against the server") and
 * make a database of their own with `createTeam(couch.url, couch.admin, { db: uniqueDbName() })`.
 *
 * The server runs in its own process (scripts/sync-server.ts, as for Playwright): express-pouchdb
 * leaves a heartbeat timer behind for each longpoll a client gave up on, which kept Vitest's main
 * process alive for its 10 s close timeout after every run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type CouchAdmin, DEFAULT_ADMIN } from './couch-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    couch: { url: string; admin: CouchAdmin };
  }
}

const START_TIMEOUT_MS = 120_000;

function startServerProcess(
  root: string,
  port: number,
  admin: CouchAdmin,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    join(root, 'node_modules/.bin/tsx'),
    ['scripts/sync-server.ts', '--port', String(port)],
    {
      cwd: root,
      env: { ...process.env, COUCH_ADMIN_NAME: admin.name, COUCH_ADMIN_PASSWORD: admin.password },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The test CouchDB did not start within ${START_TIMEOUT_MS / 1000} s.`));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^COUCH_URL=(\S+)$/m.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The test CouchDB exited before it started (code ${code}).\n${out}`));
    });
  });
}

export default async function setup(project: TestProject) {
  const port = Number(process.env.COUCH_TEST_PORT ?? 0);
  const admin = DEFAULT_ADMIN;
  const { child, url } = await startServerProcess(project.config.root, port, admin);
  project.provide('couch', { url, admin });
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
}
