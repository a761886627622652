/** Helpers for the tests of the claim's forms (vitest `ui` project, fake-indexeddb). */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Claim } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { db } from '@/db/db';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';

/** A fresh database holding article A; resolves with its first claim, a direct quotation. */
export async function importArticleA(): Promise<Claim> {
  await resetDb();
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  return (await db.claims.filter((c) => c.text.startsWith('We have 200')).first())!;
}

/** Renders `ui` with a query client of its own. */
export function renderWithQueries(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

/** A key on a closed select as Chromium sends it: the keydown, then a change to the option it moves to. */
export function keyTo(select: HTMLSelectElement, value: string, key = 'ArrowDown') {
  fireEvent.keyDown(select, { key });
  fireEvent.change(select, { target: { value } });
}
