import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Claim, Speaker } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { db } from '@/db/db';
import { speakerQueries } from '@/db/queries';
import { SpeakerSection } from '@/features/claim/components/corrections/speaker-section';
import { extractionOf, resetDb } from '@/test/db';

/** The library's speakers read, answered when the test says so. */
function heldSpeakersRead() {
  let answer!: (speakers: Speaker[]) => void;
  let fail!: (error: Error) => void;
  const read = new Promise<Speaker[]>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  vi.spyOn(speakerQueries, 'list').mockReturnValue(
    queryOptions({ queryKey: [...speakerQueries.all(), 'list'] as const, queryFn: () => read }),
  );
  return { answer, fail };
}

function renderSection(claim: Claim) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  render(
    <QueryClientProvider client={client}>
      <SpeakerSection claim={claim} onConflict={() => {}} />
    </QueryClientProvider>,
  );
}

/** A fresh library of one article: Ada Mayor's quotation, then `rest` with its claim given to `other`. */
async function importBuses(rest: string, other: Readonly<{ id: string; name: string }> | null) {
  await resetDb();
  const text = `The mayor said: "Bus use rose by 12% last year." ${rest}`;
  const last = rest.match(/"(.+)"/)?.[1] ?? rest;
  await saveImportedArticle(
    { text, title: 'Buses' } as never,
    extractionOf(
      text,
      [{ id: 's1', name: 'Ada Mayor' }, ...(other ? [other] : [])],
      [
        { quote: 'Bus use rose by 12% last year.', speaker: 's1' },
        { quote: last, speaker: other?.id ?? null },
      ],
    ),
  );
}

const speakerLine = () => document.querySelector('.speaker-line')?.textContent;
const picker = () => screen.getByRole('combobox', { name: 'Reassign to' }) as HTMLInputElement;

describe('SpeakerSection before the library’s speakers are read', () => {
  let claim: Claim;
  let speakers: Speaker[];
  beforeEach(async () => {
    await importBuses('The report was late.', null);
    const claims = await db.claims.toArray();
    claim = claims.find((c) => c.speakerId !== null)!;
    speakers = await db.speakers.toArray();
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  test('a claim with a speaker says it is loading, not "No speaker", and offers no reassigning until the read answers', async () => {
    const read = heldSpeakersRead();
    renderSection(claim);
    expect(speakerLine()).toBe('Loading the speaker…');
    expect(picker().disabled).toBe(true);
    read.answer(speakers);
    await waitFor(() => expect(speakerLine()).toContain('Ada Mayor'));
    expect(picker().disabled).toBe(false);
  });

  test('a failed read is said, with the claim’s speaker line not claiming there is none', async () => {
    const read = heldSpeakersRead();
    renderSection(claim);
    read.fail(new Error('disk gone'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Could not read the speakers: /);
    expect(speakerLine()).not.toContain('No speaker');
    expect(picker().disabled).toBe(true);
  });

  test('a claim without a speaker says so at once; a speaker missing from the library is unknown, not none', async () => {
    const read = heldSpeakersRead();
    renderSection({ ...claim, speakerId: null });
    expect(speakerLine()).toBe('No speaker');
    expect(picker().disabled).toBe(true);
    cleanup();
    renderSection({ ...claim, speakerId: 'gone' as Claim['speakerId'] });
    read.answer(speakers);
    await waitFor(() => expect(speakerLine()).toBe('Unknown speaker · not in this library’s speakers'));
  });
});

describe('SpeakerSection, Ctrl+Z in the Reassign box', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  test('right after a reassignment, Ctrl+Z in the emptied box undoes it; after typing there, it is the box’s own', async () => {
    await importBuses('The critic said: "It fell."', { id: 's2', name: 'Ben Critic' });
    const claim = (await db.claims.toArray()).find((c) => c.text.startsWith('Bus use'))!;
    const ben = (await db.speakers.toArray()).find((s) => s.name === 'Ben Critic')!;
    const speakerOf = async () => (await db.claims.get(claim.id))?.speakerId;
    const ctrlZ = () => fireEvent.keyDown(picker(), { key: 'z', ctrlKey: true });
    const reassignToBen = async () => {
      cleanup();
      renderSection((await db.claims.get(claim.id))!);
      await waitFor(() => expect(picker().disabled).toBe(false));
      fireEvent.change(picker(), { target: { value: 'Ben' } });
      fireEvent.keyDown(picker(), { key: 'Enter' });
      await waitFor(async () => expect(await speakerOf()).toBe(ben.id));
      expect(picker().value).toBe('');
    };

    await reassignToBen();
    ctrlZ();
    await waitFor(async () => expect(await speakerOf()).toBe(claim.speakerId));

    await reassignToBen();
    fireEvent.change(picker(), { target: { value: 'x' } });
    fireEvent.change(picker(), { target: { value: '' } });
    ctrlZ(); // the box's own typing: the reassignment stays
    expect(await speakerOf()).toBe(ben.id);
  });
});
