/**
 * A CouchDB-compatible test server (express-pouchdb over in-memory PouchDB) on 127.0.0.1, for the
 * sync tests and `npm run sync:server`. Node only. docs/SYNC.md lists where it differs from
 * CouchDB 3; couch-pitfalls.test.ts pins the behaviour the client relies on.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export type CouchAdmin = { name: string; password: string };

export type CouchServerOptions = {
  /** 0 (the default) takes any free port. */
  port?: number;
  /** Where the server keeps its log (the data is in memory); a temporary folder, removed on stop, by default. */
  dir?: string;
  /** The server admin; `admin` / `claimdesk-admin` by default. */
  admin?: CouchAdmin;
  /**
   * Origins allowed by CORS (with credentials). By default any http origin on 127.0.0.1 or
   * localhost, so the app's preview server on any port can sign in.
   */
  corsOrigins?: readonly string[];
};

export type CouchServer = {
  /** The server's root URL, without a trailing slash (e.g. http://127.0.0.1:5991). */
  url: string;
  admin: CouchAdmin;
  stop(): Promise<void>;
};

export const DEFAULT_ADMIN: CouchAdmin = { name: 'admin', password: 'claimdesk-admin' };

type PouchStatic = {
  defaults(options: Record<string, unknown>): PouchStatic;
  plugin(plugin: unknown): PouchStatic;
  allDbs(): Promise<string[]>;
  new (name: string): { destroy(): Promise<unknown> };
};
type CouchConfig = { set(section: string, key: string, value: unknown, cb: (err?: unknown) => void): void };
type ExpressPouchApp = ((req: IncomingMessage, res: ServerResponse) => void) & {
  couchConfig: CouchConfig;
  dbWrapper: { registerWrapper(wrap: (name: string, db: object, next: () => unknown) => unknown): void };
  setPouchDB(pouch: PouchStatic): Promise<unknown>;
};

const WELCOME = {
  couchdb: 'Welcome',
  version: '3.3.3',
  vendor: { name: 'Claimdesk test server (express-pouchdb 4.2.0, in memory)' },
  features: [],
};

const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

/**
 * PouchDB keeps state per process: its plugins change the one PouchDB class, database creations
 * are announced on one emitter (which pouchdb-all-dbs listens to, so a second server would list
 * the first one's databases), and memdown keeps one store. Each server loads its own copy.
 */
const STATEFUL = /[\\/]node_modules[\\/](pouchdb[^\\/]*|express-pouchdb|memdown|sublevel-pouchdb)[\\/]/;

function freshRequire<T>(id: string): T {
  for (const key of Object.keys(require.cache)) if (STATEFUL.test(key)) delete require.cache[key];
  return require(id) as T;
}

function loadPouch(): {
  PouchDB: PouchStatic;
  expressPouchDB: (opts: Record<string, unknown>) => ExpressPouchApp;
} {
  const expressPouchDB = freshRequire<(opts: Record<string, unknown>) => ExpressPouchApp>('express-pouchdb');
  const PouchDB = (require('pouchdb-core') as PouchStatic)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-replication'));
  return { PouchDB, expressPouchDB };
}

function corsAllows(origin: string, allowed: readonly string[] | undefined): boolean {
  return allowed ? allowed.includes(origin) : LOOPBACK_ORIGIN.test(origin);
}

/**
 * CouchDB's CORS (`[cors] credentials = true`, origins listed): the origin echoed, never `*`,
 * because the app signs in with a cookie.
 */
function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: readonly string[] | undefined,
): boolean {
  const origin = req.headers.origin;
  if (!origin || !corsAllows(origin, allowed)) return false;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Vary', 'Origin');
  res.setHeader(
    'Access-Control-Expose-Headers',
    'content-type, cache-control, accept-ranges, etag, server, x-couch-request-id, x-couch-update-newrev',
  );
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE, COPY');
    res.setHeader(
      'Access-Control-Allow-Headers',
      'accept, authorization, content-type, origin, referer, if-match, x-requested-with',
    );
    res.setHeader('Access-Control-Max-Age', '600');
    res.statusCode = 204;
    res.end();
    return true;
  }
  return false;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value = text ? JSON.parse(text) : {};
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * pouchdb-selector-core puts the values of `$regex` and `$ne` in arrays before matching, except
 * inside `$or` / `$nor`, where it then throws (`userValue.every is not a function`) from inside
 * the changes feed: an unhandled rejection that ends the test run. CouchDB takes these selectors,
 * so wrap the values here as PouchDB expects them.
 */
