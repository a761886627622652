import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ArticleId } from '@/core/model/types';
import { type ArticleSummary, articleQueries } from '@/db/queries';
import { ArticleList } from '@/features/library/components/article-list';
import { ROW_ESTIMATE_PX, ROW_OVERSCAN } from '@/features/library/components/row-size';

const ROW_PX = 80;

const summary = (i: number): ArticleSummary => ({
  id: `a${i}` as ArticleId,
  title: `Bridge ${i} to reopen`,
  outlet: null,
  importedAt: 1_700_000_000_000 - i,
  claimCount: 3,
  checkedCount: 1,
  uncheckedCount: 2,
  flaggedCount: 0,
  speakerCount: 1,
});

/** Renders the Library (its list already read unless `count` is null); the rows are the virtualiser's once its chunk is in (`virtualised`). */
function renderLibrary(count: number | null, newest: number | null = null) {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  if (count !== null) {
    client.setQueryData(
      articleQueries.list('imported').queryKey,
      Array.from({ length: count }, (_, i) => summary(i)),
    );
  }
  if (newest !== null) {
    client.setQueryData(
      articleQueries.newest(Math.ceil(800 / ROW_ESTIMATE_PX) + ROW_OVERSCAN).queryKey,
      Array.from({ length: newest }, (_, i) => summary(i)),
    );
  }
  const router = createMemoryRouter([
    { path: '/', element: <ArticleList articleHref={(id) => `/a/${id}`} /> },
  ]);
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

/** A read not answered until the test says so. */
function unanswered() {
  let answer: (rows: ArticleSummary[]) => void = () => {};
  const pending = new Promise<ArticleSummary[]>((resolve) => {
    answer = resolve;
  });
  return { pending, answer: (rows: ArticleSummary[]) => answer(rows) };
}

/** Lets the virtualiser's chunk arrive and take over the rows. */
async function virtualised() {
  await act(async () => {
    await import('@/features/library/components/virtual-article-rows');
  });
}

const rows = () => within(screen.getByRole('list')).getAllByRole('listitem');

describe('ArticleList', () => {
  beforeEach(() => {
    // jsdom lays nothing out: every row is ROW_PX tall, the window 800 px
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('article-row') ? ROW_PX : 0;
    });
    vi.stubGlobal('innerHeight', 800);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    window.scrollY = 0;
  });

  test("a row's date says it is the import's, not the article's own publication date", () => {
    renderLibrary(1);
    const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(summary(0).importedAt);
    expect(rows()[0]!.textContent).toContain(`imported ${date} · 3 claims`);
  });

  test('the first rows are drawn before the virtualiser has loaded, then stay', async () => {
    renderLibrary(1000);
    const first = rows();
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(50);
    expect(first[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(screen.getByRole('link', { name: 'Bridge 0 to reopen' })).toBeTruthy();
    await virtualised();
    expect(screen.getByRole('link', { name: 'Bridge 0 to reopen' })).toBeTruthy();
    expect(rows()[0]!.getAttribute('aria-posinset')).toBe('1');
  });

  test("the virtualised list's place is read before its rows are drawn: that read lays out the page without them", async () => {
    const rowsAtRead: number[] = [];
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      if (this.classList.contains('articles')) rowsAtRead.push(this.querySelectorAll('li').length);
      return { top: 0, left: 0, width: 800, height: 0 } as DOMRect;
    });
    renderLibrary(1000);
    await virtualised();
    expect(rowsAtRead[0]).toBe(0);
    expect(rows().length).toBeGreaterThan(5);
    expect(rows()[0]!.getAttribute('aria-posinset')).toBe('1');
  });

  test('1,000 articles: only the rows in view are in the page, each saying its place in the whole list', async () => {
    renderLibrary(1000);
    await virtualised();
    expect(screen.getByRole('heading', { name: 'Articles (1000)' })).toBeTruthy();
    const shown = rows();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(50);
    expect(shown[0]!.getAttribute('aria-posinset')).toBe('1');
    for (const row of shown) expect(row.getAttribute('aria-setsize')).toBe('1000');
    expect(screen.getByRole('link', { name: 'Bridge 0 to reopen' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Bridge 999 to reopen' })).toBeNull();
  });

  test('scrolling to the middle of the list brings its rows in, and the first ones go', async () => {
    renderLibrary(1000);
    await virtualised();
    act(() => {
      window.scrollY = 500 * ROW_PX;
      window.dispatchEvent(new Event('scroll'));
    });
    // rows not yet measured count at the list's estimate, so the window is near row 500, not at it
    const places = rows().map((r) => Number(r.getAttribute('aria-posinset')));
    expect(Math.min(...places)).toBeGreaterThan(450);
    expect(Math.max(...places)).toBeLessThan(600);
    expect(screen.queryByRole('link', { name: 'Bridge 0 to reopen' })).toBeNull();
    expect(places.length).toBeLessThan(50);
  });

  test('a focused row stays in the page, and focused, when it scrolls out of view', async () => {
    renderLibrary(1000);
    await virtualised();
    const link = screen.getByRole('link', { name: 'Bridge 2 to reopen' });
    act(() => link.focus());
    act(() => {
      window.scrollY = 500 * ROW_PX;
      window.dispatchEvent(new Event('scroll'));
    });
    expect(screen.getByRole('link', { name: 'Bridge 2 to reopen' })).toBe(link);
    expect(document.activeElement).toBe(link);
    expect(link.closest('li')!.getAttribute('aria-posinset')).toBe('3');
    // the rows in view came in beside it, and the rows between did not
    expect(screen.queryByRole('link', { name: 'Bridge 20 to reopen' })).toBeNull();
    expect(rows().length).toBeLessThan(50);
    // once the focus leaves the list, the row goes like any other
    act(() => link.blur());
    expect(screen.queryByRole('link', { name: 'Bridge 2 to reopen' })).toBeNull();
  });

  test('a short library shows every article', async () => {
    renderLibrary(3);
    await virtualised();
    expect(rows().map((r) => r.getAttribute('aria-posinset'))).toEqual(['1', '2', '3']);
  });

  // The faults-storage upgrade story's newer tab, still opening its database under load, showed
  // "Articles (0)" beside "Loading your library…": a person with a library would read it as lost.
  test('while the list is still being read, the heading gives no count', async () => {
    const { pending, answer } = unanswered();
    const real = articleQueries.list('imported');
    vi.spyOn(articleQueries, 'list').mockReturnValue(queryOptions({ ...real, queryFn: () => pending }));
    renderLibrary(null);
    expect(screen.getByText('Loading your library…')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Articles');
    await act(async () => answer([summary(0), summary(1)]));
    expect(await screen.findByRole('heading', { name: 'Articles (2)' })).toBeTruthy();
  });

  // At 1,000 articles the whole list's summaries are about 1.5 MB: the newest screenful, read on its
  // own, is drawn while they are read.
  test('while the whole list is still being read, the newest rows read on their own are drawn', async () => {
    const { pending, answer } = unanswered();
    const real = articleQueries.list('imported');
    vi.spyOn(articleQueries, 'list').mockReturnValue(queryOptions({ ...real, queryFn: () => pending }));
    renderLibrary(null, 19);
    expect(screen.queryByText('Loading your library…')).toBeNull();
    expect(screen.getByRole('link', { name: 'Bridge 0 to reopen' })).toBeTruthy();
    // the size of the whole list is not known yet: no count, and the rows say so
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Articles');
    expect(rows().map((r) => r.getAttribute('aria-setsize'))).toEqual(Array(19).fill('-1'));
    await act(async () => answer(Array.from({ length: 1000 }, (_, i) => summary(i))));
    expect(await screen.findByRole('heading', { name: 'Articles (1000)' })).toBeTruthy();
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('1000');
  });

  test('the whole list is asked for once the newest rows are read, not beside them', async () => {
    const { pending, answer } = unanswered();
    const realNewest = articleQueries.newest(30);
    vi.spyOn(articleQueries, 'newest').mockReturnValue(
      queryOptions({ ...realNewest, queryFn: () => pending }),
    );
    const whole = vi.fn(async () => [summary(0), summary(1), summary(2)]);
    const real = articleQueries.list('imported');
    vi.spyOn(articleQueries, 'list').mockReturnValue(queryOptions({ ...real, queryFn: whole }));
    renderLibrary(null);
    await act(async () => {});
    expect(whole).not.toHaveBeenCalled();
    await act(async () => answer([summary(0)]));
    await waitFor(() => expect(whole).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('heading', { name: 'Articles (3)' })).toBeTruthy();
  });

  // The list is read as the first rows show; the virtualised rows are other elements. A click whose
  // press began on a first row and ended on its virtualised copy was no click at all (CI, session 22).
  test('a press on a first row ends on the same link: the virtualised rows wait for it', async () => {
    await virtualised();
    const { pending, answer } = unanswered();
    const real = articleQueries.list('imported');
    vi.spyOn(articleQueries, 'list').mockReturnValue(queryOptions({ ...real, queryFn: () => pending }));
    renderLibrary(null, 3);
    const link = screen.getByRole('link', { name: 'Bridge 0 to reopen' });
    fireEvent.pointerDown(link);
    await act(async () => answer([summary(0), summary(1), summary(2)]));
    expect(await screen.findByRole('heading', { name: 'Articles (3)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bridge 0 to reopen' })).toBe(link);
    fireEvent.pointerUp(window);
    // after the click's task, the virtualised rows take over
    await waitFor(() => expect(screen.getByRole('link', { name: 'Bridge 0 to reopen' })).not.toBe(link));
    expect(screen.getByRole('list').style.position).toBe('relative');
  });
  // A link tabbed to while the page opened was drawn anew by the virtualised rows, and the focus fell
  // to the page: the Enter that followed did nothing (CI, session 26).
  test('a row holding the keyboard focus keeps it when the virtualised rows take over', async () => {
    await virtualised();
    const { pending, answer } = unanswered();
    const real = articleQueries.list('imported');
    vi.spyOn(articleQueries, 'list').mockReturnValue(queryOptions({ ...real, queryFn: () => pending }));
    renderLibrary(null, 3);
    const link = screen.getByRole('link', { name: 'Bridge 1 to reopen' });
    act(() => link.focus());
    await act(async () => answer([summary(0), summary(1), summary(2)]));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Bridge 1 to reopen' })).not.toBe(link));
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Bridge 1 to reopen' }));
  });
});
