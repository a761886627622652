import { describe, expect, test } from 'vitest';
import type { ExtractedClaim, Extraction } from '../extract/types';
import { isSameSpeaker, type LibrarySpeaker, proposeReextraction, type StoredClaimState } from './reextract';

const claim = (id: string, start: number, end: number, speakerId: string | null): ExtractedClaim => ({
  id,
  text: 'x'.repeat(end - start),
  start,
  end,
  kind: 'direct',
  speakerId,
  speakerMention: null,
  cue: null,
  confidence: 0.9,
  checkworthy: { score: 0.5, signals: [] },
});
const extraction: Extraction = {
  version: '2',
  boilerplate: [],
  speakers: [
    { id: 'x1', name: 'Alan Billings', type: 'person', role: null, aliases: ['Dr Billings'] },
    { id: 'x2', name: 'James Cartlidge', type: 'person', role: null, aliases: [] },
  ],
  claims: [
    claim('k1', 0, 10, 'x1'), // same span, same speaker
    claim('k2', 20, 30, 'x2'), // same span, now Cartlidge
    claim('k3', 40, 50, 'x2'), // same span as a manual claim
    claim('k4', 60, 70, 'x2'), // same span as an edited claim
    claim('k5', 80, 90, 'x1'), // new, free
    claim('k6', 95, 105, 'x1'), // new, but overlaps a deleted claim
    claim('k7', 110, 120, 'x1'), // overlaps a claim whose span a person moved
  ],
};
const stored = (
  id: string,
  start: number,
  end: number,
  p: Partial<StoredClaimState> = {},
): StoredClaimState => ({
  id,
  start,
  end,
  speakerId: 'billings',
  origin: 'extracted',
  deletedAt: null,
  touched: false,
  ...p,
});
const speakers = new Map<string, LibrarySpeaker>([
  ['billings', { id: 'billings', name: 'Alan Billings', key: 'alan billings', aliases: ['Dr Billings'] }],
]);

describe('re-extraction proposals', () => {
  test('proposes new claims and new speakers for untouched claims only; never removals', () => {
    const proposals = proposeReextraction(
      [
        stored('c1', 0, 10),
        stored('c2', 20, 30),
        stored('c3', 40, 50, { origin: 'manual' }),
        stored('c4', 60, 70, { touched: true }),
        stored('c6', 98, 104, { deletedAt: 5 }),
        stored('c7', 108, 115, { touched: true }),
        stored('c8', 200, 210), // the extractor no longer finds it: stays, no proposal
      ],
      extraction,
      speakers,
    );
    expect(proposals.map((p) => p.id)).toEqual(['speaker:c2', 'new:80-90']);
    expect(proposals[0]).toMatchObject({
      kind: 'reattribute',
      fromSpeakerId: 'billings',
      speaker: { id: 'x2' },
    });
  });

  test('a speaker is the same by name key or by an alias the library learnt', () => {
    const lib = speakers.get('billings')!;
    expect(
      isSameSpeaker(lib, { id: 'a', name: 'DR. ALAN BILLINGS', type: 'person', role: null, aliases: [] }),
    ).toBe(true);
    expect(
      isSameSpeaker(lib, { id: 'a', name: 'Dr Billings', type: 'person', role: null, aliases: [] }),
    ).toBe(true);
    expect(isSameSpeaker(lib, null)).toBe(false);
    expect(isSameSpeaker(null, null)).toBe(true);
  });
});
