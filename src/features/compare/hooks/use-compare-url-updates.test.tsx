import { act, cleanup, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, test } from 'vitest';
import { useCompareUrl } from './use-compare-url';

afterEach(cleanup);

const seen: { current: ReturnType<typeof useCompareUrl> | null } = { current: null };
function Probe() {
  seen.current = useCompareUrl();
  return null;
}

function setup(url: string) {
  const router = createMemoryRouter([{ path: '/compare', element: <Probe /> }], { initialEntries: [url] });
  render(<RouterProvider router={router} />);
  return { router, url: () => seen.current! };
}

describe('useCompareUrl updates', () => {
  test('two changes made before a re-render both stay (hide a column, then move another)', async () => {
    const { router, url } = setup('/compare?cols=s1,s2,s3');
    const { update } = url();
    await act(async () => {
      update(({ hidden }) => ({ hidden: [...hidden, 's2'] }), { replace: true });
      update({ columns: ['s3', 's1', 's2'] }, { replace: true });
    });
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('hide')).toBe('s2');
    expect(params.get('cols')).toBe('s3,s1,s2');
    expect(url().view.hidden).toEqual(['s2']);
  });

  test('a toggle built on the view as last asked for shows a column hidden a moment before', async () => {
    const { router, url } = setup('/compare');
    const { update } = url();
    const toggle = (id: string) =>
      update(({ hidden }) => ({
        hidden: hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id],
      }));
    await act(async () => {
      toggle('s1');
      toggle('s2');
      toggle('s1');
    });
    expect(new URLSearchParams(router.state.location.search).get('hide')).toBe('s2');
  });
});
