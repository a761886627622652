/**
 * Catch-up mode: a first sync that receives a large library writes its pages without maintaining
 * the derived rows (facets, summaries, article heads: the middleware's `deferDerived`), then
 * rebuilds them at the end in bounded steps (`rebuildStepIn`), each its own transaction with the
 * rebuild's cursor. A flag in `syncState`, written in the same transaction as the first deferred
 * page, says the derived rows are stale: a sync stopped half-way (a reload, a closed tab) resumes
 * in catch-up mode and rebuilds when it ends. A stop during the rebuild resumes it from its cursor;
 * a page deferred after the rebuild began rewrites the flag without a cursor, so the rebuild
 * starts again from the beginning (that page's claims may be behind the cursor).
 */
import Dexie, { type Transaction } from 'dexie';
import type { Claim } from '@/core/model/types';
import { type BaseFacet, CountDelta } from '@/db/derived/facets';
import { WIDENED } from '@/db/derived/middleware';
import { CATCH_UP_KEY } from '@/db/derived/old-facets';
import {
  type CountedClaims,
  countBeforeFacetsIn,
  facetInputsOf,
  type KnownClaims,
  REBUILD_CHUNK,
  type RebuildCursor,
  rebuildPlacementsIn,
  rebuildStepIn,
  recountAfterIn,
  startRebuildIn,
} from '@/db/derived/rebuild';
import { OUTBOX, SYNC_STATE } from '@/db/sync-capture';
import type { SyncDb } from '@/db/sync-db';
import type { SyncTrace } from './types';

/** `syncState` key present while derived rows lag behind rows written in catch-up mode (the write middleware reads it too). */
export { CATCH_UP_KEY };

/** Counts by scope and key, as the summaries hold them. */
type Counts = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * The flag: when the catch-up began, and where its rebuild has got to once it began. Counting first,
 * `stillCounted` is what the summaries count for claims whose facets the steps have not taken out
 * yet: a reload resumes from it without counting again (`finishCatchUp`).
 */
export type CatchUpMark = Readonly<{ since: number; rebuild?: RebuildCursor; stillCounted?: Counts }>;

export async function isCatchingUp(db: SyncDb): Promise<boolean> {
  return (await db.syncState.get(CATCH_UP_KEY)) !== undefined;
}

export type RebuildProgress = Readonly<{ done: number; total: number }>;

export type FinishOptions = Readonly<{
  /** Claims per step (default `REBUILD_CHUNK`). */
  chunkSize?: number;
  /** After each committed step: claims with their derived rows, of the claims there are. */
  onProgress?: (progress: RebuildProgress) => void;
  /** Each step's milliseconds, by stage (`rebuild:heads`, `rebuild:claims`, `rebuild:placements`). */
  trace?: SyncTrace;
  /**
   * The claims this sync's pages wrote, by id (`facetInputsOf` each, as committed): a step reads
   * these back only when the outbox holds a later write of them (a person's edit, a merge made
   * here). Every write to a claim outside sync's own transactions has an outbox entry while a team
   * is connected, and nothing removes one before the pull (and this rebuild) ends.
   */
  written?: ReadonlyMap<string, Claim>;
  /**
   * The claims table was empty when this sync's pull began (and no catch-up was under way): every
   * claim in it now is one of `written` or has an outbox entry (a person's write, a merge made
   * here), so a step takes its ids from those two and reads no keys. Anything that writes a claim
   * without an outbox entry while a team is connected, outside sync's pages, breaks this.
   */
  writtenOnly?: boolean;
  /**
   * Loading before indexing: the summaries are counted first (from `written` and what a step would
   * read whole), the article heads and placements written, then `onCounted` is told (the library,
   * its counts and its articles are right from then), and only then are the facet rows written in
   * steps, each counting its claims against what was counted for them. A resumed rebuild (its cursor
   * in the claims) counts again, keeping the facet rows it finds.
   */
  countFirst?: boolean;
  /** With `countFirst`: every row is in and counted (of `total` claims); the facet rows come next. */
  onCounted?: (total: number) => void | Promise<void>;
  /** Aborted: no further step begins (the one under way commits); the flag keeps the cursor for the next run. */
  signal?: AbortSignal;
}>;

