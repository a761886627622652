import { act, cleanup, render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Claim, ClaimId } from '@/core/model/types';
import { claimNumbers } from '@/core/review/numbers';
import { quotationsOf } from '@/core/review/quotations';
import type { ClaimBadgeProps } from '@/features/article/components/claim-item';
import { ClaimList, LONG_LIST } from '@/features/article/components/claim-list';
import { groupClaimsBySpeaker } from '@/features/article/speaker-groups';
import { claim } from '@/test/export-rows';

const renders = new Map<string, number>();
function CountingBadge({ claim: c }: ClaimBadgeProps) {
  renders.set(c.id, (renders.get(c.id) ?? 0) + 1);
  return null;
}

beforeEach(() => {
  renders.clear();
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
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

function List({ claims }: Readonly<{ claims: readonly Claim[] }>) {
  return (
    <ClaimList
      groups={groupClaimsBySpeaker(claims, speakers)}
      numbers={claimNumbers(claims)}
      quotations={quotationsOf(claims)}
      ClaimBadge={CountingBadge}
      onVerdict={noVerdict}
    />
  );
}

function renderList(claims: readonly Claim[]) {
  const at = (c: readonly Claim[]) => (
    <MemoryRouter initialEntries={['/articles/a1']}>
      <Routes>
        <Route path="/articles/:articleId" element={<List claims={c} />} />
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
});
