/**
 * A claim put's old facet rows without reading them (schema version 13). A claim's facet row is
 * `facetOf(claim, hasSource, speakerName)`: in a read-write transaction the claims just read with
 * `getMany` (a bulk edit's `bulkGet`, undo's) are the stored rows until a write of the transaction
 * touches them (their pre-images), has-source is a key of `claimSourced` (one row per claim whose
 * facet row has `h` 1), and the speakers' names are a handful of rows. Anything not certain falls
 * back to reading the facet rows: a claim without a pre-image, a first sync still indexing (claims
 * without facet rows), a batch spread so wide that its range of `claimSourced` holds too many keys.
 */
import type { DBCoreKeyRange, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import type { Claim, Speaker } from '@/core/model/types';
import { type FacetRow, isVolatile, SEP, type SortCode, unkeyedFacetOf } from './facets';
import { type FacetView, type StoredFacet, sameStoredFacet, storedFacetOf, viewOf } from './hot-keys';

/** The claims whose facet row has a source (`h` 1), keys only: `{ id }` rows. */
export const SOURCED = 'claimSourced';

/** `syncState` key of a first sync whose claims may lack facet rows (set and cleared by src/sync/catch-up.ts). */
export const CATCH_UP_KEY = 'catchUp';
const SYNC_STATE = 'syncState';

/** Keys of `claimSourced` a batch's range may hold before its facet rows are read instead. */
export const SOURCED_CAP = 2_000;

/** A claim's row as read, copied where `facetOf` reads inside it (a caller may change the row it was given in place). */
const copyOf = (claim: Claim): Claim => ({
  ...claim,
  tags: [...claim.tags],
  checkworthy: { ...claim.checkworthy },
});

type Seen = { rows: Map<string, Claim>; writes: number };
/** Claims read in each read-write transaction and not touched by a write since, and its count of claim writes. */
const seen = new WeakMap<DBCoreTransaction, Seen>();
const seenIn = (trans: DBCoreTransaction): Seen => {
  let s = seen.get(trans);
  if (!s) {
    s = { rows: new Map(), writes: 0 };
    seen.set(trans, s);
  }
  return s;
};

const readWrite = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'readwrite';

/**
 * Remembers what a `getMany` of claims returns in a read-write transaction, unless a claim write
 * was asked meanwhile (the read then tells what was stored before it). The read's own promise goes
 * back as it is (Dexie's transaction zone).
 */
export function rememberRead<T>(trans: DBCoreTransaction, read: Promise<T[]>): Promise<T[]> {
  if (!readWrite(trans)) return read;
  const s = seenIn(trans);
  const writes = s.writes;
  read.then(
    (rows) => {
      if (s.writes !== writes) return;
      for (const row of rows) {
        const c = row as Claim | undefined;
        if (c) s.rows.set(c.id as string, copyOf(c));
      }
    },
    () => undefined,
  );
  return read;
}

/** A write of claims is asked: the rows it touches are no longer known. Returns their pre-images, before forgetting them. */
export function claimsWriteAsked(trans: DBCoreTransaction, req: DBCoreMutateRequest): (Claim | undefined)[] {
  const s = seen.get(trans);
  if (!s) return [];
  s.writes++;
  if (req.type === 'deleteRange') {
    s.rows.clear();
    return [];
  }
  const keys =
    req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v) => (v as { id: unknown }).id));
  return keys.map((k) => {
    const pre = s.rows.get(k as string);
    s.rows.delete(k as string);
    return pre;
  });
}

type Stores = Readonly<{
  claims: DBCoreTable;
  facets: DBCoreTable;
  speakers: DBCoreTable;
  sourced: DBCoreTable | null;
  state: DBCoreTable | null;
}>;

const between = (lower: unknown, upper: unknown): DBCoreKeyRange => ({ type: 2, lower, upper });
const has = (trans: DBCoreTransaction, store: string) =>
  (trans as unknown as IDBTransaction).objectStoreNames?.contains(store) === true;