function wrapOrOperators(selector: unknown, inOr = false): unknown {
  if (Array.isArray(selector)) return selector.map((s) => wrapOrOperators(s, inOr));
  if (!selector || typeof selector !== 'object') return selector;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(selector)) {
    if (key === '$or' || key === '$nor') out[key] = wrapOrOperators(value, true);
    else if (key === '$and' || key === '$not') out[key] = wrapOrOperators(value, inOr);
    else if (inOr && value && typeof value === 'object' && !Array.isArray(value) && !key.startsWith('$')) {
      const matcher: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const op of ['$regex', '$ne']) {
        if (op in matcher && !Array.isArray(matcher[op])) matcher[op] = [matcher[op]];
      }
      out[key] = matcher;
    } else out[key] = value;
  }
  return out;
}

/**
 * Reads the body of the requests express-pouchdb gets wrong, before it does:
 * - `POST /{db}/_changes?filter=_selector`: express-pouchdb takes `selector` from the query
 *   string only; CouchDB takes it from the body.
 * - `$regex` / `$ne` inside `$or` in the selector of `_changes` (wrapOrOperators).
 * - `POST /{db}/_bulk_docs` with `new_edits: false` (replication, and how tests make conflicts):
 *   pouchdb-validation overwrites each document's `_revisions` with the stored document's, so a
 *   new branch was silently dropped. The documents' `_revisions` are made read-only here.
 * A body that is not a JSON object is answered 400 `invalid_json`, as CouchDB does.
 */
async function prepareBody(req: IncomingMessage): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method !== 'POST') return true;
  const changes =
    /^\/[^/_][^/]*\/_changes$/.test(url.pathname) && url.searchParams.get('filter') === '_selector';
  const bulk = /^\/[^/_][^/]*\/_bulk_docs$/.test(url.pathname);
  if (!changes && !bulk) return true;
  const body = parseJson(await readBody(req));
  if (body === null) return false;
  if (changes && body.selector !== undefined) {
    url.searchParams.set('selector', JSON.stringify(wrapOrOperators(body.selector)));
    req.url = url.pathname + url.search;
  }
  if (bulk && body.new_edits === false && Array.isArray(body.docs)) {
    for (const doc of body.docs as unknown[]) {
      if (!doc || typeof doc !== 'object' || !('_revisions' in doc)) continue;
      const revisions = (doc as { _revisions: unknown })._revisions;
      Object.defineProperty(doc, '_revisions', {
        get: () => revisions,
        set: () => undefined,
        enumerable: true,
        configurable: true,
      });
    }
  }
  // express-pouchdb's body parser (body-parser) skips a request whose body is already parsed
  const parsed = req as IncomingMessage & { body?: unknown; _body?: boolean };
  parsed.body = body;
  parsed._body = true;
  return true;
}

/**
 * pouchdb-security refuses `PUT /{db}` from a non-admin by returning a rejected promise where
 * express-pouchdb expects a database, which left the request hanging (and an unhandled
 * rejection). Hand the refusal to express-pouchdb's error path instead: 401 as on CouchDB.
 */
function refusalsAsErrors(Pouch: PouchStatic): void {
  const statics = Pouch as unknown as { new: (...args: unknown[]) => unknown };
  const create = statics.new;
  statics.new = function (this: unknown, ...args: unknown[]) {
    const made = create.apply(this, args) as { info?: unknown; then?: unknown };
    if (typeof made?.info === 'function' || typeof made?.then !== 'function') return made;
    const refused = made as Promise<unknown>;
    return {
      info: (cb: (err: unknown) => void) =>
        refused.then(
          () => cb({ status: 500, name: 'unknown_error', message: 'database creation failed' }),
          (err: unknown) => cb(err),
        ),
    };
  };
}

/** CouchDB's default for a longpoll without `timeout` (`[chttpd] changes_timeout`). */
const LONGPOLL_TIMEOUT_MS = 60_000;

/**
 * CouchDB ends a longpoll `_changes` after `timeout` ms with no results and the current sequence;
 * express-pouchdb waits forever (sending a newline every few seconds). End it the CouchDB way.
 */
