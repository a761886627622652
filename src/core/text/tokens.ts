import { SHORT_TITLES } from '../attribution/lexicon';

export type Token = Readonly<{
  start: number;
  end: number;
  text: string;
  /** Lower-cased, with a trailing possessive ’s and a final dot removed. */
  key: string;
  word: boolean;
  cap: boolean;
}>;

/** Short titles ("Dr.", "Coun.", "Supt.") and name suffixes ("Jr.") keep their dot: it is no full stop. */
const KEEPS_DOT: ReadonlySet<string> = new Set([...SHORT_TITLES, 'jr', 'sr']);

// A word keeps a plural possessive apostrophe ("Farmers’ Union"), then an optional final dot; a number keeps its
// thousands commas ("7,400": a comma inside a number never ends a clause or a subject).
// Format characters (zero-width space, joiners, BOM) are skipped like spaces, never tokens of their own; inside a
// word (a soft hyphen or a zero-width space pasted from a web page: "Gonzá\u00adlez") they are part of it, and
// the word's key drops them.
const TOKEN =
  /[\p{L}\p{N}](?:(?:[\p{L}\p{N}\-’'.&\p{Cf}]|(?<=\d),(?=\d{3}(?!\d)))*[\p{L}\p{N}])?(?:(?<=s)['’](?=\s+\p{Lu}))?\.?|[^\s\p{Cf}]/gu;

/** Words and single punctuation marks of text[start, end). A word keeps internal apostrophes, hyphens and dots. */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let t = m[0];
    // "9:52PMBush Says …": a live blog's time stamp run into the heading after it.
    const stamp = /^\d/.test(t) ? /^\d{1,2}[AP]M(?=\p{Lu}\p{Ll})/u.exec(t) : null;
    if (stamp) {
      t = stamp[0];
      TOKEN.lastIndex = m.index + t.length;
    }
    // Keep a final dot only on abbreviations like "Dr." or "U.S."; otherwise it is punctuation.
    if (
      t.length > 1 &&
      t.endsWith('.') &&
      !/^(\p{L}\.)+$/u.test(t) &&
      !KEEPS_DOT.has(t.slice(0, -1).toLowerCase())
    ) {
      t = t.slice(0, -1);
      TOKEN.lastIndex = m.index + t.length;
    }
    // (The stamp is no word of the heading's subject phrase.)
    const word = !stamp && /[\p{L}\p{N}]/u.test(t[0]!);
    out.push({
      start: start + m.index,
      end: start + m.index + t.length,
      text: t,
      key: t
        .replace(/\p{Cf}/gu, '')
        .toLowerCase()
        .replace(/['’]s$/, '')
        .replace(/['’]$/, '')
        .replace(/\.$/, ''),
      word,
      cap: /^\p{Lu}/u.test(t),
    });
  }
  return out;
}
