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
  // Compound indexes holding the scope field ([articleId+start], [deletedAt+articleId]…) report the
  // changed rows' scope key even when Dexie knew the old row and kept no key of the scope field's
  // own (since schema v12 no field of claims has an index of its own: Dexie reads it from the
  // compound index it leads, and reports the compound's keys only).
  const compound = new RangeSet([scope.key, Dexie.minKey], [scope.key, Dexie.maxKey]);
  for (const [index, ranges] of indexes) {
    const at = compoundFields(index)?.indexOf(scope.index) ?? -1;
    if (at === 0 && rangesOverlap(ranges, compound)) return true;
    if (at > 0 && holdsAt(ranges, at, scope.key)) return true;
  }
  if (ids.length > 0 && rangesOverlap(primary, new RangeSet().addKeys(ids))) return true;
  return false;
}

/** The fields of a compound index's name (`[a+b]` → `['a', 'b']`); null for any other index. */
const compoundFields = (index: string): string[] | null =>
  index.startsWith('[') && index.endsWith(']') ? index.slice(1, -1).split('+') : null;

/**
 * Whether a compound index's changed keys may hold `key` at field `at`: a key given key by key is
 * checked; a range (a delete by range, a write of many rows) may hold anything.
 */
function holdsAt(ranges: IntervalTree, at: number, key: unknown): boolean {
  for (const node of RangeSet(ranges)) {
    if (node.from !== node.to || !Array.isArray(node.from)) return true;
    if (node.from[at] === key) return true;
  }
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

/** At most this many rows are read one by one to bring a list up to date in place (`meta.inPlace`). */
const IN_PLACE_ROWS = 64;

/** The keys of a change given key by key (a put, a delete of known rows); null for a range or too many. */
export function pointKeys(tree: IntervalTree | undefined, max: number = IN_PLACE_ROWS): string[] | null {
  if (!tree) return null;
  const keys: string[] = [];
  for (const node of RangeSet(tree)) {
    if (typeof node.from !== 'string' || node.from !== node.to || keys.length === max) return null;
    keys.push(node.from);
  }
  return keys;
}

type Row = Readonly<Record<string, unknown>> & Readonly<{ id: string }>;

/**
 * For a query that declares `meta.inPlace`: the rows a change names, when every one is a row the
 * query holds (by primary key) and the change touches no other table the query reads; else null.
 */
function inPlaceKeys(query: Query, changed: Map<TableName, Map<string, IntervalTree>>): string[] | null {
  const meta = query.meta as DbQueryMeta | undefined;
  const scope = meta?.scope;
  // A list no screen shows is only marked out of date, as any other: it is read when shown again.
  if (!meta?.inPlace || !scope?.rowsInData || query.getObserversCount() === 0) return null;
  const tables = tablesOf(query);
  for (const table of changed.keys()) if (table !== scope.table && tables.has(table)) return null;
  const keys = pointKeys(changed.get(scope.table)?.get(''));
  const held = rowIds(query.state.data);
  if (!keys || keys.length === 0 || !held) return null;
  const holds = new Set(held);
  return keys.every((k) => holds.has(k)) ? keys : null;
}

/**
 * A shown query's `meta.stillCurrent`, when the write changed only tables of its `meta.tables` (not
 * the table its key starts with); else null.
 */
function stillCurrentOf(
  query: Query,
  changed: Map<TableName, Map<string, IntervalTree>>,
): ((data: unknown) => Promise<boolean>) | null {
  const meta = query.meta as DbQueryMeta | undefined;
  const own = query.queryKey[0];
  if (!meta?.stillCurrent || query.getObserversCount() === 0 || query.state.data === undefined) return null;
  for (const table of changed.keys()) if (table === own) return null;
  return meta.stillCurrent;
}

/**
 * Reads the rows `keys` and puts each in place of the row it replaces in the query's list, when each
 * is still live, in the query's scope and at the same place in its order; false when one is not (a
 * delete, a move, a span edit: the whole list is read again). A row that changed in the cache since
 * the change was seen (a verdict shown before its own write) is left as it is: that write's change
 * brings it. Nothing is put back over a newer list: a fetch that started meanwhile decides.
 */
async function putInPlace(client: QueryClient, query: Query, keys: readonly string[]): Promise<boolean> {
  const meta = query.meta as DbQueryMeta;
  const { table, index, key } = meta.scope!;
  const { orderBy } = meta.inPlace!;
  const before = query.state.data as readonly Row[];
  const was = new Map(before.map((row) => [row.id, row]));
  const rows = (await db.table(table).bulkGet([...keys])) as (Row | undefined)[];
  const fresh = new Map<string, Row>();
  for (const [i, row] of rows.entries()) {
    const old = was.get(keys[i]!);
    if (!row || !old || row.deletedAt != null || row[index] !== key || row[orderBy] !== old[orderBy]) {
      return false;
    }
    fresh.set(row.id, row);
  }
  if (query.state.fetchStatus !== 'idle') return true;
  const now = query.state.data as readonly Row[] | undefined;
  if (!now) return true;
  const next = now.map((row) => (fresh.has(row.id) && was.get(row.id) === row ? fresh.get(row.id)! : row));
  if (next.some((row, i) => row !== now[i])) client.setQueryData(query.queryKey, next);
  return true;
}

/**
 * Takes, of the `queries` a write made out of date, the shown lists with `meta.inPlace` whose rows it
 * changed in place, and brings those up to date by reading just those rows (a verdict on one of an
 * article's 1,800 claims reads one claim), in turn with the list's other such reads; returns the
 * others, to invalidate. One per bridge (its queue of reads per list).
 */
export function inPlaceUpdates(
  queryClient: QueryClient,
): (queries: readonly Query[], parts: ObservabilitySet) => Set<Query> {
  const queue = new WeakMap<Query, Promise<unknown>>();
  const inPlace = (query: Query, keys: readonly string[]) => {
    const run = async () => {
      const ok =
        query.state.fetchStatus === 'idle' &&
        query.state.data !== undefined &&
        (await putInPlace(queryClient, query, keys).catch(() => false));
      if (!ok) await queryClient.invalidateQueries({ predicate: (q) => q === query });
    };
    const next = (queue.get(query) ?? Promise.resolve()).then(run);
    queue.set(query, next);
  };
  const recheck = (query: Query, stillCurrent: (data: unknown) => Promise<boolean>) => {
    const run = async () => {
      const data = query.state.data;
      const ok =
        query.state.fetchStatus === 'idle' &&
        data !== undefined &&
        (await stillCurrent(data).catch(() => false)) &&
        query.state.data === data;
      if (!ok) await queryClient.invalidateQueries({ predicate: (q) => q === query });
    };
    const next = (queue.get(query) ?? Promise.resolve()).then(run);
    queue.set(query, next);
  };
  return (queries, parts) => {
    const stale = new Set<Query>();
    if (queries.length === 0) return stale;
    const changed = changedTables(parts);
    for (const query of queries) {
      const idle = query.state.fetchStatus === 'idle';
      const keys = idle ? inPlaceKeys(query, changed) : null;
      const stillCurrent = idle && !keys ? stillCurrentOf(query, changed) : null;
      if (keys) inPlace(query, keys);
      else if (stillCurrent) recheck(query, stillCurrent);
      else stale.add(query);
    }
    return stale;
  };
}

/**
 * The one bridge from Dexie to TanStack Query: after every committed write — in this tab,
 * another tab or a worker — invalidates the queries that read a changed table (key starting
 * with the table, or `meta.tables` naming it), skipping scoped queries the write missed, and
 * bringing shown lists that declare `meta.inPlace` up to date row by row (`inPlaceUpdates`).
 * Returns the unsubscribe function.
 */
export function invalidateOnWrite(queryClient: QueryClient): () => void {
  const inPlace = inPlaceUpdates(queryClient);
  const onMutated = (parts: ObservabilitySet) => {
    const stale = inPlace(queriesToInvalidate(queryClient.getQueryCache().getAll(), parts), parts);
    if (stale.size === 0) return;
    void queryClient.invalidateQueries({ predicate: (query) => stale.has(query) });
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on('storagemutated').unsubscribe(onMutated);
}
