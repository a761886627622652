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
