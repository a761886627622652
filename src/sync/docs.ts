/**
 * Rows as CouchDB documents: `_id` = table + ':' + row id; the body holds the table, the row as
 * the app stores it, and (for slicing with a Mango selector) the article the row belongs to.
 *
 *   { _id: 'claims:art-…​.12-40', _rev, table: 'claims', articleId: 'art-…', row: { …the Claim… } }
 *
 * The server revision never enters the app's types: it lives in `syncRevisions`.
 */
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

const articleOf = (table: ReplicatedTable, row: Row): string | undefined =>
  table === 'articles' ? row.id : table === 'claims' ? (row.articleId as string) : undefined;

export function toDoc(table: ReplicatedTable, row: Row, rev: string | undefined): CouchDoc {
  const articleId = articleOf(table, row);
  return {
    _id: docIdOf(table, row.id),
    ...(rev ? { _rev: rev } : {}),
    table,
    ...(articleId ? { articleId } : {}),
    row,
  };
}

/** The row a document carries, when it is one of ours and well formed (anything else is skipped). */
export function rowOf(doc: CouchDoc): { table: ReplicatedTable; row: Row } | null {
  const parsed = parseDocId(doc._id);
  if (!parsed) return null;
  const row = doc.row as Row | undefined;
  if (!row || typeof row !== 'object' || row.id !== parsed.rowId) return null;
  if (parsed.table !== 'history' && typeof row.updatedAt !== 'number') return null;
  return { table: parsed.table, row };
}

/**
 * A Mango selector for `_changes` that keeps one slice of a team library: the chosen articles
 * and their claims, and every row of the small tables (speakers, sources, links, questions, history).
 */
export function sliceSelector(articleIds: readonly string[]): Record<string, unknown> {
  return {
    $or: [{ table: { $nin: ['articles', 'claims'] } }, { articleId: { $in: [...articleIds] } }],
  };
}
