/**
 * Syncing part of a team library (docs/SYNC.md "A slice of a large library"). Two steps, both
 * standard CouchDB: pick the articles with a Mango query (`POST /{db}/_find`), then follow
 * `POST /{db}/_changes?filter=_selector` with `sliceSelector(ids)` as the body's `selector`.
 * Claims carry `articleId` and questions `articleIds`; evidence and history rows are in the
 * slice only when they carry an `articleId` too (speakers and sources are always synced whole).
 */

export type ArticleCriteria = {
  /** Articles whose `tags` hold this tag. */
  tag?: string;
  /** Articles assigned to this person (`assignees` holds the user name). */
  assignee?: string;
  /** `publishedAt` (ISO date string) from, inclusive. */
  publishedFrom?: string;
  /** `publishedAt` (ISO date string) to, exclusive. */
  publishedTo?: string;
  /** `importedAt` (ms) from, inclusive. */
  importedFrom?: number;
  /** `importedAt` (ms) to, exclusive. */
  importedTo?: number;
};

type Selector = Record<string, unknown>;

/** The `_find` body that lists the ids of the live articles matching `criteria`. */
export function articleQuery(criteria: ArticleCriteria, limit = 10_000, bookmark?: string) {
  const and: Selector[] = [
    { _id: { $gt: 'articles:', $lt: 'articles:\uffff' } },
    { deletedAt: { $eq: null } },
  ];
  if (criteria.tag !== undefined) and.push({ tags: { $elemMatch: { $eq: criteria.tag } } });
  if (criteria.assignee !== undefined) and.push({ assignees: { $elemMatch: { $eq: criteria.assignee } } });
  const published: Selector = {};
  if (criteria.publishedFrom !== undefined) published.$gte = criteria.publishedFrom;
  if (criteria.publishedTo !== undefined) published.$lt = criteria.publishedTo;
  if (Object.keys(published).length > 0) and.push({ publishedAt: published });
  const imported: Selector = {};
  if (criteria.importedFrom !== undefined) imported.$gte = criteria.importedFrom;
  if (criteria.importedTo !== undefined) imported.$lt = criteria.importedTo;
  if (Object.keys(imported).length > 0) and.push({ importedAt: imported });
  return {
    selector: { $and: and },
    fields: ['id'],
    limit,
    ...(bookmark !== undefined ? { bookmark } : {}),
  };
}

/** `_id` range of one table ($regex would do, but pouchdb-server crashes on `$regex` inside `$or`). */
const table = (name: string) => ({ _id: { $gt: `${name}:`, $lt: `${name}:\uffff` } });

/** The Mango selector for `_changes?filter=_selector` that follows the rows of `articleIds`. */
export function sliceSelector(articleIds: readonly string[]): Selector {
  const ids = [...articleIds];
  return {
    $or: [
      { _deleted: true },
      table('speakers'),
      table('sources'),
      { _id: { $in: ids.map((id) => `articles:${id}`) } },
      { articleId: { $in: ids } },
      { articleIds: { $elemMatch: { $in: ids } } },
      { ...table('history'), table: { $in: ['speakers', 'sources'] } },
      { ...table('history'), table: 'articles', rowId: { $in: ids } },
    ],
  };
}

/** Mango indexes worth creating in a large team database (`POST /{db}/_index`, one each). */
export const SLICE_INDEXES = [
  { ddoc: 'claimdesk-articles-published', name: 'published', index: { fields: ['publishedAt'] } },
  { ddoc: 'claimdesk-articles-imported', name: 'imported', index: { fields: ['importedAt'] } },
] as const;
