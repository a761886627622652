import { queryOptions } from '@tanstack/react-query';
import { db } from './db';
import { describeDbError, isDatabaseOutdated, MESSAGES } from './errors';

/**
 * Whether this browser lets Claimdesk open its database: null when it does, else the sentence for
 * the person (private browsing, storage blocked, no IndexedDB). Waits while an upgrade is blocked;
 * a tab outdated by a newer one is not a problem here (the reload banner covers it).
 */
export async function databaseProblem(): Promise<string | null> {
  if (isDatabaseOutdated()) return null; // it opened; a newer tab took it over (the reload banner says so)
  try {
    await db.open();
    return null;
  } catch (e) {
    // Whatever the browser calls it (InvalidStateError, UnknownError…), a database that will not open is unavailable.
    const message = describeDbError(e);
    return [MESSAGES.outdated, MESSAGES.quota, MESSAGES.incomplete].includes(message as never)
      ? message
      : MESSAGES.unavailable;
  }
}

export const databaseQueries = {
  problem: () => queryOptions({ queryKey: ['meta', 'database-problem'], queryFn: databaseProblem }),
};
