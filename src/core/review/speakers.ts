/** Library-wide speaker identity: one key per entity, aliases folded together on merge. */

const TITLES =
  /^(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|rev|reverend|sen|senator|rep|gov|governor|president|judge|justice)\.?\s+)+/i;

/** The key that finds the same speaker again: lower case, no titles, no possessive, punctuation folded. */
export function speakerKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[’']s\b/g, '')
    .replace(TITLES, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Aliases combined without duplicates (same key), the canonical name itself left out. */
export function mergeAliases(name: string, ...lists: readonly (readonly string[])[]): string[] {
  const seen = new Set([speakerKey(name)]);
  const out: string[] = [];
  for (const alias of lists.flat()) {
    const trimmed = alias.replace(/\s+/g, ' ').trim();
    const key = speakerKey(trimmed);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}
