/**
 * Vitest globalSetup: one test CouchDB for a test project, started before its files run and stopped
 * after. Tests read it with `inject('couch')` (see docs/SYNC.md "Testing against the server") and
 * make a database of their own with `createTeam(couch.url, couch.admin, { db: uniqueDbName() })`.
 */
import type { TestProject } from 'vitest/node';
import { type CouchAdmin, startCouchServer } from './couch-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    couch: { url: string; admin: CouchAdmin };
  }
}

export default async function setup(project: TestProject) {
  const port = Number(process.env.COUCH_TEST_PORT ?? 0);
  const server = await startCouchServer({ port });
  project.provide('couch', { url: server.url, admin: server.admin });
  return () => server.stop();
}
