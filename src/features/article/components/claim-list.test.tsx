import { act, cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Claim, ClaimId } from '@/core/model/types';
import { claimNumbers } from '@/core/review/numbers';
import { quotationsOf } from '@/core/review/quotations';
import type { ClaimBadgeProps } from '@/features/article/components/claim-item';
import { ClaimList, LONG_LIST } from '@/features/article/components/claim-list';
import { groupClaimsBySpeaker } from '@/features/article/speaker-groups';
import { stubResizeObserver } from '@/test/dom';
import { claim } from '@/test/export-rows';

const renders = new Map<string, number>();
function CountingBadge({ claim: c }: ClaimBadgeProps) {
  renders.set(c.id, (renders.get(c.id) ?? 0) + 1);
  return null;
}

beforeEach(() => {
  renders.clear();
  stubResizeObserver();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const base = claim('cut bus routes', { verdict: 'unchecked' });
const many: Claim[] = Array.from({ length: LONG_LIST + 50 }, (_, i) => ({
  ...base,
  id: `c${i}` as ClaimId,
  start: i * 20,
  end: i * 20 + 10,
  text: `claim ${i}`,
}));
const noVerdict = () => {};
const speakers = [{ id: 'sp-1', name: 'Ann Berry', role: null }];

/** Claim numbers that count how often the list reads them: once per rendered item each time it renders. */
class CountedNumbers extends Map<string, number> {
  reads = 0;
  override get(id: string) {
    this.reads++;
    return super.get(id);
  }
}

function List({ claims, numbers }: Readonly<{ claims: readonly Claim[]; numbers?: CountedNumbers }>) {
  return (
    <ClaimList
      groups={groupClaimsBySpeaker(claims, speakers)}
      numbers={numbers ?? claimNumbers(claims)}
      quotations={quotationsOf(claims)}
      ClaimBadge={CountingBadge}
      onVerdict={noVerdict}
    />
  );
}

function renderList(claims: readonly Claim[], numbers?: CountedNumbers) {
  const at = (c: readonly Claim[]) => (
    <MemoryRouter initialEntries={['/articles/a1']}>
      <Routes>
        <Route path="/articles/:articleId" element={<List claims={c} numbers={numbers} />} />
        <Route path="/articles/:articleId/claims/:claimId" element={<List claims={c} numbers={numbers} />} />
      </Routes>
    </MemoryRouter>
  );
  const view = render(at(claims));
  return { rerender: (c: readonly Claim[]) => view.rerender(at(c)) };
}

describe('the long claim list', () => {
  test('a new claims list with one claim changed (a verdict edit) renders only that claim again', async () => {
    const { rerender } = renderList(many);
    await act(async () => {});
    const rows = [...document.querySelectorAll('.claim-item[data-claim-id]')].map((el) =>
      el.getAttribute('data-claim-id'),
    );
    expect(rows.length).toBeGreaterThan(2);
    const id = rows[1]!;
    renders.clear();
    // What the optimistic update and a refetch give: a new array, the edited claim a new object.
    const edited = many.map((c) => (c.id === id ? { ...c, verdict: 'in progress' as const } : c));
    await act(async () => rerender(edited));
    expect([...renders.keys()]).toEqual([id]);
  });

  test("a verdict edit that keeps the list's layout does not walk the claims again, and renders that claim only", async () => {
    const layout = {};
    /** The quotations of `claims`, counting every claim looked up in them. */
    const counted = (claims: readonly Claim[]) => {
      const q = quotationsOf(claims);
      const of = new CountedNumbers() as unknown as Map<string, (typeof q.list)[number]> & { reads: number };
      for (const [k, v] of q.of) Map.prototype.set.call(of, k, v);
      return { quotations: { list: q.list, of }, reads: () => of.reads };
    };
    const at = (claims: readonly Claim[], quotations: ReturnType<typeof counted>['quotations']) => (
      <MemoryRouter initialEntries={['/articles/a1']}>
        <ClaimList
          groups={groupClaimsBySpeaker(claims, speakers)}
          numbers={claimNumbers(claims)}
          quotations={quotations}
          layout={layout}
          ClaimBadge={CountingBadge}
          onVerdict={noVerdict}
        />
      </MemoryRouter>
    );
    const first = counted(many);
    const view = render(at(many, first.quotations));
    await act(async () => {});
    const id = document.querySelectorAll('.claim-item[data-claim-id]')[1]!.getAttribute('data-claim-id')!;
    renders.clear();
    const edited = many.map((c) => (c.id === id ? { ...c, verdict: 'in progress' as const } : c));
    const second = counted(edited);
    await act(async () => view.rerender(at(edited, second.quotations)));
    expect([...renders.keys()]).toEqual([id]);
    expect(document.querySelector(`.claim-item[data-claim-id="${id}"] select`)).toHaveProperty(
      'value',
      'in progress',
    );
    // Only the rendered rows' quotations are looked up, not every claim's (the rows were not built again).
    const rendered = document.querySelectorAll('.claim-item').length;
    expect(rendered).toBeLessThan(many.length);
    expect(second.reads()).toBe(rendered);
  });

  test('opening another claim renders the items it leaves and enters, not the list around them', async () => {
    const numbers = new CountedNumbers(claimNumbers(many));
    renderList(many, numbers);
    await act(async () => {});
    const item = (id: string) => document.querySelector<HTMLElement>(`.claim-item[data-claim-id="${id}"]`)!;
    const [a, b] = [...document.querySelectorAll<HTMLElement>('.claim-item[data-claim-id]')].map(
      (el) => el.dataset.claimId!,
    );
    await act(() => userEvent.click(item(a!).querySelector('button')!));
    expect(item(a!).hasAttribute('data-selected')).toBe(true);
    renders.clear();
    numbers.reads = 0;
    await act(() => userEvent.click(item(b!).querySelector('button')!));
    expect(item(b!).hasAttribute('data-selected')).toBe(true);
    expect(item(a!).hasAttribute('data-selected')).toBe(false);
    expect(document.querySelectorAll('.claim-item[data-selected]')).toHaveLength(1);
    expect([...renders.keys()].sort()).toEqual([a, b].sort());
    // The list itself did not render: it reads every rendered item's number when it does.
    expect(numbers.reads).toBe(0);
  });
});
