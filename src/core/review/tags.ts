const MAX_TAG_LENGTH = 60;

/** A tag as stored: trimmed, inner white space folded, at most 60 characters; null when nothing is left. */
export function normalizeTag(raw: string): string | null {
  const tag = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();
  return tag ? tag : null;
}

const sameTag = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** Adds a tag unless an equal one (ignoring case) is already there. */
export function withTag(tags: readonly string[], raw: string): readonly string[] {
  const tag = normalizeTag(raw);
  if (!tag || tags.some((t) => sameTag(t, tag))) return tags;
  return [...tags, tag];
}

export function withoutTag(tags: readonly string[], tag: string): readonly string[] {
  return tags.filter((t) => !sameTag(t, tag));
}

/** Tags already in use that start with (then contain) what was typed, most used first. */
export function suggestTags(
  used: ReadonlyMap<string, number>,
  typed: string,
  exclude: readonly string[],
  limit = 8,
): string[] {
  const q = typed.trim().toLowerCase();
  const candidates = [...used.entries()].filter(
    ([tag]) => !exclude.some((t) => sameTag(t, tag)) && (!q || tag.toLowerCase().includes(q)),
  );
  const rank = (tag: string) => (q && tag.toLowerCase().startsWith(q) ? 0 : 1);
  return candidates
    .sort(([a, na], [b, nb]) => rank(a) - rank(b) || nb - na || a.localeCompare(b))
    .slice(0, limit)
    .map(([tag]) => tag);
}
