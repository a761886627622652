/**
 * Schema v14 (issue 8's bulk verdict): the index keys a verdict edit or any update moves ("hot":
 * every group's update order, the library's verdict order, a verdict's own keys: `isVolatile`)
 * are kept on the claim row itself (`hk`, a multi-entry index of `claims`), so such an edit
 * rewrites the claim row it writes anyway, and no facet row. Chromium rewrites every index entry
 * of a row it puts, moved or not; a row costs more than several entries (bench/write-shapes.ts
 * `--only indexes`, session 27, load 1–2: claims + facets + history 875 ms, claims with their hot
 * keys + history 598 ms).
 *
 * The facet row (`StoredFacet`) keeps the other keys ("cold") and only the values a verdict edit
 * leaves alone: no verdict, no update or verdict sort key. A reader that needs those takes them
 * from the claim (`viewOf`). Hot keys are a function of the claim row alone (the has-source group
 * is kept in article order only), so every claim write works them out from its value and nothing
 * else moves them.
 */
import type { Claim } from '@/core/model/types';
import { type FacetRow, keysOf, unkeyedFacetOf, updateSortKey, verdictSortKey } from './facets';

/** The claims store's multi-entry index of hot keys (and the stored claim's field). */
export const HOT_KEYS = 'hk';

/** A claim as stored from schema v14: with its hot keys (no reader above `src/db/derived` sees them). */
export type StoredClaim = Claim & { readonly hk: readonly string[] };

/** The facet row as stored from schema v14: its cold keys and the values no verdict edit changes. */
export type StoredFacet = Readonly<
  Omit<FacetRow, 'v' | 'o' | 'f'> & {
    o: Readonly<Pick<FacetRow['o'], 'a' | 'c' | 'n'>>;
    f: readonly string[];
  }
>;

/** A facet row's values and sort keys, without its index keys: what a list reads and checks. */
export type FacetView = Omit<FacetRow, 'f'>;

/** The claim's hot keys (none for a tombstone). */
export function hotKeysOf(claim: Claim): string[] {
  if (claim.deletedAt !== null) return [];
  // neither has-source nor the speaker's name is in any hot key
  return keysOf(unkeyedFacetOf(claim, false, null), 'hot');
}

/** The claim as stored: with its hot keys. */
export const storedClaimOf = (claim: Claim): StoredClaim => ({ ...claim, hk: hotKeysOf(claim) });

/** The claim as every reader above the middleware sees it: without its hot keys. */
export function withoutHotKeys(row: Claim | StoredClaim): Claim {
  if (!(HOT_KEYS in row)) return row;
  const { hk: _, ...claim } = row as StoredClaim;
  return claim;
}

/** The stored facet row of a facet: its cold keys, without the values a verdict edit changes. */
export function storedFacetOf(row: FacetRow | FacetView): StoredFacet {
  const { v: _, o, ...rest } = row as FacetRow;
  const { f: __, ...values } = rest;
  return { ...values, o: { a: o.a, c: o.c, n: o.n }, f: keysOf(row, 'cold') };
}

/** A stored facet row with the values its claim holds (the verdict, the update and verdict sort keys). */
export function viewOf(stored: StoredFacet, claim: Pick<Claim, 'verdict' | 'updatedAt'>): FacetView {
  const { f: _, ...values } = stored;
  return {
    ...values,
    v: claim.verdict,
    o: {
      ...stored.o,
      u: updateSortKey(claim.updatedAt),
      v: verdictSortKey(claim.verdict, stored.o.a),
    },
  };
}

/**
 * A claim's view read from the hot index alone: every value but has-source (`h`, given) and the
 * speaker's sort key (`o.n`, empty: no hot stream is in speaker order).
 */
export function claimViewOf(claim: Claim, hasSource: boolean): FacetView {
  const view = unkeyedFacetOf(claim, hasSource, null);
  return { ...view, o: { ...view.o, n: '' } };
}

/**
 * Whether two facets store the same row (`storedFacetOf`): its cold keys are a function of the
 * values compared here, so a write that changes none of them (a verdict edit, an update) leaves the
 * stored facet row as it is.
 */
export function sameStoredFacet(a: FacetView, b: FacetView): boolean {
  return (
    a.id === b.id &&
    a.live === b.live &&
    a.a === b.a &&
    a.s === b.s &&
    a.k === b.k &&
    a.h === b.h &&
    a.c === b.c &&
    a.o.a === b.o.a &&
    a.o.c === b.o.c &&
    a.o.n === b.o.n &&
    a.t.length === b.t.length &&
    a.t.every((tag, i) => tag === b.t[i])
  );
}

/** A stored facet row with another has-source flag or speaker sort key (evidence or a rename changed): its cold keys again. */
export function restoredFacet(row: StoredFacet, patch: Readonly<{ h?: 0 | 1; n?: string }>): StoredFacet {
  const { f: _, ...values } = row;
  const next = { ...values, h: patch.h ?? row.h, o: { ...row.o, n: patch.n ?? row.o.n } };
  // no cold key reads the verdict or the update and verdict sort keys: any value does for them
  const keys = keysOf({ ...next, v: 'unchecked', o: { ...next.o, u: '', v: '' } }, 'cold');
  return { ...next, f: keys };
}
