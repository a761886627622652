/**
 * The few CouchDB endpoints the engine uses, coded to CouchDB 3's documented behaviour: opaque
 * `since` sequences, per-row `_bulk_docs` answers matched by id, cookie sessions sent with
 * `credentials: 'include'`.
 */
import type { FetchLike } from './types';

/** The server could not be reached (or answered 5xx): keep everything, retry later. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** The server answered with an error status. */
export class CouchError extends Error {
  override name = 'CouchError';
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
  ) {
    super(`${status} ${error}: ${reason}`);
  }
}

export type CouchDoc = Readonly<{
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: readonly string[];
  [field: string]: unknown;
}>;

export type ChangeRow = Readonly<{
  id: string;
  seq: string | number;
  changes: readonly { rev: string }[];
  deleted?: boolean;
  doc?: CouchDoc;
}>;

export type ChangesPage = Readonly<{
  results: readonly ChangeRow[];
  last_seq: string | number;
  pending?: number;
}>;

export type BulkResult = Readonly<{
  id: string;
  ok?: boolean;
  rev?: string;
  error?: string;
  reason?: string;
}>;

export type ChangesQuery = Readonly<{
  since: string | number | null;
  limit: number;
  longpollMs?: number;
  selector?: Readonly<Record<string, unknown>>;
  signal?: AbortSignal;
  /**
   * `false`: ids and every leaf revision only (`style=all_docs`), no documents: a feed expected to
   * hold mostly this device's own writes, whose documents it already has.
   */
  docs?: boolean;
}>;

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function createCouchClient(url: string, database: string, fetchFn: FetchLike) {
  const server = trimSlash(url);
  const base = `${server}/${encodeURIComponent(database)}`;

  async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetchFn(`${base}${path}`, {
        credentials: 'include',
        ...init,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...init.headers },
      });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new NetworkError(`The team server at ${server} cannot be reached (${(e as Error).message}).`);
    }
    if (res.status >= 500)
      throw new NetworkError(`The team server answered ${res.status}; it will be retried.`);
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) {
      throw new CouchError(
        res.status,
        String(body.error ?? res.status),
        String(body.reason ?? res.statusText),
      );
    }
    return body as T;
  }

  return {
    server,
    /** One page of `_changes` with the documents (and their conflicting revisions). */
    changes(q: ChangesQuery): Promise<ChangesPage> {
      const params = new URLSearchParams(
        q.docs === false
          ? { style: 'all_docs', limit: String(q.limit) }
          : { include_docs: 'true', conflicts: 'true', limit: String(q.limit) },
      );
      params.set('feed', q.longpollMs === undefined ? 'normal' : 'longpoll');
      if (q.longpollMs !== undefined) params.set('timeout', String(q.longpollMs));
      if (q.since !== null) params.set('since', String(q.since));
      if (q.selector) {
        params.set('filter', '_selector');
        return request(`/_changes?${params}`, {
          method: 'POST',
          body: JSON.stringify({ selector: q.selector }),
          signal: q.signal,
        });
      }
      return request(`/_changes?${params}`, { signal: q.signal });
    },
    /** Writes documents; the answer has one row per document, in no promised order. */
    bulkDocs(docs: readonly CouchDoc[], signal?: AbortSignal): Promise<BulkResult[]> {
      return request('/_bulk_docs', { method: 'POST', body: JSON.stringify({ docs }), signal });
    },
    /** The current (winning) documents with these ids, with their conflicts; missing ids left out. */
    async getDocs(ids: readonly string[], signal?: AbortSignal): Promise<CouchDoc[]> {
      const body = await request<{ rows: { key: string; doc?: CouchDoc | null; error?: string }[] }>(
        '/_all_docs?include_docs=true&conflicts=true',
        { method: 'POST', body: JSON.stringify({ keys: ids }), signal },
      );
      return body.rows.flatMap((r) => (r.doc ? [r.doc] : []));
    },
    /** One revision of a document (a conflicting one), or null when it is gone. */
    async getRevision(id: string, rev: string, signal?: AbortSignal, revs = false): Promise<CouchDoc | null> {
      try {
        return await request<CouchDoc>(
          `/${encodeURIComponent(id)}?rev=${encodeURIComponent(rev)}${revs ? '&revs=true' : ''}`,
          { signal },
        );
      } catch (e) {
        if (e instanceof CouchError && e.status === 404) return null;
        throw e;
      }
    },
    /** `GET /{db}`: how many documents (and removals) the feed holds, for a first sync's progress. */
    info(signal?: AbortSignal): Promise<{ doc_count?: number; doc_del_count?: number }> {
      return request('', { signal });
    },
    /** The database's `_security` object (members and admins), or null when this user may not read it. */
    async security(): Promise<{
      admins?: { names?: string[]; roles?: string[] };
      members?: { names?: string[]; roles?: string[] };
    } | null> {
      try {
        return await request('/_security');
      } catch (e) {
        if (e instanceof CouchError) return null;
        throw e;
      }
    },
  };
}

export type CouchClient = ReturnType<typeof createCouchClient>;