/** The facets counted before their rows (`countBeforeFacetsIn`), their ids in id order for `idsIn`. */
function countedOf(facets: ReadonlyMap<string, BaseFacet>): CountedClaims {
  const sorted = [...facets.keys()].sort();
  return {
    get: (id) => facets.get(id),
    idsIn: (after, last) =>
      sorted.slice(firstAfter(sorted, after), last === null ? sorted.length : firstAfter(sorted, last)),
  };
}

/** `counted`, with each facet a step takes out added to `taken`. */
const takenInto = (counted: CountedClaims, taken: CountDelta): CountedClaims => ({
  get: (id) => {
    const facet = counted.get(id);
    taken.add(facet, 1);
    return facet;
  },
  idsIn: counted.idsIn,
});

const toCounts = (byScope: ReadonlyMap<string, ReadonlyMap<string, number>>): Counts =>
  Object.fromEntries([...byScope].map(([scope, counts]) => [scope, Object.fromEntries(counts)]));

/** `still` less `taken`, scopes and keys at zero left out. */
function less(still: Counts, taken: CountDelta): Counts {
  const out = new Map(Object.entries(still).map(([scope, c]) => [scope, new Map(Object.entries(c))]));
  for (const [scope, counts] of taken.byScope) {
    const left = out.get(scope) ?? new Map<string, number>();
    for (const [key, n] of counts) left.set(key, (left.get(key) ?? 0) - n);
    for (const [key, n] of left) if (n === 0) left.delete(key);
    if (left.size > 0) out.set(scope, left);
    else out.delete(scope);
  }
  return toCounts(out);
}

