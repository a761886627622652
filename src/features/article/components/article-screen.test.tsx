import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { type Claim, type Timestamp, VERDICTS, type Verdict } from '@/core/model/types';
import * as claimWrites from '@/db/claims';
import { articleQueries, claimQueries, speakerQueries, summaryQueries } from '@/db/queries';
import { ArticleScreen } from '@/features/article/components/article-screen';
import { useApplyVerdict } from '@/features/claim/hooks/use-verdict-request';
import { stubResizeObserver } from '@/test/dom';
import { article, CRITICS, claim, MAYOR, MINUS, speaker } from '@/test/export-rows';
import * as toast from '@/ui/toast';

beforeEach(() => {
  stubResizeObserver();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const art = article();
const claims: Claim[] = [claim(MAYOR), claim(MINUS), claim(CRITICS)].map((c) => ({
  ...c,
  verdict: 'unchecked',
}));
const byVerdict = Object.fromEntries(
  VERDICTS.map((v) => [v, v === 'unchecked' ? claims.length : 0]),
) as Record<Verdict, number>;
const counts = {
  claimCount: claims.length,
  checkedCount: 0,
  uncheckedCount: claims.length,
  flaggedCount: 0,
  withSource: 0,
  withoutSource: claims.length,
  byVerdict,
  speakerCount: 1,
};

const newClient = () =>
  new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } });

/** The screen at the article's URL (and its claims' URLs), rendered until its title shows. */
async function renderScreen(client: QueryClient, element: ReactNode) {
  const router = createMemoryRouter(
    [
      { path: '/articles/:articleId', element },
      { path: '/articles/:articleId/claims/:claimId', element },
    ],
    { initialEntries: [`/articles/${art.id}`] },
  );
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  await screen.findByRole('heading', { level: 1, name: art.title });
}

