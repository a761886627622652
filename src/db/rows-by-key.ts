import type { EntityTable, IDType } from 'dexie';

/**
 * What a row read in a range costs against one `get` (warm, 100,000-claim library: 200 heads by
 * 200 gets 14 ms, 200 heads in one range 3 ms): a range up to this many rows per asked key is the
 * cheaper read.
 */
const RANGE_ROWS_PER_KEY = 4;

/** Fewer keys than this are read a `get` each, without counting the table (a count walks its keys). */
const RANGE_MIN_KEYS = 16;

/**
 * The stored rows of these keys, in few requests. Issuing an IndexedDB request costs the page time
 * of its own, whatever it returns: a comparison of 200 articles was 200 `get`s issued while the
 * screen first rendered, a profile across 1,000 articles 1,000. Ids here are hashes (articles,
 * speakers) or time-ordered, so nothing says which are near one another; but when the table holds
 * at most `RANGE_ROWS_PER_KEY` rows per asked key (a table count first: one request), the range
 * from the least asked key to the greatest is one `getAll` of no more rows than that. Otherwise a
 * `get` each, as for fewer than `RANGE_MIN_KEYS` keys.
 */
export async function rowsByKey<T extends { id: string }>(
  table: EntityTable<T, 'id'>,
  ids: Iterable<IDType<T, 'id'>>,
): Promise<T[]> {
  const sorted = [...new Set(ids)].sort();
  const wanted = new Set<string>(sorted);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const dense =
    sorted.length >= RANGE_MIN_KEYS && (await table.count()) <= sorted.length * RANGE_ROWS_PER_KEY;
  const rows = dense
    ? (await table.where(':id').between(first, last, true, true).toArray()).filter((r) => wanted.has(r.id))
    : await table.bulkGet(sorted);
  return rows.filter((r) => r !== undefined);
}