/** The index of the first of `sorted` (ascending) greater than `after` (null: 0). */
function firstAfter(sorted: readonly string[], after: string | null): number {
  let lo = 0;
  let hi = sorted.length;
  while (after !== null && lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Rebuilds every derived row from the tables in bounded transactions, resuming from the cursor
 * the flag holds, and clears the flag with the last step.
 */
export async function finishCatchUp(db: SyncDb, options: FinishOptions = {}): Promise<void> {
  const size = options.chunkSize ?? REBUILD_CHUNK;
  const total = await db.claims.count();
  let done = 0;
  // tables through the transaction itself (as apply.ts): no await can move a write out of it
  /** Counting first: what the summaries still count for claims the steps have not reached (the flag's `stillCounted`). */
  let still: Counts | null = null;
  const step = (work: (tx: Transaction, mark: CatchUpMark) => Promise<RebuildCursor | null>) => {
    options.signal?.throwIfAborted();
    return db.transaction(
      'rw',
      [...WIDENED.map((n) => db.table(n)), db.syncState, db.syncOutbox],
      async (tx) => {
        const mark = (await tx.table(SYNC_STATE).get(CATCH_UP_KEY))?.value as CatchUpMark | undefined;
        if (!mark) return null; // finished meanwhile
        const next = await work(tx, mark);
        if (next === null) await tx.table(SYNC_STATE).delete(CATCH_UP_KEY);
        else
          await tx.table(SYNC_STATE).put({
            key: CATCH_UP_KEY,
            value: {
              since: mark.since,
              rebuild: next,
              ...(still ? { stillCounted: still } : {}),
            } satisfies CatchUpMark,
          });
        return next;
      },
    );
  };
  const written = options.written;
  /** `written`'s ids in id order (IndexedDB's order of strings), sorted once for `heldAfter`. */
  let sorted: string[] | null = null;
  const heldAfter = (after: string | null, limit: number): readonly string[] => {
    sorted ??= [...written!.keys()].sort();
    const lo = firstAfter(sorted, after);
    return sorted.slice(lo, lo + limit);
  };
  /** The outbox's claim ids in `(after, last]` (null: from the first, to the last). */
  const outboxClaims = async (
    tx: Transaction,
    after: string | null,
    last: string | null = null,
  ): Promise<Set<string>> =>
    new Set(
      (
        (await tx
          .table(OUTBOX)
          .where('[table+rowId]')
          .between(['claims', after ?? ''], ['claims', last ?? Dexie.maxKey], after === null, true)
          .keys()) as unknown as [string, string][]
      ).map(([, rowId]) => rowId),
    );
  /**
   * The facet inputs of every claim after `after` (null: all): those this sync kept and nothing
   * wrote since, and the others read whole (with `writtenOnly`, no keys read: the kept ones and the
   * outbox's).
   */
  const claimsToCount = async (tx: Transaction, after: string | null): Promise<Claim[]> => {
    const claims = tx.table('claims');
    if (!written?.size) {
      // none kept (a reload): every claim after the cursor read whole, a key range at a time
      const out: Claim[] = [];
      for (let from = after; ; ) {
        const part = (await (from === null ? claims.orderBy(':id') : claims.where(':id').above(from))
          .limit(REBUILD_CHUNK)
          .toArray()) as Claim[];
        for (const c of part) out.push(facetInputsOf(c));
        if (part.length < REBUILD_CHUNK) return out;
        from = part.at(-1)!.id;
      }
    }
    const changed = await outboxClaims(tx, after);
    const ids =
      options.writtenOnly && written && after === null
        ? [...new Set([...written.keys(), ...changed])]
        : ((await (after === null
            ? claims.toCollection()
            : claims.where(':id').above(after)
          ).primaryKeys()) as string[]);
    const out: Claim[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const kept = changed.has(id) ? undefined : written?.get(id);
      if (kept) out.push(kept);
      else missing.push(id);
    }
    for (let i = 0; i < missing.length; i += REBUILD_CHUNK)
      for (const c of (await claims.bulkGet(missing.slice(i, i + REBUILD_CHUNK))) as (Claim | undefined)[])
        if (c) out.push(facetInputsOf(c));
    return out;
  };
  // the steps read every claim whole (each is written back with its hot keys): what the sync kept
  // spares them only the keys' read, when the claims are all its own
  const knownIn = (tx: Transaction): KnownClaims | undefined =>
    written && written.size > 0 && options.writtenOnly
      ? { changed: (after, last) => outboxClaims(tx, after, last), heldAfter }
      : undefined;
  let counted: CountedClaims | undefined;
  let cursor: RebuildCursor | null;
  if (options.countFirst) {
    const t0 = performance.now();
    cursor = await step(async (tx, mark) => {
      const table = (n: string) => tx.table(n);
      const resumed = mark.rebuild?.stage === 'claims' ? mark.rebuild : null;
      if (!resumed) await startRebuildIn(table);
      const toCount = await claimsToCount(tx, resumed?.after ?? null);
      // resumed with what was still counted: only the claims after the cursor are counted again
      const facets =
        resumed?.after && mark.stillCounted
          ? await recountAfterIn(table, resumed.after, toCount, mark.stillCounted)
          : await countBeforeFacetsIn(table, toCount);
      const all = new CountDelta();
      for (const f of facets.values()) all.add(f, 1);
      still = toCounts(all.changed());
      counted = countedOf(facets);
      return resumed ?? { stage: 'heads', after: null };
    });
    options.trace?.('rebuild:count', performance.now() - t0);
    while (cursor?.stage === 'heads') {
      const from: RebuildCursor = cursor;
      cursor = await step((tx) => rebuildStepIn((n) => tx.table(n), from, size));
    }
    const at: RebuildCursor | null = cursor;
    if (at) cursor = await step((tx) => rebuildPlacementsIn((n) => tx.table(n)).then(() => at));
    options.trace?.('rebuild:in', performance.now() - t0);
    if (cursor) await options.onCounted?.(total);
  } else
    cursor = await step((tx, mark) =>
      mark.rebuild ? Promise.resolve(mark.rebuild) : startRebuildIn((n) => tx.table(n)),
    );
  if (cursor?.stage === 'claims' && cursor.after !== null)
    done = await db.claims.where(':id').belowOrEqual(cursor.after).count();
  while (cursor !== null) {
    const from: RebuildCursor = cursor;
    const t = performance.now();
    let worked = 0;
    cursor = await step(async (tx) => {
      const taken = new CountDelta();
      const counting = counted && still ? takenInto(counted, taken) : counted;
      const next = await rebuildStepIn((n) => tx.table(n), from, size, options.trace, knownIn(tx), counting);
      if (still && from.stage === 'claims') still = next?.stage === 'claims' ? less(still, taken) : null;
      worked = performance.now();
      return next;
    });
    const end = performance.now();
    options.trace?.(`rebuild:${from.stage}`, end - t);
    if (from.stage === 'claims') {
      // the flag's write and the commit, after the step's own work
      options.trace?.('rebuild:claims:flag-commit', end - worked);
      done = cursor?.stage === 'claims' ? done + size : total;
      options.onProgress?.({ done: Math.min(done, total), total });
    }
  }
}
