import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Claim } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { db } from '@/db/db';
import { historyOfRow } from '@/db/history';
import { KindPicker } from '@/features/claim/components/corrections/kind-picker';
import { extractionOf, resetDb } from '@/test/db';

function renderPicker(claim: Claim) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  render(
    <QueryClientProvider client={client}>
      <KindPicker claim={claim} onConflict={() => {}} />
    </QueryClientProvider>,
  );
  return screen.getByLabelText('Kind') as HTMLSelectElement;
}

/** A key on a closed select as Chromium sends it: the keydown, then a change to the next option. */
function arrow(select: HTMLSelectElement, value: string) {
  fireEvent.keyDown(select, { key: 'ArrowDown' });
  fireEvent.change(select, { target: { value } });
}

const storedKind = async (claim: Claim) => (await db.claims.get(claim.id))?.kind;

describe('KindPicker', () => {
  let claim: Claim;
  beforeEach(async () => {
    await resetDb();
    const text = 'The mayor said: "Bus use rose by 12% last year."';
    await saveImportedArticle(
      { text, title: 'Buses' } as never,
      extractionOf(
        text,
        [{ id: 's1', name: 'Ada Mayor' }],
        [{ quote: 'Bus use rose by 12% last year.', speaker: 's1' }],
      ),
    );
    claim = (await db.claims.toArray())[0]!;
  });
  afterEach(cleanup);

  test('arrow keys only show a kind; Enter stores the one shown, in one history entry', async () => {
    expect(claim.kind).toBe('direct');
    const select = renderPicker(claim);
    select.focus();
    arrow(select, 'indirect');
    arrow(select, 'mixed');
    expect(select.value).toBe('mixed');
    fireEvent.keyDown(select, { key: 'Enter' });
    await waitFor(async () => expect(await storedKind(claim)).toBe('mixed'));
    const entries = await historyOfRow('claims', claim.id);
    expect(entries.map((e) => [e.from?.kind, e.to?.kind])).toEqual([['direct', 'mixed']]);
  });

  test('Escape puts the stored kind back: leaving then stores nothing, a pointer choice stores at once', async () => {
    const select = renderPicker(claim);
    select.focus();
    arrow(select, 'indirect');
    fireEvent.keyDown(select, { key: 'Escape' });
    expect(select.value).toBe('direct');
    fireEvent.blur(select);
    fireEvent.pointerDown(select);
    fireEvent.change(select, { target: { value: 'headline' } });
    await waitFor(async () => expect(await storedKind(claim)).toBe('headline'));
    const entries = await historyOfRow('claims', claim.id);
    expect(entries.map((e) => [e.from?.kind, e.to?.kind])).toEqual([['direct', 'headline']]);
  });
});
