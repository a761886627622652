import { replaced } from '@/core/review/claims-view';

/** Groups an article's claims by speaker, in the order speakers first appear in the text. */

type ClaimLike = Readonly<{ id: string; start: number; speakerId: string | null }>;
type SpeakerLike = Readonly<{ id: string; name: string; role: string | null }>;

export type SpeakerGroup<C extends ClaimLike> = Readonly<{
  /** null for claims nobody is credited with. */
  speakerId: string | null;
  name: string;
  role: string | null;
  /** Position among the article's speakers, for a stable colour; -1 for the unattributed group. */
  colourIndex: number;
  claims: readonly C[];
}>;

export function groupClaimsBySpeaker<C extends ClaimLike>(
  claims: readonly C[],
  speakers: readonly SpeakerLike[],
): SpeakerGroup<C>[] {
  const byId = new Map(speakers.map((s) => [s.id, s]));
  const buckets = new Map<string | null, C[]>();
  for (const c of [...claims].sort((a, b) => a.start - b.start)) {
    const key = c.speakerId && byId.has(c.speakerId) ? c.speakerId : null;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(c);
    else buckets.set(key, [c]);
  }
  let colour = 0;
  const groups: SpeakerGroup<C>[] = [];
  for (const [speakerId, list] of buckets) {
    const speaker = speakerId ? byId.get(speakerId) : undefined;
    groups.push({
      speakerId,
      name: speaker?.name ?? 'No speaker',
      role: speaker?.role ?? null,
      colourIndex: speaker ? colour++ : -1,
      claims: list,
    });
  }
  // The unattributed group goes last, whatever its first claim.
  return [...groups.filter((g) => g.speakerId !== null), ...groups.filter((g) => g.speakerId === null)];
}

/**
 * `groups` with each pair's claim put in place of the claim it replaces (the same speaker and offset:
 * `replacedInPlace`), the other groups kept as they are; null when a replaced claim is in no group.
 */
export function groupsWith<C extends ClaimLike>(
  groups: readonly SpeakerGroup<C>[],
  pairs: readonly (readonly [C, C])[],
): readonly SpeakerGroup<C>[] | null {
  let next = groups;
  for (const [was, now] of pairs) {
    const i = next.findIndex((g) => g.claims.includes(was));
    if (i < 0) return null;
    const group = next[i]!;
    next = replaced(next, group, { ...group, claims: replaced(group.claims, was, now) });
  }
  return next;
}