async function longpollTimeout(req: IncomingMessage, res: ServerResponse, serverUrl: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const match = /^\/([^/_][^/]*)\/_changes$/.exec(url.pathname);
  if (!match || url.searchParams.get('feed') !== 'longpoll') return;
  const timeout = Number(url.searchParams.get('timeout') ?? LONGPOLL_TIMEOUT_MS);
  if (!Number.isFinite(timeout) || timeout < 0) return;
  let since = url.searchParams.get('since') ?? '0';
  if (since === 'now') {
    const headers: Record<string, string> = {};
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    if (req.headers.cookie) headers.cookie = req.headers.cookie;
    const info = await fetch(`${serverUrl}/${match[1]}`, { headers }).then((r) => (r.ok ? r.json() : null));
    if (info && typeof info.update_seq !== 'undefined') {
      since = JSON.stringify(info.update_seq);
      url.searchParams.set('since', since);
      req.url = url.pathname + url.search;
    }
  }
  let opened = false;
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === 'string' && chunk.startsWith('{"results":[')) opened = true;
    return write(chunk, ...rest);
  }) as typeof res.write;
  const timer = setTimeout(() => {
    if (res.writableEnded) return;
    const lastSeq = /^\d+$/.test(since) ? since : JSON.stringify(since);
    if (opened) {
      write(`],\n"last_seq":${lastSeq}}\n`);
      end();
    } else if (!res.headersSent) {
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      end(`{"results":[],"last_seq":${lastSeq}}\n`);
    } else {
      return;
    }
    // the live feed inside express-pouchdb may still fire once: let it write nowhere
    res.write = (() => true) as typeof res.write;
    res.end = (() => res) as typeof res.end;
  }, timeout);
  res.once('close', () => clearTimeout(timer));
  res.once('finish', () => clearTimeout(timer));
}

function setConfig(config: CouchConfig, section: string, key: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) =>
    config.set(section, key, value, (err) => (err ? reject(err) : resolve())),
  );
}

/** Starts a CouchDB-compatible server on 127.0.0.1 with one server admin and no admin party. */
export async function startCouchServer(options: CouchServerOptions = {}): Promise<CouchServer> {
  const admin = options.admin ?? DEFAULT_ADMIN;
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'claimdesk-couch-'));

  const { PouchDB, expressPouchDB } = loadPouch();
  const Pouch = PouchDB.defaults({ adapter: 'memory' });

  const app = expressPouchDB({
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: join(dir, 'couch.log'),
    // no web UI, no server-side replication (the app replicates itself), and no gzip: CouchDB sends
    // JSON uncompressed, and gzip held back longpoll and continuous feeds until they ended
    overrideMode: { exclude: ['routes/fauxton', 'routes/replicate', 'replicator', 'compression'] },
  });
  // CouchDB passes the database name to validate_doc_update as userCtx.db; express-pouchdb reads
  // it from a field PouchDB 7 no longer sets.
  app.dbWrapper.registerWrapper((name, db, next) => {
    (db as { _db_name?: string })._db_name = name;
    return next();
  });
  await setConfig(app.couchConfig, 'log', 'level', 'warning');
  await setConfig(app.couchConfig, 'admins', admin.name, admin.password);
  await app.setPouchDB(Pouch);
  refusalsAsErrors(Pouch);

  const server: Server = createServer((req, res) => {
    if (applyCors(req, res, options.corsOrigins)) return;
    if (req.method === 'GET' && (req.url === '/' || req.url === '')) {
      // CouchDB's welcome, which clients check to know they reached a CouchDB
      res.setHeader('content-type', 'application/json');
      res.end(`${JSON.stringify(WELCOME)}\n`);
      return;
    }
    prepareBody(req)
      .then(async (ok) => {
        if (!ok) {
          res.statusCode = 400;
          res.setHeader('content-type', 'application/json');
          res.end('{"error":"bad_request","reason":"invalid_json"}\n');
          return;
        }
        await longpollTimeout(req, res, url);
        app(req, res);
      })
      .catch((err: unknown) => {
        if (res.headersSent) return;
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json');
        res.end(`${JSON.stringify({ error: 'unknown_error', reason: String(err) })}\n`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The test CouchDB has no TCP address.');
  const url = `http://127.0.0.1:${address.port}`;

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // longpoll and continuous feeds hold their connections open
        server.closeAllConnections();
      });
      const names = await Pouch.allDbs().catch(() => [] as string[]);
      await Promise.all(names.map((name) => new Pouch(name).destroy().catch(() => undefined)));
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    })();
    return stopped;
  };

  return { url, admin, stop };
}

export {
  basicAuth,
  CouchError,
  type Credentials,
  couchRequest,
  createTeam,
  ensureUser,
  type Person,
  type Team,
  type TeamSpec,
} from '../../../couchdb/install.ts';
export { type TeamRole, teamRoleName, teamRoleOf } from '../../../couchdb/roles.ts';

/** A database name no other test uses (CouchDB names: lower case, starting with a letter). */
export function uniqueDbName(prefix = 'team'): string {
  return `${prefix.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}-${randomUUID().slice(0, 8)}`;
}
