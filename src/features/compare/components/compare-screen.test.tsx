import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ArticleId, ClaimId } from '@/core/model/types';
import { saveImportedArticle, softDeleteArticle } from '@/db/articles';
import { softDeleteClaim } from '@/db/claims';
import { db } from '@/db/db';
import { createQuestion, setStances } from '@/db/questions';
import { CompareScreen, PRINT_COLUMNS } from '@/features/compare/components/compare-screen';
import { ARTICLE_A, extractionA, extractionOf, resetDb } from '@/test/db';
import { stubResizeObserver } from '@/test/dom';

const downloads = vi.hoisted(() => [] as { blob: Blob; name: string }[]);
vi.mock('@/ui/download', async (original) => ({
  ...(await original<typeof import('@/ui/download')>()),
  downloadBlob: (blob: Blob, name: string) => void downloads.push({ blob, name }),
}));
// the suggestions are made in a worker, which the test environment has not
vi.mock('@/workers/suggest-client', () => ({ suggestOffThread: async () => [] }));

beforeEach(async () => {
  stubResizeObserver();
  await resetDb();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const newClient = () =>
  new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } });

function renderCompare(articleIds: readonly string[], more = '') {
  const router = createMemoryRouter(
    [{ path: '/compare', element: <CompareScreen speakerHref={(id) => `/s/${id}`} /> }],
    {
      initialEntries: [`/compare?articles=${articleIds.join(',')}${more}`],
    },
  );
  render(
    <QueryClientProvider client={newClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

/** An article, a question on it with three of its claims placed, then one of those claims deleted. */
async function questionWithADeletedClaim() {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claims = await db.claims.where('articleId').equals(articleId).sortBy('start');
  const q = await createQuestion('Are there more officers?', [articleId]);
  await setStances(
    q.id,
    claims.slice(0, 3).map((c) => ({ claimId: c.id as ClaimId, stance: 'for' as const })),
  );
  await softDeleteClaim(claims[0]!.id);
  return articleId;
}

const questions = () => screen.getByRole('region', { name: 'Questions' });

test('a question counts its live claims, not those deleted since', async () => {
  const articleId = await questionWithADeletedClaim();
  renderCompare([articleId]);
  await waitFor(() => expect(within(questions()).getByText('Are there more officers?')).toBeTruthy());
  expect(within(questions()).getByText('(2 claims)')).toBeTruthy();
});

test('an article in the trash is named as in the trash, with a Restore that brings it back', async () => {
  const articleId = (await questionWithADeletedClaim()) as ArticleId;
  await softDeleteArticle(articleId);
  renderCompare([articleId]);
  const scope = screen.getByRole('region', { name: 'Articles' });
  await waitFor(() =>
    expect(within(scope).getByText('“Police chief pledges more officers” is in the trash')).toBeTruthy(),
  );
  expect(within(scope).queryByText(/no longer in the library/)).toBeNull();
  // its claims went to the trash with it: the question shows none of them
  expect(within(questions()).getByText('(0 claims)')).toBeTruthy();
  fireEvent.click(
    within(scope).getByRole('button', {
      name: 'Restore “Police chief pledges more officers” from the trash',
    }),
  );
  await waitFor(async () => expect((await db.articles.get(articleId))?.deletedAt).toBeNull());
  expect(document.activeElement).toBe(
    within(scope).getByRole('button', {
      name: 'Remove “Police chief pledges more officers” from the comparison',
    }),
  );
});

test('the comparison’s CSV starts with a byte order mark, as the claims export does, so a spreadsheet reads its accents', async () => {
  const articleId = await questionWithADeletedClaim();
  renderCompare([articleId]);
  const exportCsv = await screen.findByRole('button', { name: 'Export CSV' });
  downloads.length = 0;
  fireEvent.click(exportCsv);
  expect(downloads).toHaveLength(1);
  const bytes = new Uint8Array(await downloads[0]!.blob.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(new TextDecoder().decode(bytes)).toContain('question,speaker,stance,claim');
});

test('every speaker hidden: no export of an empty table (the CSV was its header, the Markdown “no questions”)', async () => {
  const articleId = await questionWithADeletedClaim();
  const speakers = [...new Set((await db.claims.toArray()).map((c) => c.speakerId))];
  renderCompare([articleId], `&hide=${speakers.join(',')}`);
  expect(await screen.findByText(/^No speaker columns: place claims under the questions/)).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Export CSV' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Export Markdown' })).toBeNull();
});

test('printed, a matrix of more speakers than a page holds is cut into tables of a few speakers each', async () => {
  const names = ['Ana', 'Ben', 'Cara', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo'].map((n) => `${n} Archer`);
  const text = `Nine voices\n\n${names.map((n, i) => `${n} said: "The bridge opens in ${i + 1} weeks."`).join('\n\n')}`;
  const extraction = extractionOf(
    text,
    names.map((name, i) => ({ id: `s${i}`, name })),
    names.map((_, i) => ({ quote: `The bridge opens in ${i + 1} weeks.`, speaker: `s${i}` })),
  );
  const { articleId } = await saveImportedArticle({ text }, extraction);
  const claims = await db.claims.where('articleId').equals(articleId).toArray();
  const q = await createQuestion('When does the bridge open?', [articleId]);
  await setStances(
    q.id,
    claims.map((c) => ({ claimId: c.id as ClaimId, stance: 'for' as const })),
  );
  renderCompare([articleId]);
  await screen.findByRole('table', { name: /^Positions of 9 speakers/ });
  expect(screen.getAllByRole('table')).toHaveLength(1); // on screen: one table, nothing made for print
  act(() => {
    window.dispatchEvent(new Event('beforeprint'));
  });
  const tables = screen.getAllByRole('table', { name: /speakers \d+–\d+ of 9$/ });
  expect(tables.map((t) => t.querySelector('caption')?.textContent?.replace(/^.* — /, ''))).toEqual([
    `speakers 1–${PRINT_COLUMNS} of 9`,
    `speakers ${PRINT_COLUMNS + 1}–9 of 9`,
  ]);
  expect(within(tables[1]!).getAllByRole('columnheader').length).toBe(9 - PRINT_COLUMNS + 1);
  act(() => {
    window.dispatchEvent(new Event('afterprint'));
  });
  expect(screen.getAllByRole('table')).toHaveLength(1);
});
