import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ClaimId } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { addTagToClaim } from '@/db/claims';
import { db } from '@/db/db';
import { evidenceQueries } from '@/db/queries';
import { AddSourceForm } from '@/features/claim/components/sources/add-source-form';
import { TagEditor } from '@/features/claim/components/tag-editor';
import { VerdictPicker } from '@/features/claim/components/verdict-picker';
import { extractionOf, resetDb } from '@/test/db';

/** A fresh library of one article with one claim (the mayor's quotation). */
async function importBuses() {
  await resetDb();
  const text = 'The mayor said: "Bus use rose by 12% last year."';
  await saveImportedArticle(
    { text, title: 'Buses' } as never,
    extractionOf(
      text,
      [{ id: 's1', name: 'The mayor' }],
      [{ quote: 'Bus use rose by 12% last year.', speaker: 's1' }],
    ),
  );
}

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  return { client, ui: <QueryClientProvider client={client}>{children}</QueryClientProvider> };
}

afterEach(cleanup);

describe('VerdictPicker', () => {
  test('shows the scale with digit hints and the ClaimReview rating; choosing calls back', () => {
    const onChange = vi.fn();
    render(<VerdictPicker value="mostly true" onChange={onChange} />);
    expect(screen.getAllByRole('radio')).toHaveLength(9);
    expect((screen.getByRole('radio', { name: '4 Mostly true' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('ClaimReview rating: “Mostly true”, 4 of 5')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '7 False' }));
    expect(onChange).toHaveBeenCalledWith('false');
  });

  test('verdicts off the five-step scale have a label but no number', () => {
    render(<VerdictPicker value="misleading" onChange={() => {}} />);
    expect(screen.getByText('ClaimReview rating: “Misleading” (no numeric value)')).toBeTruthy();
  });
});

describe('TagEditor', () => {
  test('a tag of only spaces is refused with a message; a real tag is added, a duplicate is not', () => {
    const onAdd = vi.fn();
    const { ui } = wrap(<TagEditor tags={['Crime']} onAdd={onAdd} onRemove={() => {}} />);
    render(ui);
    const input = screen.getByRole('combobox', { name: 'Add a tag' });
    fireEvent.change(input, { target: { value: '    ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toBe(
      'A tag needs at least one letter or digit; spaces alone are not a tag.',
    );
    expect(onAdd).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '  crime ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toBe('“crime” is already on this claim.');
    fireEvent.change(input, { target: { value: '  police   figures ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onAdd).toHaveBeenCalledWith('police figures');
  });

  test('right after a tag is added, Ctrl+Z in the emptied box undoes it; after typing there, it is the box’s own', async () => {
    await importBuses();
    const [claim] = await db.claims.toArray();
    const tagsOf = async () => (await db.claims.get(claim!.id))?.tags;
    const { ui } = wrap(
      <TagEditor tags={[]} onAdd={(tag) => addTagToClaim(claim!.id, tag)} onRemove={() => {}} />,
    );
    render(ui);
    const input = screen.getByRole('combobox', { name: 'Add a tag' }) as HTMLInputElement;
    const ctrlZ = () => fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    const add = async (tag: string, expected: readonly string[]) => {
      fireEvent.change(input, { target: { value: tag } });
      fireEvent.keyDown(input, { key: 'Enter' });
      await waitFor(async () => expect(await tagsOf()).toEqual(expected));
      expect(input.value).toBe('');
    };

    await add('crime', ['crime']);
    // the batch id arrives with the write: Ctrl+Z waits for nothing once the tag is stored
    await waitFor(async () => {
      ctrlZ();
      expect(await tagsOf()).toEqual([]);
    });

    await add('police', ['police']);
    fireEvent.change(input, { target: { value: 'x' } });
    fireEvent.change(input, { target: { value: '' } });
    ctrlZ(); // the box's own typing: the tag stays
    expect(await tagsOf()).toEqual(['police']);
  });
});

describe('AddSourceForm', () => {
  let claimId: ClaimId;
  beforeEach(async () => {
    await importBuses();
    claimId = (await db.claims.toCollection().first())!.id;
  });

  test('a javascript: address is refused with a clear message and nothing is saved', async () => {
    const onDone = vi.fn();
    const { ui } = wrap(<AddSourceForm claimId={claimId} onDone={onDone} />);
    render(ui);
    fireEvent.change(screen.getByLabelText('Address (URL)'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Attach source' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Only http and https links are allowed, not “javascript:”.',
    );
    expect(onDone).not.toHaveBeenCalled();
    expect(await db.sources.count()).toBe(0);
  });

  test('a new source is attached with its relation, passage and note', async () => {
    const onDone = vi.fn();
    const { ui, client } = wrap(<AddSourceForm claimId={claimId} onDone={onDone} />);
    render(ui);
    fireEvent.change(screen.getByLabelText('Address (URL)'), {
      target: { value: 'ons.gov.uk/bus-statistics' },
    });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Bus statistics' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Refutes' }));
    fireEvent.change(screen.getByLabelText('Quoted passage'), { target: { value: 'Bus use fell 3%.' } });
    fireEvent.change(screen.getByLabelText('Note on this source'), { target: { value: 'Table 2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Attach source' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true));
    const [linked] = await client.fetchQuery(evidenceQueries.byClaim(claimId));
    expect(linked?.source?.url).toBe('https://ons.gov.uk/bus-statistics');
    expect(linked?.evidence).toMatchObject({
      relation: 'refutes',
      passage: 'Bus use fell 3%.',
      note: 'Table 2',
    });
  });
});
