import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { saveImportedArticle } from '@/db/articles';
import { db } from '@/db/db';
import { attachSource } from '@/db/evidence';
import { historyOfRow } from '@/db/history';
import type { EvidenceWithSource } from '@/db/queries';
import { EvidenceList } from '@/features/claim/components/sources/evidence-list';
import { extractionOf, resetDb } from '@/test/db';

function renderList(item: EvidenceWithSource) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  render(
    <QueryClientProvider client={client}>
      <EvidenceList items={[item]} />
    </QueryClientProvider>,
  );
  return screen.getByLabelText('How Jay report relates to the claim') as HTMLSelectElement;
}

/** A key on a closed select as Chromium sends it: the keydown, then a change to the next option. */
function arrow(select: HTMLSelectElement, value: string) {
  fireEvent.keyDown(select, { key: 'ArrowDown' });
  fireEvent.change(select, { target: { value } });
}

describe('EvidenceList’s relation list', () => {
  let item: EvidenceWithSource;
  const storedRelation = async () => (await db.evidence.get(item.evidence.id))?.relation;
  const relationChanges = async () =>
    (await historyOfRow('evidence', item.evidence.id))
      .filter((e) => e.action === 'update')
      .map((e) => [e.from?.relation, e.to?.relation]);

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
    const claim = (await db.claims.toArray())[0]!;
    item = await attachSource(claim.id, { url: 'https://example.org/jay', title: 'Jay report' });
  });
  afterEach(cleanup);

  test('arrow keys only show a relation; leaving the list stores the one shown, in one history entry', async () => {
    const select = renderList(item);
    select.focus();
    arrow(select, 'refutes');
    arrow(select, 'context');
    expect(select.value).toBe('context');
    fireEvent.blur(select);
    await waitFor(async () => expect(await storedRelation()).toBe('context'));
    expect(await relationChanges()).toEqual([['supports', 'context']]);
  });

  test('Escape puts the stored relation back; Enter then stores a new keyboard choice', async () => {
    const select = renderList(item);
    select.focus();
    arrow(select, 'context');
    fireEvent.keyDown(select, { key: 'Escape' });
    expect(select.value).toBe('supports');
    arrow(select, 'refutes');
    fireEvent.keyDown(select, { key: 'Enter' });
    await waitFor(async () => expect(await storedRelation()).toBe('refutes'));
    expect(await relationChanges()).toEqual([['supports', 'refutes']]);
  });
});
