/**
 * Speakers a read-write transaction has found naming no claim (a speaker's rename reads its claims:
 * an import creates speakers by the hundred, and reads each one's claims), kept until its next write
 * of claims is asked. Such a speaker has no summary row (a row whose counts are all zero is deleted),
 * so the claims that write adds need not read it. A finding is kept only when no write of claims was
 * asked between its read and its answer: the read may then have been answered before that write's
 * rows were stored, or after.
 */
import type { DBCoreTransaction } from 'dexie';

type Found = { writes: number; ids: Set<string> };
const found = new WeakMap<DBCoreTransaction, Found>();
const NONE: ReadonlySet<string> = new Set();

/**
 * Where the transaction's writes of claims stand: hand it to `noClaimsFound` with a read asked now.
 * From here on its writes of claims are counted (a transaction that never asks writes them uncounted).
 */
export function claimsWritesSoFar(trans: DBCoreTransaction): number {
  let f = found.get(trans);
  if (!f) {
    f = { writes: 0, ids: new Set() };
    found.set(trans, f);
  }
  return f.writes;
}

/** A read asked at `asOf` found these speakers naming no claim. */
export function noClaimsFound(trans: DBCoreTransaction, asOf: number, ids: readonly string[]): void {
  const f = found.get(trans);
  if (f === undefined || f.writes !== asOf) return;
  for (const id of ids) f.ids.add(id);
}

/**
 * A write of claims is asked: the speakers known to name no claim until now (the write may add
 * claims naming them, so none is known after it).
 */
export function claimsWriteIssued(trans: DBCoreTransaction): ReadonlySet<string> {
  const f = found.get(trans);
  if (f === undefined) return NONE;
  f.writes++;
  if (f.ids.size === 0) return NONE;
  const before = f.ids;
  f.ids = new Set();
  return before;
}
