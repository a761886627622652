import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Claim } from '@/core/model/types';
import { db } from '@/db/db';
import { historyOfRow } from '@/db/history-read';
import { KindPicker } from '@/features/claim/components/corrections/kind-picker';
import { importArticleA, keyTo, renderWithQueries } from '@/test/claim-forms';

describe('KindPicker', () => {
  let claim: Claim;
  const storedKind = async () => (await db.claims.get(claim.id))?.kind;
  const kindChanges = async () =>
    (await historyOfRow('claims', claim.id)).map((e) => [e.from?.kind, e.to?.kind]);
  const renderPicker = () => {
    renderWithQueries(<KindPicker claim={claim} onConflict={() => {}} />);
    return screen.getByLabelText('Kind') as HTMLSelectElement;
  };
  beforeEach(async () => {
    claim = await importArticleA();
  });
  afterEach(cleanup);

  test('arrow keys only show a kind; Enter stores the one shown, in one history entry', async () => {
    expect(claim.kind).toBe('direct');
    const select = renderPicker();
    select.focus();
    keyTo(select, 'indirect');
    keyTo(select, 'mixed');
    expect(select.value).toBe('mixed');
    fireEvent.keyDown(select, { key: 'Enter' });
    await waitFor(async () => expect(await storedKind()).toBe('mixed'));
    expect(await kindChanges()).toEqual([['direct', 'mixed']]);
  });

  test('Escape puts the stored kind back: leaving then stores nothing, a pointer choice stores at once', async () => {
    const select = renderPicker();
    select.focus();
    keyTo(select, 'indirect');
    fireEvent.keyDown(select, { key: 'Escape' });
    expect(select.value).toBe('direct');
    fireEvent.blur(select);
    fireEvent.pointerDown(select);
    fireEvent.change(select, { target: { value: 'headline' } });
    await waitFor(async () => expect(await storedKind()).toBe('headline'));
    expect(await kindChanges()).toEqual([['direct', 'headline']]);
  });
});
