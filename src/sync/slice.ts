/**
 * A slice of a team library (docs/SYNC.md "A slice of a team library"): the person picks articles
 * on the server (`POST /{db}/_find`) by a tag their claims carry, by publication date, or one by
 * one; the engine then follows `_changes` with `sliceSelector(ids)` (docs.ts). Which slice the
 * checkpoint belongs to is kept beside it: another slice starts the feed again from the beginning
 * (rows already stored are skipped by revision), so newly chosen articles arrive whole.
 */
import type { SyncDb } from '@/db/sync-db';
import { SYNC_KEYS } from '@/db/sync-tables';
import { CouchError, NetworkError } from './couch';
import type { FetchLike } from './types';

export type SliceCriteria = Readonly<{
  /** Articles with at least one live claim carrying this tag. */
  tag?: string;
  /** `publishedAt` from this ISO date, inclusive. */
  publishedFrom?: string;
  /** `publishedAt` up to this ISO date, inclusive (the whole day). */
  publishedTo?: string;
}>;

export type SliceArticle = Readonly<{ id: string; title: string; publishedAt: string | null }>;

export type SliceMatches = Readonly<{ articles: SliceArticle[]; truncated: boolean }>;

/** At most this many articles are listed for choosing; a slice is meant to fit a laptop. */
export const SLICE_LIST_LIMIT = 2_000;
const CLAIM_SCAN_LIMIT = 200_000;

const SLICE_KEY = 'slice';
/** `syncState` key: articles that joined a slice by its search since it was chosen (`{ chosen, ids }`). */
const SLICE_ADDED_KEY = 'sliceAdded';

/** The articles that joined this chosen slice before (kept across reloads). */
export async function addedToSlice(db: SyncDb, chosen: readonly string[]): Promise<string[]> {
  const stored = (await db.syncState.get(SLICE_ADDED_KEY))?.value as
    | { chosen?: string; ids?: string[] }
    | undefined;
  return stored?.chosen === JSON.stringify(chosen) && Array.isArray(stored.ids) ? stored.ids : [];
}

/**
 * Remembers the articles that joined the slice (their documents so far already applied) and moves
 * the checkpoint over to the widened selector: the feed goes on from where it was.
 */
export async function widenSlice(
  db: SyncDb,
  chosen: readonly string[],
  added: readonly string[],
  from: unknown,
  to: unknown,
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    await db.syncState.put({
      key: SLICE_ADDED_KEY,
      value: { chosen: JSON.stringify(chosen), ids: [...added] },
    });
    const stored = (await db.syncState.get(SLICE_KEY))?.value as string | undefined;
    if (stored === JSON.stringify(from ?? null))
      await db.syncState.put({ key: SLICE_KEY, value: JSON.stringify(to ?? null) });
  });
}

const tableRange = (table: string) => ({ _id: { $gt: `${table}:`, $lt: `${table}:\uffff` } });

async function find<T>(
  url: string,
  database: string,
  body: Record<string, unknown>,
  fetchFn: FetchLike,
): Promise<T[]> {
  const server = url.replace(/\/+$/, '');
  let res: Response;
  try {
    res = await fetchFn(`${server}/${encodeURIComponent(database)}/_find`, {
      method: 'POST',
      credentials: 'include',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new NetworkError(`The team server at ${server} cannot be reached (${(e as Error).message}).`);
  }
  const answer = (await res.json().catch(() => ({}))) as { docs?: T[]; error?: string; reason?: string };
  if (!res.ok)
    throw new CouchError(res.status, String(answer.error ?? res.status), String(answer.reason ?? ''));
  return answer.docs ?? [];
}

/** The team's live articles matching `criteria` (all of them when it is empty), by title. */
export async function findSliceArticles(
  url: string,
  database: string,
  criteria: SliceCriteria,
  options: Readonly<{ fetch?: FetchLike }> = {},
): Promise<SliceMatches> {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const and: Record<string, unknown>[] = [tableRange('articles'), { deletedAt: { $eq: null } }];
  const tag = criteria.tag?.trim();
  if (tag) {
    const claims = await find<{ articleId: string }>(
      url,
      database,
      {
        selector: {
          $and: [tableRange('claims'), { deletedAt: { $eq: null } }, { tags: { $elemMatch: { $eq: tag } } }],
        },
        fields: ['articleId'],
        limit: CLAIM_SCAN_LIMIT,
      },
      fetchFn,
    );
    const ids = [...new Set(claims.map((c) => c.articleId))];
    if (ids.length === 0) return { articles: [], truncated: false };
    and.push({ _id: { $in: ids.map((id) => `articles:${id}`) } });
  }
  const published: Record<string, string> = {};
  if (criteria.publishedFrom) published.$gte = criteria.publishedFrom;
  // an ISO date-time on the last day still sorts after the bare date: compare with the next day's start
  if (criteria.publishedTo) published.$lt = `${criteria.publishedTo}\uffff`;
  if (Object.keys(published).length > 0) and.push({ publishedAt: published });
  const docs = await find<{ id: string; title?: unknown; publishedAt?: unknown }>(
    url,
    database,
    { selector: { $and: and }, fields: ['id', 'title', 'publishedAt'], limit: SLICE_LIST_LIMIT + 1 },
    fetchFn,
  );
  const articles = docs
    .slice(0, SLICE_LIST_LIMIT)
    .map((d) => ({
      id: String(d.id),
      title: typeof d.title === 'string' && d.title.trim() ? d.title : 'Untitled article',
      publishedAt: typeof d.publishedAt === 'string' ? d.publishedAt : null,
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return { articles, truncated: docs.length > SLICE_LIST_LIMIT };
}

/**
 * Before a pull: when the slice (the selector, or none for the whole library) is not the one the
 * checkpoint was made for, forget the checkpoint so the feed is read again from the start.
 */
export async function checkpointForSlice(db: SyncDb, selector: unknown): Promise<void> {
  const key = JSON.stringify(selector ?? null);
  await db.transaction('rw', db.syncState, async () => {
    const stored = (await db.syncState.get(SLICE_KEY))?.value as string | undefined;
    if (stored === key) return;
    const checkpoint = await db.syncState.get(SYNC_KEYS.checkpoint);
    // a device that synced before slices existed synced the whole library
    if (stored === undefined && key === 'null') {
      await db.syncState.put({ key: SLICE_KEY, value: key });
      return;
    }
    if (checkpoint) await db.syncState.delete(SYNC_KEYS.checkpoint);
    await db.syncState.put({ key: SLICE_KEY, value: key });
  });
}