test('a verdict edit (a new claims list) renders the article screen once, not again in a deferred pass', async () => {
  const client = newClient();
  client.setQueryData(articleQueries.detail(art.id).queryKey, art);
  client.setQueryData(claimQueries.byArticle(art.id).queryKey, claims);
  client.setQueryData(speakerQueries.byArticle(art.id).queryKey, [speaker()]);
  client.setQueryData(summaryQueries.article(art.id).queryKey, counts);
  let commits = 0;
  const element = (
    <Profiler id="article-screen" onRender={() => commits++}>
      <ArticleScreen articleId={art.id} libraryHref="/" onVerdict={() => {}} />
    </Profiler>
  );
  await renderScreen(client, element);
  expect(screen.getByText(/0 checked/)).toBeTruthy();

  // The edit as the app writes it: a new list with the one claim changed.
  commits = 0;
  const edited = claims.map((c, i) => (i === 1 ? { ...c, verdict: 'false' as const } : c));
  await act(async () => {
    client.setQueryData(claimQueries.byArticle(art.id).queryKey, edited);
    // TanStack Query tells its observers in a later task; a deferred pass would follow in the act.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  expect(screen.getByText(/1 checked/)).toBeTruthy();
  expect(commits).toBe(1);
});

test("a long article opens on its first claims and their speakers, before the article's every speaker is read", async () => {
  const client = newClient();
  // The whole claims list and the article's every speaker never answer here (a long article's ~550 reads).
  const never = () => new Promise<never>(() => {});
  const allClaims = claimQueries.byArticle;
  const allSpeakers = speakerQueries.byArticle;
  vi.spyOn(claimQueries, 'byArticle').mockImplementation((id) => ({ ...allClaims(id), queryFn: never }));
  vi.spyOn(speakerQueries, 'byArticle').mockImplementation((id) => ({ ...allSpeakers(id), queryFn: never }));
  const head = claims.slice(0, 2);
  client.setQueryData(articleQueries.detail(art.id).queryKey, art);
  client.setQueryData(claimQueries.byArticleHead(art.id).queryKey, head);
  client.setQueryData(speakerQueries.ofClaims(art.id, head).queryKey, [speaker()]);
  client.setQueryData(summaryQueries.article(art.id).queryKey, { ...counts, speakerCount: 4 });
  await renderScreen(client, <ArticleScreen articleId={art.id} libraryHref="/" onVerdict={() => {}} />);
  // The header counts from the article's summary (every claim, every speaker); the list shows the first claims.
  expect(screen.getByText(/3 claims · 4 speakers · 0 checked/)).toBeTruthy();
  expect(document.querySelectorAll('.claim-list .claim-item')).toHaveLength(head.length);
  expect(screen.getAllByText(speaker().name).length).toBeGreaterThan(0);
  vi.restoreAllMocks();
});

/** The screen as the app composes it: the list's verdict menu saves through the app's verdict applier. */
function EditableScreen() {
  const apply = useApplyVerdict();
  return <ArticleScreen articleId={art.id} libraryHref="/" onVerdict={apply} />;
}

/** A client holding the article as read, its claims list read again from `stored` when invalidated. */
function readClient(stored: () => Claim[]) {
  const client = newClient();
  const allClaims = claimQueries.byArticle;
  vi.spyOn(claimQueries, 'byArticle').mockImplementation((id) => ({
    ...allClaims(id),
    queryFn: async () => stored(),
  }));
  client.setQueryData(articleQueries.detail(art.id).queryKey, art);
  client.setQueryData(claimQueries.byArticle(art.id).queryKey, claims);
  client.setQueryData(speakerQueries.byArticle(art.id).queryKey, [speaker()]);
  client.setQueryData(summaryQueries.article(art.id).queryKey, counts);
  return client;
}

const verdictMenu = (c: Claim) =>
  document.querySelector<HTMLSelectElement>(`.claim-item[data-claim-id="${c.id}"] select.verdict-select`)!;

test("a verdict chosen in the list shows in the change event's task, before any timer (the next frame shows it)", async () => {
  const client = readClient(() => claims);
  // The write never answers: what shows is the verdict put in the cache before it.
  vi.spyOn(claimWrites, 'setClaimVerdict').mockImplementation(() => new Promise(() => {}));
  await renderScreen(client, <EditableScreen />);
  const edited = claims[1]!;
  expect(verdictMenu(edited).value).toBe('unchecked');
  // No timer runs from here on: TanStack Query's default notification (a setTimeout) never comes.
  vi.useFakeTimers();
  await act(async () => {
    fireEvent.change(verdictMenu(edited), { target: { value: 'in progress' } });
  });
  expect(verdictMenu(edited).value).toBe('in progress');
  expect(verdictMenu(edited).classList.contains('verdict-in-progress')).toBe(true);
  expect(screen.getByText(/1 checked/)).toBeTruthy();
  // The list in the cache holds it (one home for the verdict), the other claims the same objects.
  const cached = client.getQueryData<Claim[]>(claimQueries.byArticle(art.id).queryKey)!;
  expect(cached.map((c) => c.verdict)).toEqual(['unchecked', 'in progress', 'unchecked']);
  expect(cached[0]).toBe(claims[0]);
});

test('a failed verdict write puts the stored verdict back on the screen, with a message', async () => {
  const client = readClient(() => claims);
  let fail: (e: Error) => void = () => {};
  vi.spyOn(claimWrites, 'setClaimVerdict').mockImplementation(
    () => new Promise((_, reject) => (fail = reject)),
  );
  const shown = vi.spyOn(toast, 'showToast').mockReturnValue(0);
  await renderScreen(client, <EditableScreen />);
  const edited = claims[1]!;
  await act(async () => {
    fireEvent.change(verdictMenu(edited), { target: { value: 'false' } });
  });
  expect(verdictMenu(edited).value).toBe('false');
  await act(async () => fail(new Error('the disk is full')));
  await waitFor(() => expect(verdictMenu(edited).value).toBe('unchecked'));
  expect(screen.getByText(/0 checked/)).toBeTruthy();
  expect(shown).toHaveBeenCalledWith(expect.stringContaining('the disk is full'), { tone: 'error' });
});

test('an article in the trash (moved there in another tab) says so, with the way back, not “No claims were found”', async () => {
  const client = newClient();
  client.setQueryData(articleQueries.detail(art.id).queryKey, article({ deletedAt: 5 as Timestamp }));
  client.setQueryData(claimQueries.byArticle(art.id).queryKey, []);
  client.setQueryData(speakerQueries.byArticle(art.id).queryKey, []);
  client.setQueryData(summaryQueries.article(art.id).queryKey, {
    ...counts,
    claimCount: 0,
    uncheckedCount: 0,
    withoutSource: 0,
    byVerdict: { ...byVerdict, unchecked: 0 },
    speakerCount: 0,
  });
  await renderScreen(
    client,
    <ArticleScreen
      articleId={art.id}
      libraryHref="/"
      onVerdict={() => {}}
      actions={<button type="button">Export…</button>}
    />,
  );
  expect(screen.getByText(/This article was moved to the trash, with its claims\./)).toBeTruthy();
  // nothing to move between, nothing to export
  expect(screen.queryByText(/Click a highlight/)).toBeNull();
  expect(screen.queryByRole('button', { name: 'Export…' })).toBeNull();
  expect(screen.getByRole('button', { name: 'Restore it' })).toBeTruthy();
  expect(screen.getByRole('link', { name: 'go back to the library' })).toBeTruthy();
  expect(screen.getByText(/Its claims are in the trash with it/)).toBeTruthy();
  expect(screen.queryByText(/No claims were found/)).toBeNull();
});
