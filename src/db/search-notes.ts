/**
 * What each committed write did to the claims the search index holds, told to every tab and worker
 * with Dexie's own `storagemutated` (a committed transaction's parts, broadcast to the other
 * contexts): a DBCore middleware under every write adds parts of its own, `search://<db>/…`, with
 * the exact ids written.
 *
 * Dexie's own parts cannot do this: a write of 50 rows or more (a sync pull's batch, a restore, an
 * undo of a bulk edit, a derived rebuild's step) is told as the whole table (from -Infinity to the
 * largest key), not by key, and the search index cannot tell which claims that was. It catches
 * most of them by their clock (`updatedAt` at or after its last look), but not rows written with the
 * clock they had elsewhere (a pull, a restore): those it only learns of here.
 *
 * Parts (each a RangeSet, as Dexie's; never an `idb://` name, so no live query reads them):
 * - `search://<db>/claims`: ids of claims whose row or links were written (a range when a range was
 *   deleted): their documents and filter values are read again;
 * - `search://<db>/facets`: ids of facet rows written (a claim's filter values; alone, a rebuild's);
 * - `search://<db>/speakers`, `search://<db>/sources`: ids written (their claims' documents change);
 * - `search://<db>/cleared`: the facet rows were deleted by range (a rebuild clears them first).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { mergeRanges, RangeSet } from 'dexie';

export const notePart = (dbName: string, what: 'claims' | 'facets' | 'speakers' | 'sources' | 'cleared') =>
  `search://${dbName}/${what}`;

/** A range delete's bounds as the claims part holds them (every string key for a whole-table one). */
const boundsOf = (req: Extract<DBCoreMutateRequest, { type: 'deleteRange' }>): [string, string] => {
  const { lower, upper } = req.range;
  return [typeof lower === 'string' ? lower : '', typeof upper === 'string' ? upper : '\uffff'];
};

const idsOf = (req: Extract<DBCoreMutateRequest, { type: 'add' | 'put' }>, field: string): string[] => {
  const out: string[] = [];
  for (const v of req.values as Record<string, unknown>[]) {
    const id = v?.[field];
    if (typeof id === 'string') out.push(id);
  }
  return out;
};

/** Adds keys (or a range) to a part of the request, which Dexie merges into the transaction's at success. */
function note(
  req: DBCoreMutateRequest,
  part: string,
  keys: readonly string[],
  range?: [string, string],
): void {
  if (keys.length === 0 && !range) return;
  const set = new RangeSet();
  if (keys.length > 0) set.addKeys([...keys]);
  if (range) set.add({ from: range[0], to: range[1] });
  if (!req.mutatedParts) req.mutatedParts = {};
  const parts = req.mutatedParts;
  const was = parts[part];
  if (was) mergeRanges(was, set);
  else parts[part] = set;
}

/** A table keyed by the id it notes: puts and deletes by key into `part`, a range delete into `ranges`. */
const byKey = (table: DBCoreTable, part: string, ranges: string = part): DBCoreTable => ({
  ...table,
  mutate(req) {
    if (req.type === 'deleteRange') note(req, ranges, [], boundsOf(req));
    else if (req.type === 'delete') note(req, part, req.keys as string[]);
    else note(req, part, idsOf(req, 'id'));
    return table.mutate(req);
  },
});

function noted(name: string, table: DBCoreTable, dbName: string): DBCoreTable {
  const claims = notePart(dbName, 'claims');
  switch (name) {
    case 'claims':
      return byKey(table, claims);
    case 'claimFacets':
      return byKey(table, notePart(dbName, 'facets'), notePart(dbName, 'cleared'));
    case 'evidence':
      return {
        ...table,
        async mutate(req) {
          if (req.type === 'deleteRange') note(req, claims, [], ['', '\uffff']);
          else if (req.type === 'delete') {
            // a link deleted outright: its claim, read before it goes (rare: a restore, a purge)
            const rows = await table.getMany({ trans: req.trans, keys: req.keys });
            note(
              req,
              claims,
              rows
                .map((r) => (r as { claimId?: unknown } | undefined)?.claimId)
                .filter((c) => typeof c === 'string'),
            );
          } else note(req, claims, idsOf(req, 'claimId'));
          return table.mutate(req);
        },
      };
    case 'speakers':
    case 'sources':
      return byKey(table, notePart(dbName, name));
    default:
      return table;
  }
}

/**
 * Below the derived-rows middleware (which writes the facet rows through it) and above Dexie's
 * observability middleware (level 0), which merges each request's parts into its transaction's.
 */
export const searchNotesMiddleware = (dbName: string): Middleware<DBCore> => ({
  stack: 'dbcore',
  name: 'ClaimdeskSearchNotes',
  level: 5,
  create: (down) => ({ ...down, table: (name) => noted(name, down.table(name), dbName) }),
});
