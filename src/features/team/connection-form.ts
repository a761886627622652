/** Checks for the Team screen's form: a server address, a database name, a name and password. */

export type ConnectionDraft = Readonly<{ url: string; database: string; name: string; password: string }>;
export type ConnectionProblems = Partial<Record<keyof ConnectionDraft, string>>;

/** CouchDB's rule for database names (docs.couchdb.org, "PUT /{db}"). */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
const MAX_DATABASE_NAME = 238;

/**
 * The server's address, normalised (no trailing slash), or a sentence saying what is wrong.
 * Only http(s); no user name or password inside the address (they belong in the form, and an
 * address is shown on screen and kept on this device); no query or fragment.
 */
export function checkServerUrl(raw: string): { url: string } | { problem: string } {
  const text = raw.trim();
  if (text === '') return { problem: 'Enter the address of your team’s server.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'That is not a web address. It starts with https:// (or http://).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { problem: 'Only http:// and https:// addresses can be used.' };
  if (url.username || url.password)
    return { problem: 'Leave the name and password out of the address; type them below.' };
  if (url.search || url.hash) return { problem: 'The address cannot have a ? or # part.' };
  const path = url.pathname.replace(/\/+$/, '');
  return { url: `${url.protocol}//${url.host}${path}` };
}

export function checkDatabaseName(raw: string): string | null {
  const name = raw.trim();
  if (name === '') return 'Enter the name of your team’s database.';
  if (name.length > MAX_DATABASE_NAME) return `A database name has at most ${MAX_DATABASE_NAME} characters.`;
  if (!DATABASE_NAME.test(name))
    return 'A database name starts with a lower-case letter and holds only a–z, 0–9 and _ $ ( ) + - /.';
  return null;
}

/** Every problem in the form (empty when it can be sent), and the cleaned values. */
export function checkConnectionDraft(
  draft: ConnectionDraft,
  /** Whether this page may connect to an address (its CSP); a sentence when it may not. */
  reachable: (url: string) => string | null = () => null,
): {
  problems: ConnectionProblems;
  clean: ConnectionDraft;
} {
  const problems: ConnectionProblems = {};
  const server = checkServerUrl(draft.url);
  if ('problem' in server) problems.url = server.problem;
  else {
    const blocked = reachable(server.url);
    if (blocked) problems.url = blocked;
  }
  const database = checkDatabaseName(draft.database);
  if (database) problems.database = database;
  if (draft.name.trim() === '') problems.name = 'Enter your user name on the team’s server.';
  if (draft.password === '') problems.password = 'Enter your password.';
  return {
    problems,
    clean: {
      url: 'url' in server ? server.url : draft.url.trim(),
      database: draft.database.trim(),
      name: draft.name.trim(),
      password: draft.password,
    },
  };
}
