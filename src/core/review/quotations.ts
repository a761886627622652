/**
 * Quotations made of several claims. The extractor gives each quotation-mark run its own claim (so a
 * claim never holds its cue) and marks the runs of one quotation, split around the cue or spread over
 * paragraphs, with a shared `groupId`. Screens show such a group as one quotation with its parts.
 *
 * Parts stay one quotation only while they keep one speaker: a part whose speaker was corrected to
 * someone else stands on its own. Claims with no `groupId` (added by hand, or stored before extractor
 * 0.4.0) are quotations of one part.
 */
type Groupable = Readonly<{ id: string; start: number; speakerId: string | null; groupId?: string }>;

export type Quotation<C extends Groupable> = Readonly<{
  /** The first part's id: the quotation's id on screen (list item, keyboard order). */
  id: string;
  /** Its claims in reading order. */
  parts: readonly C[];
}>;

export type Quotations<C extends Groupable> = Readonly<{
  /** In reading order of their first parts. */
  list: readonly Quotation<C>[];
  /** The quotation each claim is a part of. */
  of: ReadonlyMap<string, Quotation<C>>;
}>;

export function quotationsOf<C extends Groupable>(claims: readonly C[]): Quotations<C> {
  const byKey = new Map<string, C[]>();
  const list: C[][] = [];
  for (const c of [...claims].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1))) {
    const key = c.groupId ? `${c.groupId}\u0000${c.speakerId ?? ''}` : null;
    const parts = key ? byKey.get(key) : undefined;
    if (parts) {
      parts.push(c);
      continue;
    }
    const fresh = [c];
    if (key) byKey.set(key, fresh);
    list.push(fresh);
  }
  const quotations = list.map((parts): Quotation<C> => ({ id: parts[0]!.id, parts }));
  const of = new Map<string, Quotation<C>>();
  for (const q of quotations) for (const c of q.parts) of.set(c.id, q);
  return { list: quotations, of };
}

/** "part 2 of 3" for a claim in a quotation of several parts, or null. */
export function partLabel<C extends Groupable>(q: Quotation<C> | undefined, claimId: string): string | null {
  if (!q || q.parts.length < 2) return null;
  const i = q.parts.findIndex((c) => c.id === claimId);
  return i < 0 ? null : `part ${i + 1} of ${q.parts.length}`;
}
