/** Honorifics dropped when comparing names: "Dr Alan Billings" and "Alan Billings" are one speaker. */
const HONORIFICS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'sir',
  'dame',
  'lord',
  'lady',
  'prof',
  'professor',
  'rev',
  'cllr',
  'councillor',
]);

/**
 * The key that identifies a speaker across articles: case, accents, punctuation, spacing and
 * leading honorifics ignored. Returns '' for a name with no letters or digits.
 */
export function speakerKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
  return words.join(' ');
}

/** How an alias is compared with others: case, punctuation and spacing ignored, honorifics kept ("Dr Billings" ≠ "Billings"). */
export function aliasForm(alias: string): string {
  return alias
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** `existing` plus the names in `added` not already there (compared by `aliasForm`, first spelling kept). */
export function mergeAliases(
  existing: readonly string[],
  added: readonly string[],
  except: readonly string[] = [],
): string[] {
  const seen = new Set([...except, ...existing].map(aliasForm));
  const out = [...existing];
  for (const alias of added) {
    const trimmed = alias.trim().replace(/\s+/g, ' ');
    const key = aliasForm(trimmed);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}
