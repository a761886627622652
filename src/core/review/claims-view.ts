import type { Claim } from '@/core/model/types';
import { claimNumbers } from '@/core/review/numbers';
import { type Quotation, type Quotations, quotationsOf } from '@/core/review/quotations';

/**
 * What the article screen derives from an article's claims: their reading order, their quotations and
 * their numbers. A new claims list that differs from the last one only in a few claims' other fields
 * (a verdict, tags, notes: the list after an edit) is derived by putting those claims in place in the
 * last view, not by walking all of a long article's claims again.
 */
export type ClaimsView = Readonly<{
  claims: readonly Claim[];
  /** By start offset. */
  ordered: readonly Claim[];
  quotations: Quotations<Claim>;
  numbers: ReadonlyMap<string, number>;
  /**
   * The same object as long as the claims keep their shape (ids, offsets, speakers, kinds, quotations,
   * creation): what depends on the shape alone (the text's highlights) is kept while it is.
   */
  shape: Readonly<object>;
}>;

/** Everything the view's derivations read of a claim: a change to anything else keeps the view's shape. */
export const sameShape = (a: Claim, b: Claim): boolean =>
  a.id === b.id &&
  a.start === b.start &&
  a.end === b.end &&
  a.speakerId === b.speakerId &&
  a.kind === b.kind &&
  a.groupId === b.groupId &&
  a.createdAt === b.createdAt;

/** At most this many claims are put in place; more are derived afresh. */
const IN_PLACE = 64;

/**
 * The claims of `after` that replaced a claim of `before` at the same index with the same shape, as
 * [before, after] pairs; null when anything else changed (a claim added, removed, moved, re-spanned).
 */
export function replacedInPlace(
  before: readonly Claim[],
  after: readonly Claim[],
): (readonly [Claim, Claim])[] | null {
  if (before.length !== after.length) return null;
  const pairs: (readonly [Claim, Claim])[] = [];
  for (let i = 0; i < after.length; i++) {
    const was = before[i]!;
    const now = after[i]!;
    if (was === now) continue;
    if (!sameShape(was, now) || pairs.length === IN_PLACE) return null;
    pairs.push([was, now]);
  }
  return pairs;
}

/** `list` with `was` replaced by `now` (found by identity), copied once; `list` itself when absent. */
export function replaced<T>(list: readonly T[], was: T, now: T): readonly T[] {
  const i = list.indexOf(was);
  if (i < 0) return list;
  const copy = list.slice();
  copy[i] = now;
  return copy;
}

function derive(claims: readonly Claim[]): ClaimsView {
  return {
    claims,
    ordered: [...claims].sort((a, b) => a.start - b.start),
    quotations: quotationsOf(claims),
    numbers: claimNumbers(claims),
    shape: {},
  };
}

/** The view of `claims`, from `previous` when only some claims' unread fields changed. */
export function claimsView(claims: readonly Claim[], previous?: ClaimsView | null): ClaimsView {
  if (!previous) return derive(claims);
  if (previous.claims === claims) return previous;
  const pairs = replacedInPlace(previous.claims, claims);
  if (!pairs) return derive(claims);
  let ordered = previous.ordered;
  let list = previous.quotations.list;
  const of = new Map(previous.quotations.of);
  for (const [was, now] of pairs) {
    ordered = replaced(ordered, was, now);
    const q = of.get(was.id);
    if (!q) return derive(claims);
    const next: Quotation<Claim> = { id: q.id, parts: replaced(q.parts, was, now) };
    list = replaced(list, q, next);
    for (const part of next.parts) of.set(part.id, next);
  }
  // Numbers follow ids, starts and creation times only: the same map.
  return { claims, ordered, quotations: { list, of }, numbers: previous.numbers, shape: previous.shape };
}
