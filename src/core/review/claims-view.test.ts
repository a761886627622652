import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Claim, type ClaimId, VERDICTS } from '@/core/model/types';
import { claimsView, replacedInPlace } from './claims-view';
import { claimNumbers } from './numbers';
import { quotationsOf } from './quotations';

/** An article's claims as the screen reads them (by start), some in quotations of two or three parts. */
function article(n: number): Claim[] {
  return Array.from(
    { length: n },
    (_, i) =>
      ({
        id: `c${String(i).padStart(4, '0')}` as ClaimId,
        start: i * 10,
        end: i * 10 + 8,
        speakerId: `s${i % 7}`,
        kind: 'direct',
        verdict: 'unchecked',
        createdAt: i < n - 3 ? 1 : 2 + i,
        ...(i % 5 < 2 ? { groupId: `q${Math.floor(i / 5)}` } : {}),
      }) as unknown as Claim,
  );
}

/** What the view holds when derived afresh. */
const fresh = (claims: readonly Claim[]) => ({
  ordered: [...claims].sort((a, b) => a.start - b.start),
  quotations: quotationsOf(claims),
  numbers: claimNumbers(claims),
});

const edit = (claims: readonly Claim[], at: readonly number[], verdict: Claim['verdict']) =>
  claims.map((c, i) => (at.includes(i) ? { ...c, verdict, notes: 'edited' } : c));

describe('claimsView', () => {
  test('after any edits of verdicts and notes, the view put in place is the view derived afresh', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.uniqueArray(fc.nat({ max: 59 }), { minLength: 1, maxLength: 4 }),
            verdict: fc.constantFrom(...VERDICTS),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (edits) => {
          let claims: readonly Claim[] = article(60);
          let view = claimsView(claims);
          for (const { at, verdict } of edits) {
            claims = edit(claims, at, verdict);
            const next = claimsView(claims, view);
            expect(next.shape).toBe(view.shape);
            expect(next.claims).toBe(claims);
            const expected = fresh(claims);
            expect(next.ordered).toEqual(expected.ordered);
            expect(next.quotations.list).toEqual(expected.quotations.list);
            expect([...next.quotations.of]).toEqual([...expected.quotations.of]);
            for (const [id, q] of next.quotations.of) expect(q.parts.map((p) => p.id)).toContain(id);
            expect([...next.numbers]).toEqual([...expected.numbers]);
            view = next;
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a quotation whose parts did not change is the same object after an edit elsewhere', () => {
    const claims = article(20);
    const view = claimsView(claims);
    const next = claimsView(edit(claims, [3], 'false'), view);
    expect(next.quotations.of.get('c0000')).toBe(view.quotations.of.get('c0000'));
    expect(next.quotations.of.get('c0003')).not.toBe(view.quotations.of.get('c0003'));
    expect(next.numbers).toBe(view.numbers);
  });

  test('a claim added, removed or re-spanned derives the view afresh, with a new shape', () => {
    const claims = article(20);
    const view = claimsView(claims);
    const moved = claims.map((c, i) => (i === 4 ? { ...c, start: c.start + 1 } : c));
    for (const next of [claims.slice(1), [...claims, { ...claims[0]!, id: 'new' as ClaimId }], moved]) {
      expect(replacedInPlace(claims, next)).toBeNull();
      const derived = claimsView(next, view);
      expect(derived.shape).not.toBe(view.shape);
      expect(derived.quotations.list).toEqual(quotationsOf(next).list);
    }
  });
});
