import type { Query, QueryClient } from '@tanstack/react-query';
import { Dexie, type IntervalTree, type ObservabilitySet, RangeSet, rangesOverlap } from 'dexie';
import { db, TABLE_NAMES, type TableName } from './db';
import type { DbQueryMeta } from './queries';

const isTableName = (s: string): s is TableName => (TABLE_NAMES as readonly string[]).includes(s);

/** The changed parts of this database, by table: `index name → range set` ('' is the primary key). */
export function changedTables(
  parts: ObservabilitySet,
  dbName: string = db.name,
): Map<TableName, Map<string, IntervalTree>> {
  const prefix = `idb://${dbName}/`;
  const tables = new Map<TableName, Map<string, IntervalTree>>();
  for (const [part, ranges] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) continue;
    const rest = part.slice(prefix.length);
    const slash = rest.indexOf('/');
    const table = slash === -1 ? rest : rest.slice(0, slash);
    if (!isTableName(table)) continue;
    const index = slash === -1 ? '' : rest.slice(slash + 1);
    const indexes = tables.get(table) ?? new Map<string, IntervalTree>();
    indexes.set(index, ranges);
    tables.set(table, indexes);
  }
  return tables;
}

function tablesOf(query: Query): Set<string> {
  const tables = new Set<string>();
  const first = query.queryKey[0];
  if (typeof first === 'string') tables.add(first);
  const meta = query.meta as DbQueryMeta | undefined;
  for (const t of meta?.tables ?? []) tables.add(t);
  return tables;
}

function rowIds(data: unknown): string[] | null {
  if (!Array.isArray(data)) return null;
  const ids: string[] = [];
  for (const row of data) {
    if (typeof row !== 'object' || row === null || typeof (row as { id?: unknown }).id !== 'string')
      return null;
    ids.push((row as { id: string }).id);
  }
  return ids;
}

/**
 * Whether a change to `table` (its mutated index ranges) can touch what `query` read.
 * A scoped query (its rows all have `scope.index === scope.key`) is left alone only when the
 * change provably misses it: neither the scope index nor a compound index led by it changed a
 * key within the scope, and none of the primary keys written is a row the query holds (an edit
 * to an unindexed field of one of its rows). Anything unknown counts as touched.
 */
function touches(query: Query, table: TableName, indexes: Map<string, IntervalTree>): boolean {
  const scope = (query.meta as DbQueryMeta | undefined)?.scope;
  if (!scope || scope.table !== table || !scope.rowsInData) return true;
  const ids = rowIds(query.state.data);
  const primary = indexes.get('');
  const scoped = indexes.get(scope.index);
  if (ids === null || !primary) return true;
  if (scoped && rangesOverlap(scoped, new RangeSet(scope.key))) return true;
  // Compound indexes led by the scope index ([articleId+verdict], [articleId+deletedAt]…) report
  // the changed rows' scope key even when Dexie knew the old row and the scope index kept its key.
  const compound = new RangeSet([scope.key, Dexie.minKey], [scope.key, Dexie.maxKey]);
  for (const [index, ranges] of indexes) {
    if (index.startsWith(`[${scope.index}+`) && rangesOverlap(ranges, compound)) return true;
  }
  if (ids.length > 0 && rangesOverlap(primary, new RangeSet().addKeys(ids))) return true;
  return false;
}

/** The queries a set of mutated parts makes out of date. */
export function queriesToInvalidate(
  queries: readonly Query[],
  parts: ObservabilitySet,
  dbName: string = db.name,
): Query[] {
  const changed = changedTables(parts, dbName);
  if (changed.size === 0) return [];
  return queries.filter((query) => {
    const tables = tablesOf(query);
    for (const [table, indexes] of changed) {
      if (tables.has(table) && touches(query, table, indexes)) return true;
    }
    return false;
  });
}

/**
 * The one bridge from Dexie to TanStack Query: after every committed write — in this tab,
 * another tab or a worker — invalidates the queries that read a changed table (key starting
 * with the table, or `meta.tables` naming it), skipping scoped queries the write missed.
 * Returns the unsubscribe function.
 */
export function invalidateOnWrite(queryClient: QueryClient): () => void {
  const onMutated = (parts: ObservabilitySet) => {
    const stale = new Set(queriesToInvalidate(queryClient.getQueryCache().getAll(), parts));
    if (stale.size === 0) return;
    void queryClient.invalidateQueries({ predicate: (query) => stale.has(query) });
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on('storagemutated').unsubscribe(onMutated);
}
