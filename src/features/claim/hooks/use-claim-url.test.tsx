import { act, cleanup, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useSelectedClaimId, useUiStore } from '@/stores/ui-store';
import { useClaimUrl } from './use-claim-url';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));
afterEach(cleanup);

function Probe() {
  const selected = useSelectedClaimId();
  useClaimUrl(selected, { article: '/articles/a1', claim: (id) => `/articles/a1/claims/${id}` });
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
  return router;
}

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

describe('useClaimUrl', () => {
  test('a claim URL opens that claim', async () => {
    setup('/articles/a1/claims/c7');
    await settle();
    expect(useUiStore.getState().selectedClaimId).toBe('c7');
  });

  test('quick selections end with the last one, in the store and the URL', async () => {
    const router = setup('/articles/a1');
    await settle();
    act(() => useUiStore.getState().claimSelected('c1', 'keyboard'));
    act(() => useUiStore.getState().claimSelected('c2', 'keyboard'));
    act(() => useUiStore.getState().claimSelected('c3', 'keyboard'));
    act(() => useUiStore.getState().claimSelected('c2', 'keyboard'));
    await settle();
    expect(useUiStore.getState().selectedClaimId).toBe('c2');
    expect(router.state.location.pathname).toBe('/articles/a1/claims/c2');
    act(() => useUiStore.getState().selectionCleared());
    await settle();
    expect(router.state.location.pathname).toBe('/articles/a1');
  });

  test('going to the article URL from outside closes the claim', async () => {
    const router = setup('/articles/a1/claims/c7');
    await settle();
    await act(() => router.navigate('/articles/a1'));
    await settle();
    expect(useUiStore.getState().selectedClaimId).toBeNull();
  });
});
