import type { ExtractedClaim } from '../extract/types';
import { selectorFromRange } from './selector';
import type { ArticleId, Claim, ClaimId, SpeakerId, Timestamp } from './types';

/** A stored claim for an extracted one: unchecked, untagged, anchored by offsets and a text-quote selector. */
export function claimFromExtracted(
  id: ClaimId,
  articleId: ArticleId,
  text: string,
  c: ExtractedClaim,
  speakerId: SpeakerId | null,
  now: Timestamp,
): Claim {
  return {
    id,
    articleId,
    speakerId,
    text: text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
    quote: selectorFromRange(text, c.start, c.end),
    kind: c.kind,
    cue: c.cue,
    speakerMention: c.speakerMention,
    confidence: c.confidence,
    checkworthy: { score: c.checkworthy.score, signals: [...c.checkworthy.signals] },
    verdict: 'unchecked',
    ratingNote: '',
    tags: [],
    notes: '',
    origin: 'extracted',
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    ...(c.rule ? { rule: c.rule } : {}),
    ...(c.groupId ? { groupId: c.groupId } : {}),
  };
}
