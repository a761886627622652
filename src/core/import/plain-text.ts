/**
 * Pure conversions of what people import as "text" but is really markup: Markdown files, and
 * articles copied out of page source with their HTML entities (`&ldquo;`, `&amp;`, `&#8217;`).
 * The extractor reads plain prose; left in, `[Name](url)` hides a speaker and `&ldquo;` a quote.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ldquo: '\u201c',
  rdquo: '\u201d',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  pound: '\u00a3',
  euro: '\u20ac',
  dollar: '$',
  cent: '\u00a2',
  yen: '\u00a5',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  deg: '\u00b0',
  middot: '\u00b7',
  bull: '\u2022',
  times: '\u00d7',
  divide: '\u00f7',
  frac12: '\u00bd',
  frac14: '\u00bc',
  frac34: '\u00be',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  iacute: '\u00ed',
  oacute: '\u00f3',
  uacute: '\u00fa',
  ntilde: '\u00f1',
  ccedil: '\u00e7',
  auml: '\u00e4',
  ouml: '\u00f6',
  uuml: '\u00fc',
  szlig: '\u00df',
  shy: '',
  zwj: '\u200d',
  zwnj: '\u200c',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,7}));/g;

const fromCodePoint = (n: number, raw: string) =>
  Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)
    ? String.fromCodePoint(n)
    : raw;

/** How many known HTML character references the text holds. */
export function countEntities(text: string): number {
  let n = 0;
  for (const m of text.matchAll(ENTITY)) if (m[1] || m[2] || (m[3] && m[3] in NAMED)) n++;
  return n;
}

/** Decodes numeric and common named character references; unknown names are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (raw, dec?: string, hex?: string, name?: string) => {
    if (dec) return fromCodePoint(Number.parseInt(dec, 10), raw);
    if (hex) return fromCodePoint(Number.parseInt(hex, 16), raw);
    return name && name in NAMED ? NAMED[name]! : raw;
  });
}

/**
 * Plain text escaped as HTML (copied from page source): two or more character references, so a
 * lone "AT&amp;T" in an article about markup stays as written.
 */
export function looksEntityEscaped(text: string): boolean {
  return countEntities(text) >= 2;
}

/** One line of Markdown inline syntax → its words: links, images, emphasis, code, autolinks. */
function inline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1') // ![alt](src)
    .replace(/\[([^\]]+)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1') // [text](url)
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // [text][ref]
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1') // <https://…>
    .replace(/`([^`]+)`/g, '$1') // `code`
    .replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2') // **strong**, __strong__
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1$2') // *em*
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2') // _em_ (not snake_case)
    .replace(/~~(?=\S)([^~]*?\S)~~/g, '$1'); // ~~strike~~
}

/**
 * Markdown → the article's plain text: headings, block quotes, emphasis, links and images keep
 * their words and lose their syntax; reference definitions, fences and rules go; list items keep
 * their bullets. Paragraph breaks are kept, so the extractor sees the same paragraphs.
 */
export function markdownToText(md: string): string {
  const out: string[] = [];
  for (const raw of md.split('\n')) {
    let line = raw;
    if (/^\s{0,3}(?:```|~~~)/.test(line)) continue; // code fence markers (their contents stay)
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // [ref]: https://…
    if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(line)) {
      out.push(''); // thematic break
      continue;
    }
    if (/^\s{0,3}(?:=+|-+)\s*$/.test(line) && out.length && out[out.length - 1]!.trim()) continue; // setext underline
    line = line.replace(/^(\s{0,3}>\s?)+/, ''); // > quote
    line = line.replace(/^\s{0,3}#{1,6}(?:\s+|$)/, '').replace(/\s+#+\s*$/, ''); // # heading #
    out.push(inline(line));
  }
  return out.join('\n');
}

/**
 * Whether pasted text is Markdown: two or more kinds of its syntax (an ATX heading, a
 * [link](url), **strong** words, a > quote line), so prose with one stray asterisk is left alone.
 */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 20_000);
  const signs = [
    /^\s{0,3}#{1,6}\s+\S/m,
    /\[[^\]\n]+\]\((?:https?:\/\/|\/|#)[^)\s]*\)/,
    /(\*\*|__)\S[^*_\n]*\S\1/,
    /^\s{0,3}>\s?\S/m,
  ];
  return signs.filter((re) => re.test(head)).length >= 2;
}
