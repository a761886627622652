/**
 * Re-running the extractor on an article proposes; it never overwrites. Given the article's stored
 * claims and a fresh extraction, the proposals are: claims the extractor now finds that overlap no
 * stored claim (live or deleted: a claim a person deleted stays deleted), and a new speaker for an
 * extracted claim nobody has touched (same span, no history beyond the import, no sources, not
 * manual). Nothing is ever proposed for removal.
 */
import type { ExtractedClaim, ExtractedSpeaker, Extraction } from '../extract/types';
import { speakerKey } from '../model/speaker-key';
import { speakerLookupKeys } from '../model/speaker-match';
import type { ClaimOrigin } from '../model/types';

export type StoredClaimState = Readonly<{
  id: string;
  start: number;
  end: number;
  speakerId: string | null;
  origin: ClaimOrigin;
  deletedAt: number | null;
  /** Edited by a person since the import (any history entry, a source, a verdict…). */
  touched: boolean;
}>;

export type LibrarySpeaker = Readonly<{ id: string; name: string; key: string; aliases: readonly string[] }>;

export type ReextractionProposal =
  | Readonly<{
      id: string;
      kind: 'new-claim';
      claim: ExtractedClaim;
      speaker: ExtractedSpeaker | null;
    }>
  | Readonly<{
      id: string;
      kind: 'reattribute';
      claimId: string;
      fromSpeakerId: string | null;
      claim: ExtractedClaim;
      speaker: ExtractedSpeaker | null;
    }>;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Whether a library speaker is the extracted one (by name key, or an alias the library learnt). */
export function isSameSpeaker(library: LibrarySpeaker | null, extracted: ExtractedSpeaker | null): boolean {
  if (library === null || extracted === null) return library === null && extracted === null;
  const keys = new Set(speakerLookupKeys(extracted));
  if (keys.has(library.key)) return true;
  const name = speakerKey(extracted.name);
  return name !== '' && library.aliases.some((a) => speakerKey(a) === name);
}

export function proposeReextraction(
  stored: readonly StoredClaimState[],
  extraction: Extraction,
  speakers: ReadonlyMap<string, LibrarySpeaker>,
): ReextractionProposal[] {
  const speakerOf = new Map(extraction.speakers.map((s) => [s.id, s]));
  const proposals: ReextractionProposal[] = [];
  for (const claim of extraction.claims) {
    if (claim.kind === 'unattributed') continue;
    const speaker = claim.speakerId === null ? null : (speakerOf.get(claim.speakerId) ?? null);
    const same = stored.find((s) => s.start === claim.start && s.end === claim.end);
    if (same) {
      if (same.deletedAt !== null || same.touched || same.origin !== 'extracted') continue;
      const current = same.speakerId === null ? null : (speakers.get(same.speakerId) ?? null);
      if (same.speakerId !== null && current === null) continue; // unknown speaker: leave it be
      if (!isSameSpeaker(current, speaker)) {
        proposals.push({
          id: `speaker:${same.id}`,
          kind: 'reattribute',
          claimId: same.id,
          fromSpeakerId: same.speakerId,
          claim,
          speaker,
        });
      }
      continue;
    }
    if (stored.some((s) => overlaps(s, claim))) continue;
    proposals.push({ id: `new:${claim.start}-${claim.end}`, kind: 'new-claim', claim, speaker });
  }
  return proposals;
}
