import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { EMPTY_FILTERS } from '@/core/review/filters';
import { claimQueries } from '@/db/queries';
import { ClaimsGrid } from '@/features/claims-table/components/claims-grid';
import { MENUS_AFTER_MS } from '@/features/claims-table/hooks/quiet-moment';
import { resetDb } from '@/test/db';
import { stubResizeObserver } from '@/test/dom';

/**
 * How many rows the grid's virtualiser knows of: its body is as tall as that many rows of 58 px (the
 * test's row height). Read from the DOM, not by mocking `@tanstack/react-virtual`: the unit tests share
 * one module graph per worker (`isolate: false`), so a module mock misses when another file loaded the
 * module first.
 */
const virtualRows = (grid: HTMLElement): number =>
  Number.parseFloat(grid.querySelector<HTMLElement>('.claims-body')!.style.height) / 58;

/** Animation frames held until the test runs them. */
let frames: FrameRequestCallback[] = [];

beforeEach(async () => {
  await resetDb();
  stubResizeObserver();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('claims-scroll') ? 600 : 0;
  });
  // every row is 58 px tall (jsdom lays nothing out: rows of 0 px would all be in view)
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-index') ? 58 : 0;
  });
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The grid with 100,000 matching claims, its pages' reads held until `release()`. */
function heldGrid() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  const list = claimQueries.list.bind(claimQueries);
  let release = () => {};
  let held: Promise<void>;
  /** Holds the reads asked from now on until the next `release()`. */
  const hold = () => {
    held = new Promise<void>((resolve) => {
      release = resolve;
    });
  };
  hold();
  vi.spyOn(claimQueries, 'list').mockImplementation((f, page) => {
    const options = list(f, page);
    return {
      ...options,
      queryFn: (async () => held.then(() => list(f, page).queryFn!({} as never))) as never,
    };
  });
  const { container } = render(
    <QueryClientProvider client={client}>
      <ClaimsGrid
        filters={EMPTY_FILTERS}
        count={100_000}
        selection={new Set()}
        focusIndex={-1}
        focusByKey={false}
        claimHref={() => ''}
        onSort={() => {}}
        onFocusRow={() => {}}
        onToggle={() => {}}
        onToggleAll={() => {}}
        onOpen={() => {}}
        rowsRef={{ current: new Map() }}
        allSelected={false}
      />
    </QueryClientProvider>,
  );
  const firstPageIn = async () => {
    release();
    const firstPage = list(EMPTY_FILTERS, { offset: 0, limit: 100 }).queryKey;
    await waitFor(() => expect(client.getQueryData(firstPage)).toBeDefined());
  };
  const state = (page: { offset: number; limit: number }) =>
    client.getQueryState(list(EMPTY_FILTERS, page).queryKey);
  /** Whether a page's read has been asked for. */
  const asked = (page: { offset: number; limit: number }) => {
    // a disabled observer's query is in the cache too, idle
    const state = client.getQueryState(list(EMPTY_FILTERS, page).queryKey);
    return state !== undefined && (state.fetchStatus !== 'idle' || state.data !== undefined);
  };
  return {
    grid: container.querySelector<HTMLElement>('[role="grid"]')!,
    client,
    hold,
    release: () => release(),
    firstPageIn,
    asked,
    state,
  };
}

const frame = () =>
  act(async () => {
    for (const run of frames.splice(0)) run(performance.now());
    await new Promise((resolve) => setTimeout(resolve, 10));
  });

test('the virtualiser knows of the first page of rows until a quiet moment after they are in, then of every row', async () => {
  const { grid, firstPageIn } = heldGrid();
  // frames pass while the first page is on its way: one page of rows, and the grid says how many
  await frame();
  expect(virtualRows(grid)).toBe(100);
  await frame();
  expect(virtualRows(grid)).toBe(100);
  expect(grid.getAttribute('aria-rowcount')).toBe('100001');
  // the first page comes in (empty here, as the database is): still one page, until a quiet moment
  await firstPageIn();
  await frame();
  expect(virtualRows(grid)).toBe(100);
  await act(() => new Promise((resolve) => setTimeout(resolve, MENUS_AFTER_MS + 100)));
  expect(virtualRows(grid)).toBe(100_000);
});

test('the virtualiser knows of every row as soon as the grid is scrolled', async () => {
  const { grid, firstPageIn } = heldGrid();
  await firstPageIn();
  expect(virtualRows(grid)).toBe(100);
  act(() => {
    grid.dispatchEvent(new Event('scroll'));
  });
  expect(virtualRows(grid)).toBe(100_000);
});

test('the page below the first rows is read once the frame that shows them is out, not in their render', async () => {
  const { firstPageIn, asked } = heldGrid();
  await firstPageIn();
  // main asked for it in the render that showed the first page
  expect(asked({ offset: 100, limit: 100 })).toBe(false);
  await frame();
  await waitFor(() => expect(asked({ offset: 100, limit: 100 })).toBe(true));
});

test('after a write, the page below the rows in view is read again once they are in and shown, not beside them', async () => {
  const { client, hold, release, firstPageIn, asked, state } = heldGrid();
  const top = { offset: 0, limit: 100 };
  const below = { offset: 100, limit: 100 };
  await firstPageIn();
  await frame();
  await waitFor(() => expect(asked(below)).toBe(true));
  await waitFor(() => expect(state(below)?.fetchStatus).toBe('idle'));
  const readAt = state(below)!.dataUpdatedAt;
  // a write makes both pages out of date (the bridge, src/db/live.ts, invalidates every list)
  hold();
  await act(() => {
    void client.invalidateQueries({ queryKey: claimQueries.all() });
  });
  expect(state(top)?.fetchStatus).toBe('fetching');
  expect(state(below)?.fetchStatus).toBe('idle');
  await frame();
  expect(state(below)?.fetchStatus).toBe('idle');
  release();
  await waitFor(() => expect(state(top)?.isInvalidated).toBe(false));
  expect(state(below)?.fetchStatus).toBe('idle');
  await frame();
  await waitFor(() => expect(state(below)?.dataUpdatedAt).toBeGreaterThan(readAt));
  expect(state(below)?.isInvalidated).toBe(false);
});
