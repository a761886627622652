import { act, cleanup, fireEvent, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, test } from 'vitest';
import { useClaimKeys } from '@/features/article/hooks/use-claim-keys';
import { SelectionFeed, useSelectionOf, useSelectionStore } from '@/features/article/hooks/use-selection';
import { resetShortcutsForTests } from '@/ui/shortcuts';
import { afterNextPaint } from '@/ui/use-after-paint';

afterEach(() => {
  cleanup();
  resetShortcutsForTests();
});

function Probe({ ids, leadOf }: Readonly<{ ids: readonly string[]; leadOf?: ReadonlyMap<string, string> }>) {
  useClaimKeys(ids, leadOf);
  return null;
}

function setup(ids: readonly string[], url = '/articles/a1', leadOf?: ReadonlyMap<string, string>) {
  const router = createMemoryRouter(
    [
      { path: '/articles/:articleId', element: <Probe ids={ids} leadOf={leadOf} /> },
      { path: '/articles/:articleId/claims/:claimId', element: <Probe ids={ids} leadOf={leadOf} /> },
    ],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
  const open = () => router.state.location.pathname.match(/\/claims\/([^/]+)$/)?.[1] ?? null;
  return { router, open };
}

/** A screen's route element: the keys, and a row showing the open claim from a selection store. */
const screenRenders = { count: 0 };
function Screen() {
  screenRenders.count++;
  useClaimKeys(['a', 'b', 'c']);
  const store = useSelectionStore();
  return (
    <>
      <SelectionFeed store={store} />
      <OpenRow store={store} />
    </>
  );
}
function OpenRow({ store }: Readonly<{ store: ReturnType<typeof useSelectionStore> }>) {
  const open = useSelectionOf(store, (s) => s.claimId);
  return <p data-testid="open-row">{open ?? 'none'}</p>;
}

/** Presses the keys, then waits for the URL a `j` writes after its frame. */
const press = async (keys: string) => {
  await act(() => userEvent.keyboard(keys));
  await written();
};
/**
 * Waits for the URL a key writes after the next frame: this waits the same way (a frame, then a
 * task), queued after the hook's, so it ends after the write however late the timers run (a fixed
 * 50 ms could end first on a loaded machine, where the frame's task is queued after it).
 */
const written = () => act(() => new Promise<void>((resolve) => afterNextPaint(resolve)));

describe('useClaimKeys', () => {
  test('j and k walk the claims in order, stopping at the ends; Escape closes', async () => {
    const { open, router } = setup(['a', 'b', 'c']);
    await press('k');
    expect(open()).toBe('a'); // nothing open: either key starts at the first
    await press('jjj');
    expect(open()).toBe('c');
    await press('k');
    expect(open()).toBe('b');
    expect(router.state.location.state).toMatchObject({ origin: 'keyboard' });
    await press('{Escape}');
    expect(open()).toBeNull();
    expect(router.state.location.pathname).toBe('/articles/a1');
  });

  test('a quotation of several parts is one step, from whichever part is open', async () => {
    // b1 and b2 are the parts of quotation b (split around its cue)
    const leadOf = new Map([
      ['a', 'a'],
      ['b', 'b'],
      ['b2', 'b'],
      ['c', 'c'],
    ]);
    const { open } = setup(['a', 'b', 'c'], '/articles/a1/claims/b2', leadOf);
    await press('j');
    expect(open()).toBe('c');
    await press('k');
    expect(open()).toBe('b');
    await press('k');
    expect(open()).toBe('a');
  });

  test('a later part open at the end stays open', async () => {
    const leadOf = new Map([
      ['a', 'a'],
      ['a2', 'a'],
    ]);
    const { open } = setup(['a'], '/articles/a1/claims/a2', leadOf);
    await press('j');
    expect(open()).toBe('a2');
  });

  test('after Esc, j goes on from the claim just closed, not from the first', async () => {
    const { open } = setup(['a', 'b', 'c', 'd'], '/articles/a1/claims/b');
    await press('{Escape}');
    expect(open()).toBeNull();
    await press('j');
    expect(open()).toBe('c');
    await press('{Escape}k');
    expect(open()).toBe('b');
  });

  test('keys typed into a field are text, not navigation', async () => {
    const { open } = setup(['a', 'b']);
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await press('j');
    expect(open()).toBeNull();
    input.remove();
  });

  test('a j shows the next claim in the rows in its own task; the URL and the route render after the frame', async () => {
    const router = createMemoryRouter(
      [
        { path: '/articles/:articleId', element: <Screen /> },
        { path: '/articles/:articleId/claims/:claimId', element: <Screen /> },
      ],
      { initialEntries: ['/articles/a1/claims/a'] },
    );
    const { getByTestId } = render(<RouterProvider router={router} />);
    const before = screenRenders.count;
    // The key's own task: React's work in it, no timer or frame after it.
    act(() => {
      fireEvent.keyDown(document.body, { key: 'j' });
    });
    expect(getByTestId('open-row').textContent).toBe('b');
    expect(screenRenders.count).toBe(before);
    expect(router.state.location.pathname).toBe('/articles/a1/claims/a');
    await written();
    expect(router.state.location.pathname).toBe('/articles/a1/claims/b');
    expect(router.state.location.state).toMatchObject({ origin: 'keyboard' });
    expect(getByTestId('open-row').textContent).toBe('b');
  });

  test('a key pressed before the URL is written acts on the claim the j showed', async () => {
    const { open, router } = setup(['a', 'b', 'c', 'd'], '/articles/a1/claims/b');
    await act(() => userEvent.keyboard('j{Escape}'));
    expect(open()).toBeNull();
    expect(router.state.location.state).toMatchObject({ closed: 'c' });
    await press('j');
    expect(open()).toBe('d');
  });

  test('a claim opened another way before the URL is written stays open', async () => {
    const { open, router } = setup(['a', 'b', 'c', 'd'], '/articles/a1/claims/a');
    await act(() => userEvent.keyboard('j'));
    await act(() => router.navigate('/articles/a1/claims/d', { replace: true }));
    await written();
    expect(open()).toBe('d');
  });

  test('leaving the article before the URL is written does not bring the claim back', async () => {
    const router = createMemoryRouter(
      [
        { path: '/', element: <p>Library</p> },
        { path: '/articles/:articleId/claims/:claimId', element: <Probe ids={['a', 'b']} /> },
      ],
      { initialEntries: ['/articles/a1/claims/a'] },
    );
    render(<RouterProvider router={router} />);
    await act(() => userEvent.keyboard('j'));
    await act(() => router.navigate('/'));
    await written();
    expect(router.state.location.pathname).toBe('/');
  });
});