/** Test hook: told the old facet rows worked out (as stored), with the stored ones read beside them. */
let checked:
  | ((computed: readonly StoredFacet[], stored: readonly (StoredFacet | undefined)[]) => void)
  | null = null;
export function checkOldFacets(check: typeof checked): void {
  checked = check;
}

/**
 * The old facets of a claim put (in the order of `claims`), from their pre-images (`pres`, as
 * `claimsWriteAsked` gave them) where that is certain, else read: the stored facet rows, with the
 * verdict and update of the claims as stored (read beside them, before the put).
 */
export function oldFacets(
  s: Stores,
  trans: DBCoreTransaction,
  claims: readonly Claim[],
  pres: readonly (Claim | undefined)[],
): Promise<(FacetView | undefined)[]> {
  const ids = claims.map((c) => c.id as string);
  const stored = () => s.facets.getMany({ trans, keys: ids }) as Promise<(StoredFacet | undefined)[]>;
  // the claims as stored before the put: their pre-images, else read now (before the put is asked)
  const read = (known?: readonly Claim[]) => {
    const olds = known ? null : (s.claims.getMany({ trans, keys: ids }) as Promise<(Claim | undefined)[]>);
    return stored().then((rows) => {
      const viewed = (cs: readonly (Claim | undefined)[]) => viewsOf(rows, cs);
      return olds ? olds.then(viewed) : viewed(known!);
    });
  };
  const known =
    s.sourced !== null &&
    s.state !== null &&
    claims.length > 0 &&
    pres.length === claims.length &&
    pres.every((p) => p !== undefined) &&
    has(trans, SOURCED) &&
    has(trans, SYNC_STATE);
  if (!known) return read();
  const olds = pres as Claim[];
  const sorted = [...ids].sort();
  const speakerIds = [...new Set(olds.map((c) => c.speakerId).filter((id) => id !== null))];
  const catchingUp = s.state!.get({ trans, key: CATCH_UP_KEY });
  const sourcedKeys = s.sourced!.query({
    trans,
    values: false,
    limit: SOURCED_CAP + 1,
    query: { index: s.sourced!.schema.primaryKey, range: between(sorted[0], sorted.at(-1)) },
  });
  const speakers = s.speakers.getMany({ trans, keys: speakerIds });
  return Promise.all([catchingUp, sourcedKeys, speakers]).then(async ([flag, keys, rows]) => {
    if (flag !== undefined || keys.result.length > SOURCED_CAP) return read(olds);
    const sourced = new Set(keys.result as string[]);
    const names = new Map<string, string>();
    for (const sp of rows as (Speaker | undefined)[]) if (sp) names.set(sp.id, sp.name);
    const computed = olds.map((c) =>
      unkeyedFacetOf(c, sourced.has(c.id), c.speakerId === null ? null : (names.get(c.speakerId) ?? '')),
    );
    if (checked)
      checked(
        computed.map(storedFacetOf),
        (await stored()).map((r) => r && storedFormOf(r)),
      );
    return computed;
  });
}

/**
 * A facet row as schema version 13 wrote it: version 14's upgrade leaves facet rows as they are
 * (rewriting them was half of a 3-minute upgrade at 100,000 claims). Its cold keys and the values
 * they are made of are version 14's; it also holds its claim's verdict, update and verdict sort
 * keys and hot keys (in `f`) as they were then, which no reader takes from a facet row (the claim
 * holds them). Its next write that reads it first stores it as `storedFacetOf` gives it.
 */
export const isOldFacet = (row: StoredFacet | FacetRow): row is FacetRow => 'v' in row;

/** Whether an index key is one a verdict edit or an update moves (`isVolatile`: kept on the claim row since version 14). */
export function isHotKey(key: string): boolean {
  const [group, code] = key.split(SEP, 2);
  return isVolatile(group!, code as SortCode);
}

