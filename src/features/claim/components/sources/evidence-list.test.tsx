import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { db } from '@/db/db';
import { attachSource } from '@/db/evidence';
import { historyOfRow } from '@/db/history-read';
import type { EvidenceWithSource } from '@/db/queries';
import { EvidenceList } from '@/features/claim/components/sources/evidence-list';
import { importArticleA, keyTo, renderWithQueries } from '@/test/claim-forms';

describe('EvidenceList’s relation list', () => {
  let item: EvidenceWithSource;
  const storedRelation = async () => (await db.evidence.get(item.evidence.id))?.relation;
  const relationChanges = async () =>
    (await historyOfRow('evidence', item.evidence.id))
      .filter((e) => e.action === 'update')
      .map((e) => [e.from?.relation, e.to?.relation]);
  const renderList = () => {
    renderWithQueries(<EvidenceList items={[item]} />);
    return screen.getByLabelText('How Jay report relates to the claim') as HTMLSelectElement;
  };
  beforeEach(async () => {
    const claim = await importArticleA();
    item = await attachSource(claim.id, { url: 'https://example.org/jay', title: 'Jay report' });
  });
  afterEach(cleanup);

  test('arrow keys only show a relation; leaving the list stores the one shown, in one history entry', async () => {
    const select = renderList();
    select.focus();
    keyTo(select, 'refutes');
    keyTo(select, 'context');
    expect(select.value).toBe('context');
    fireEvent.blur(select);
    await waitFor(async () => expect(await storedRelation()).toBe('context'));
    expect(await relationChanges()).toEqual([['supports', 'context']]);
  });

  test('Escape puts the stored relation back; Enter then stores a new keyboard choice', async () => {
    const select = renderList();
    select.focus();
    keyTo(select, 'context');
    fireEvent.keyDown(select, { key: 'Escape' });
    expect(select.value).toBe('supports');
    keyTo(select, 'refutes');
    fireEvent.keyDown(select, { key: 'Enter' });
    await waitFor(async () => expect(await storedRelation()).toBe('refutes'));
    expect(await relationChanges()).toEqual([['supports', 'refutes']]);
  });
});
