import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SpeakerId } from '@/core/model/types';
import { createSpeaker, mergeSpeakers } from '@/db/speakers';
import { SpeakerProfileScreen } from '@/features/speaker-profile/components/speaker-profile-screen';
import { resetDb } from '@/test/db';

beforeEach(resetDb);
afterEach(cleanup);

function profile(speakerId: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <SpeakerProfileScreen
          speakerId={speakerId as SpeakerId}
          articleHref={(id) => `/articles/${id}`}
          claimHref={(a, c) => `/articles/${a}/claims/${c}`}
          compareHref="/compare"
          speakerHref={(id) => `/speakers/${id}`}
          libraryHref="/"
        />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('a link to a speaker who is not here', () => {
  test('merged: names both, links to the speaker they became', async () => {
    const keep = await createSpeaker({ name: 'Alan Billings' });
    const gone = await createSpeaker({ name: 'Dr Billings' });
    await mergeSpeakers(keep.id, [gone.id]);
    profile(gone.id);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dr Billings was merged into Alan Billings' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open Alan Billings’s profile' }).getAttribute('href')).toBe(
      `/speakers/${keep.id}`,
    );
    expect(screen.getByRole('link', { name: 'Go to the library' }).getAttribute('href')).toBe('/');
  });

  test('never here (a stale bookmark, another library): says so, with a way back', async () => {
    profile('sp-nobody');
    expect(await screen.findByRole('heading', { level: 1, name: 'Speaker not found' })).toBeTruthy();
    expect(screen.getByText(/old bookmark, or a link from another device or library/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Compare positions' }).getAttribute('href')).toBe('/compare');
    expect(screen.getByRole('link', { name: 'Go to the library' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /profile/ })).toBeNull();
  });
});
