import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Speaker } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { type ArticleTitle, articleQueries, claimQueries, speakerQueries } from '@/db/queries';
import { ClaimsScreen } from '@/features/claims-table/components/claims-screen';
import { MENUS_AFTER_MS } from '@/features/claims-table/hooks/quiet-moment';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { stubResizeObserver } from '@/test/dom';

/** The filter menus' full lists, each answered only when `answer()` is called; `asked` says when each was asked. */
function heldLists(client: QueryClient) {
  const speakers = speakerQueries.list();
  const titles = articleQueries.titles();
  const asked: { list: string; firstPageIn: boolean }[] = [];
  const firstPageIn = () =>
    client.getQueryData(claimQueries.list({}, { offset: 0, limit: 100 }).queryKey) !== undefined;
  let release = () => {};
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  type Read<T> = (context: { signal: AbortSignal }) => Promise<T>;
  const held =
    <T,>(list: string, read: Read<T>) =>
    async (context: { signal: AbortSignal }) => {
      asked.push({ list, firstPageIn: firstPageIn() });
      await answered;
      return read(context);
    };
  vi.spyOn(speakerQueries, 'list').mockImplementation(() => ({
    ...speakers,
    queryFn: held('speakers', speakers.queryFn as unknown as Read<Speaker[]>),
  }));
  vi.spyOn(articleQueries, 'titles').mockImplementation(() => ({
    ...titles,
    queryFn: held('titles', titles.queryFn as unknown as Read<ArticleTitle[]>),
  }));
  return { asked, answer: () => release() };
}

const newClient = () =>
  new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false, networkMode: 'always' } },
  });

function renderScreen(client: QueryClient) {
  const router = createMemoryRouter(
    [
      {
        path: '/claims',
        element: <ClaimsScreen libraryHref="/" claimHref={(a, c) => `/articles/${a}/claims/${c}`} />,
      },
    ],
    { initialEntries: ['/claims'] },
  );
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

/** The screen rendered with its menu lists held, once its first rows show. */
async function screenWithRows() {
  const client = newClient();
  const lists = heldLists(client);
  renderScreen(client);
  const grid = await screen.findByRole('grid', { name: 'Claims' }, { timeout: 10_000 });
  await waitFor(() => expect(within(grid).queryAllByText('Loading…')).toEqual([]), { timeout: 10_000 });
  return { lists, grid };
}

describe('ClaimsScreen', () => {
  beforeEach(async () => {
    await resetDb();
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    stubResizeObserver();
    // jsdom lays nothing out: the table's scroll box is 600 px tall
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('claims-scroll') ? 600 : 0;
    });
    vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  test("the first rows name their speakers and articles while the filter menus' lists are unread", async () => {
    const { lists, grid } = await screenWithRows();
    const rows = within(grid).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(3);
    expect(within(grid).getAllByText('Alan Billings').length).toBeGreaterThan(0);
    expect(within(grid).getAllByText('James Cartlidge').length).toBeGreaterThan(0);
    expect(
      within(grid).getAllByRole('link', { name: 'Open in “Police chief pledges more officers”' }),
    ).not.toEqual([]);
    expect(within(grid).queryByText('No speaker')).toBeNull();
    // the lists are asked for after the first page is in (and a quiet moment), never before
    expect(lists.asked).toEqual([]);
    await waitFor(() => expect(lists.asked.length).toBe(2), { timeout: 5_000 });
    for (const a of lists.asked) expect(a).toEqual({ list: a.list, firstPageIn: true });
    lists.answer();
    const speaker = screen.getByRole('combobox', { name: 'Speaker' });
    await waitFor(() =>
      expect(
        within(speaker)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['All', 'Alan Billings', 'Conservative councillors', 'James Cartlidge']),
    );
    const article = screen.getByRole('combobox', { name: 'Article' });
    expect(within(article).getAllByRole('option').length).toBe(3);
  });

  test("a screen left as soon as its rows show never asks for the menus' lists", async () => {
    const { lists } = await screenWithRows();
    cleanup();
    await new Promise((resolve) => setTimeout(resolve, MENUS_AFTER_MS + 300));
    expect(lists.asked).toEqual([]);
    lists.answer();
  });

  test('before any row has been focused, the first row is the grid’s Tab stop, so Tab reaches the table', async () => {
    const { grid } = await screenWithRows();
    const rows = within(grid).getAllByRole('row').slice(1);
    const stops = rows.filter((r) => r.tabIndex === 0);
    expect(stops).toEqual([rows[0]]);
    // tabbing in focuses that row: from then on it is the focused row, its link reachable too
    act(() => rows[0]!.focus());
    await waitFor(() => expect(rows[0]!.dataset.focused).toBe('true'));
    expect(
      within(grid)
        .getAllByRole('row')
        .filter((r) => r.tabIndex === 0),
    ).toEqual([rows[0]]);
  });

  test('the first page is read beside the count, not after it', async () => {
    const client = newClient();
    heldLists(client);
    const count = claimQueries.count.bind(claimQueries);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.spyOn(claimQueries, 'count').mockImplementation((f) => {
      const options = count(f);
      return { ...options, queryFn: (async () => held.then(() => count(f).queryFn!({} as never))) as never };
    });
    renderScreen(client);
    const firstPage = claimQueries.list({}, { offset: 0, limit: 100 }).queryKey;
    // the page is in while the count is still held
    await waitFor(() => expect(client.getQueryData(firstPage)).toBeDefined(), { timeout: 10_000 });
    expect(client.getQueryState(claimQueries.count({}).queryKey)?.status).toBe('pending');
    release();
    const grid = await screen.findByRole('grid', { name: 'Claims' }, { timeout: 10_000 });
    await waitFor(() => expect(within(grid).getAllByText('Alan Billings').length).toBeGreaterThan(0));
  });

  test("the bulk bar's tag fields read the library's tags when focused, not with the first rows", async () => {
    const client = newClient();
    heldLists(client);
    renderScreen(client);
    const grid = await screen.findByRole('grid', { name: 'Claims' }, { timeout: 10_000 });
    await waitFor(() => expect(within(grid).getAllByText('Alan Billings').length).toBeGreaterThan(0));
    const tags = claimQueries.tagCounts().queryKey;
    expect(client.getQueryState(tags)?.fetchStatus ?? 'idle').toBe('idle');
    expect(client.getQueryData(tags)).toBeUndefined();
    fireEvent.focus(screen.getByRole('combobox', { name: 'Tag to add' }));
    await waitFor(() => expect(client.getQueryData(tags)).toBeDefined());
  });

  test('using the filters asks for the lists at once', async () => {
    const client = newClient();
    const lists = heldLists(client);
    renderScreen(client);
    fireEvent.focus(await screen.findByRole('combobox', { name: 'Speaker' }));
    await waitFor(() => expect(lists.asked.map((a) => a.list).sort()).toEqual(['speakers', 'titles']));
    lists.answer();
  });
});
