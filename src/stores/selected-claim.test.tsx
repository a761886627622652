import { act, cleanup, render } from '@testing-library/react';
import { createMemoryRouter, MemoryRouter, Route, RouterProvider, Routes } from 'react-router';
import { afterEach, describe, expect, test } from 'vitest';
import { type SelectedClaim, useSelectedClaim } from '@/stores/selected-claim';

afterEach(cleanup);

const seen: { current: SelectedClaim | null } = { current: null };
function Probe() {
  seen.current = useSelectedClaim();
  return null;
}

function setup(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/articles/:articleId', element: <Probe /> },
      { path: '/articles/:articleId/claims/:claimId', element: <Probe /> },
    ],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
  return { router, seen: () => seen.current! };
}

describe('useSelectedClaim', () => {
  test('select and clear stay the same functions when another claim opens (the app uses BrowserRouter, not a data router)', async () => {
    render(
      <MemoryRouter initialEntries={['/articles/a1/claims/c1']}>
        <Routes>
          <Route path="/articles/:articleId" element={<Probe />} />
          <Route path="/articles/:articleId/claims/:claimId" element={<Probe />} />
        </Routes>
      </MemoryRouter>,
    );
    const first = seen.current!;
    await act(async () => first.select('c2', 'keyboard'));
    expect(seen.current!.claimId).toBe('c2');
    expect(seen.current!.select).toBe(first.select);
    expect(seen.current!.clear).toBe(first.clear);
  });

  test('a claim URL opens that claim', () => {
    const { seen } = setup('/articles/a1/claims/c7');
    expect(seen().claimId).toBe('c7');
  });

  test('quick selections end with the last one, in the URL with where it came from', async () => {
    const { router, seen } = setup('/articles/a1');
    expect(seen().claimId).toBeNull();
    await act(async () => {
      seen().select('c1', 'keyboard');
      seen().select('c2', 'keyboard');
      seen().select('c3', 'list');
    });
    expect(router.state.location.pathname).toBe('/articles/a1/claims/c3');
    expect(seen()).toMatchObject({ claimId: 'c3', origin: 'list' });
    expect(router.state.historyAction).toBe('REPLACE');
  });

  test('closing leaves the article URL and remembers the claim closed', async () => {
    const { router, seen } = setup('/articles/a1/claims/c7');
    await act(async () => seen().clear());
    expect(router.state.location.pathname).toBe('/articles/a1');
    expect(seen()).toMatchObject({ claimId: null, closedId: 'c7' });
  });

  test('going to the article URL from outside closes the claim', async () => {
    const { router, seen } = setup('/articles/a1/claims/c7');
    await act(() => router.navigate('/articles/a1'));
    expect(seen()).toMatchObject({ claimId: null, closedId: null });
  });

  test('a verdict to confirm travels with the selection and ends with it', async () => {
    const { seen } = setup('/articles/a1');
    await act(async () => seen().select('c2', 'list', { askVerdict: 'false' }));
    expect(seen()).toMatchObject({ claimId: 'c2', askVerdict: 'false' });
    await act(async () => seen().select('c2', 'list'));
    expect(seen().askVerdict).toBeNull();
  });
});