/** A stored facet row in its version-14 form: an old row without its verdict, those sort keys and its hot keys. */
export function storedFormOf(row: StoredFacet | FacetRow): StoredFacet {
  if (!isOldFacet(row)) return row;
  return { ...storedFacetOf(row), f: row.f.filter((k) => !isHotKey(k)) };
}

/** Views made from version-13 rows (`storedViewOf`): a write from one always puts its facet row. */
const fromOldRows = new WeakSet<FacetView>();

/** `viewOf` a facet row as read: the view of a version-13 row is marked, so its next write stores it anew. */
export function storedViewOf(row: StoredFacet, claim: Pick<Claim, 'verdict' | 'updatedAt'>): FacetView {
  const view = viewOf(row, claim);
  if (isOldFacet(row)) fromOldRows.add(view);
  return view;
}

/** The claims' old facets: their stored facet rows with the verdict and update their claims held. */
export function viewsOf(
  stored: readonly (StoredFacet | undefined)[],
  claims: readonly (Pick<Claim, 'verdict' | 'updatedAt'> | undefined)[],
): (FacetView | undefined)[] {
  return stored.map((f, i) => {
    const claim = claims[i];
    return f && claim ? storedViewOf(f, claim) : undefined;
  });
}

/** Whether a write from `before` (as read or worked out) to `after` leaves the stored facet row as it is. */
export const keepsStoredFacet = (before: FacetView | undefined, after: FacetView): boolean =>
  before !== undefined && !fromOldRows.has(before) && sameStoredFacet(before, after);

type SourcedOf = Pick<FacetRow, 'id' | 'h'>;

/** The `claimSourced` writes that keep it beside facet rows going from `before` to `after`. */
export function sourcedWrites(
  changes: readonly (readonly [SourcedOf | undefined, SourcedOf | undefined])[],
): {
  puts: { id: string }[];
  deletes: string[];
} {
  const puts: { id: string }[] = [];
  const deletes: string[] = [];
  for (const [before, after] of changes) {
    const was = before?.h === 1;
    const is = after?.h === 1;
    if (is && !was) puts.push({ id: after!.id });
    else if (was && !is) deletes.push(before!.id);
  }
  return { puts, deletes };
}

/**
 * The facet table as seen above the derived middleware (a rebuild, an upgrade, a test writes facet
 * rows straight): every write of facet rows also writes `claimSourced`, reading the keys of the
 * written range to delete only those that lose their source.
 */
export function mirroredFacets(facets: DBCoreTable, sourced: DBCoreTable): DBCoreTable {
  return {
    ...facets,
    mutate: (req) => {
      const { trans } = req;
      if (!has(trans, SOURCED)) return facets.mutate(req);
      return facets.mutate(req).then(async (res) => {
        if (req.type === 'deleteRange') {
          await sourced.mutate({ trans, type: 'deleteRange', range: req.range });
        } else if (req.type === 'delete') {
          const keys = req.keys.filter((_, i) => res.failures[i] === undefined);
          if (keys.length > 0) await sourced.mutate({ trans, type: 'delete', keys });
        } else {
          const rows = (req.values as FacetRow[]).filter((_, i) => res.failures[i] === undefined);
          if (rows.length === 0) return res;
          const sorted = rows.map((r) => r.id).sort();
          const { result } = await sourced.query({
            trans,
            values: false,
            query: { index: sourced.schema.primaryKey, range: between(sorted[0], sorted.at(-1)) },
          });
          const present = new Set(result as string[]);
          const puts = rows.filter((r) => r.h === 1 && !present.has(r.id)).map((r) => ({ id: r.id }));
          const deletes = rows.filter((r) => r.h !== 1 && present.has(r.id)).map((r) => r.id);
          if (puts.length > 0) await sourced.mutate({ trans, type: 'put', values: puts });
          if (deletes.length > 0) await sourced.mutate({ trans, type: 'delete', keys: deletes });
        }
        return res;
      });
    },
  };
}
