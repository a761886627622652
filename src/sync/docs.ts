/**
 * Rows as CouchDB documents: `_id` = table + ':' + row id, and the body is the row as the app
 * stores it (the shape couchdb/validate_doc_update.js checks: `id` = the row id, `updatedAt`,
 * history entries with `table`, `rowId`, `batchId`, `at`).
 *
 *   { _id: 'claims:art-….12-40', _rev: '3-…', id: 'art-….12-40', articleId: 'art-…', … }
 *
 * The server revision never enters the app's types: it lives in `syncRevisions`.
 */
import { withoutHead } from '@/db/history-heads';
import { isReplicated, type ReplicatedTable } from '@/db/sync-tables';
import type { CouchDoc } from './couch';

export type Row = Readonly<Record<string, unknown>> & { id: string };

export const docIdOf = (table: ReplicatedTable, rowId: string) => `${table}:${rowId}`;

export function parseDocId(id: string): { table: ReplicatedTable; rowId: string } | null {
  const at = id.indexOf(':');
  if (at < 1) return null;
  const table = id.slice(0, at);
  return isReplicated(table) ? { table, rowId: id.slice(at + 1) } : null;
}

export function toDoc(table: ReplicatedTable, row: Row, rev: string | undefined): CouchDoc {
  // a history entry's batch-head mark is this database's own (derived, set again when written)
  const body = table === 'history' ? withoutHead(row) : row;
  return { _id: docIdOf(table, row.id), ...(rev ? { _rev: rev } : {}), ...body };
}

/** The row a document carries, when it is one of ours and well formed (anything else is skipped). */
export function rowOf(doc: CouchDoc): { table: ReplicatedTable; row: Row } | null {
  const parsed = parseDocId(doc._id);
  if (!parsed) return null;
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (!k.startsWith('_')) row[k] = v;
  if (row.id !== parsed.rowId) return null;
  if (parsed.table !== 'history' && typeof row.updatedAt !== 'number') return null;
  return { table: parsed.table, row: row as Row };
}

const tableRange = (table: string) => ({ _id: { $gt: `${table}:`, $lt: `${table}:\uffff` } });

/**
 * A Mango selector for `_changes?filter=_selector` that keeps one slice of a team library: the
 * chosen articles and their claims, with every speaker, source, link and question, and the history
 * of the small tables (couchdb/slice.ts picks the article ids by tag, date range or assignment
 * with `_find`). Only `$in`, ranges and equality: PouchDB's selector throws on a `$regex` or an
 * `$elemMatch` inside `$or`.
 */
export function sliceSelector(articleIds: readonly string[]): Record<string, unknown> {
  const history = tableRange('history');
  return {
    $or: [
      { _deleted: true },
      ...['speakers', 'sources', 'evidence', 'questions'].map(tableRange),
      { ...history, table: { $in: ['speakers', 'sources', 'evidence', 'questions'] } },
      ...articleParts(articleIds),
    ],
  };
}

/** Only what belongs to these articles (the article, its claims, its history): a slice's new articles. */
export function articlesSelector(articleIds: readonly string[]): Record<string, unknown> {
  return { $or: articleParts(articleIds) };
}

function articleParts(articleIds: readonly string[]): Record<string, unknown>[] {
  const ids = [...articleIds];
  return [
    { _id: { $in: ids.map((id) => `articles:${id}`) } },
    { articleId: { $in: ids } },
    { ...tableRange('history'), table: 'articles', rowId: { $in: ids } },
  ];
}
