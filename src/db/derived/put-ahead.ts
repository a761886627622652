/**
 * The all-or-nothing put of claims (an edit, a bulk edit, an undo: `allOrNothing` transactions)
 * with its derived reads asked ahead, loaded with the code that edits claims (claims.ts, undo.ts)
 * rather than in the first load's chunk; `middleware.ts` calls it once it is loaded (`setPutAhead`).
 */
import type { DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTransaction } from 'dexie';
import type { Claim } from '@/core/model/types';
import type { FacetRow } from './facets';
import {
  claimsWritten,
  failedIn,
  inOrder,
  type Prefetched,
  placementKeys,
  prefetched,
  setPutAhead,
  summaryRows,
  type Tables,
} from './middleware';

/** `prefetched`: the reads of a put of these claims, asked beside the claims' own read. */
function prefetch(t: Tables, trans: DBCoreTransaction, keys: readonly unknown[]): Promise<unknown> | null {
  const ids = [...new Set(keys.filter((k): k is string => typeof k === 'string'))];
  if (ids.length === 0) return null;
  const facets = (t.facets.getMany({ trans, keys: ids }) as Promise<(FacetRow | undefined)[]>).then(
    (found) => new Map(ids.map((id, i) => [id, found[i]])),
  );
  const placed = placementKeys(t, trans, ids);
  prefetched.set(trans, { ids: new Set(ids), facets, placed });
  return Promise.all([facets, placed]);
}

/**
 * Changed claim rows (a `put`: an edit, a bulk edit, an undo) in an all-or-nothing transaction,
 * while no other write of it is under way: everything the derived work reads (the old facet rows,
 * the summary rows of the claims' scopes, their placements' keys) is asked before the claims'
 * write, and the facet, count and placement rows are worked out and written as soon as those
 * reads are answered, while IndexedDB still stores the claims (as `claimsAddedAhead` does for
 * new claims), instead of a round trip or three after the claims' outcome. A failure of the claims
 * fails the transaction: nothing is written after it is seen.
 */
function claimsPutAhead(
  t: Tables,
  req: DBCoreMutateRequest & { type: 'put' },
  read: Prefetched | undefined,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const claims = req.values as Claim[];
  const ids = claims.map((c) => c.id as string);
  // none of these tables is written by the claims' write itself (the facet rows and placements'
  // keys read with the claims when they were: `prefetch`); the summary rows are awaited only
  // after the facet rows' write is asked
  const known = read && ids.every((id) => read.ids.has(id)) ? read : undefined;
  const wanted = new Set(ids);
  const facets = known
    ? known.facets.then((rows) => ids.map((id) => rows.get(id)))
    : (t.facets.getMany({ trans, keys: ids }) as Promise<(FacetRow | undefined)[]>);
  const placed = known
    ? known.placed.then((keys) => keys.filter((k) => wanted.has(k[1])))
    : placementKeys(t, trans, ids);
  const summaries = summaryRows(t, trans, claims);
  for (const p of [facets, summaries, placed]) p.catch(() => undefined);
  const reads = Promise.all([facets, placed]);
  const written = t.claims.mutate(req);
  written.catch(() => failedIn.add(trans));
  const job = inOrder(trans, async () => {
    const [before, keys] = await reads;
    if (failedIn.has(trans)) throw new Error('An earlier write of this transaction failed.');
    await claimsWritten(t, trans, claims, false, before, { summaries, placed: keys });
  });
  job.catch(() => undefined);
  // answered through the write's own (Dexie) promise, as `claimsAdded`
  return written.then((res) => job.then(() => res));
}

setPutAhead({ put: claimsPutAhead, prefetch });
