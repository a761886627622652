import { ABBREVIATIONS } from '../attribution/lexicon';

export type Span = Readonly<{ start: number; end: number }>;

const CLOSERS = '”"’\')]»';
const OPENERS = '“"‘\'([«';

function isAbbreviation(text: string, dot: number, from: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (!word) return false;
  if (/^\p{Lu}$/u.test(text.slice(s, dot))) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * Sentences of text[start, end): a break after . ! ? (and any closing marks) before a capital, digit or
 * opening mark. No break inside a `protect` range, except right after its closing mark.
 */
export function splitSentences(
  text: string,
  start: number,
  end: number,
  protect: readonly Span[] = [],
): Span[] {
  const out: Span[] = [];
  let s = start;
  let p = 0;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < end && CLOSERS.includes(text[j]!)) j++;
    if (j >= end) break;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < end && /\s/.test(text[k]!)) k++;
    if (k >= end) break;
    const n = text[k]!;
    if (!/[\p{Lu}\p{N}]/u.test(n) && !OPENERS.includes(n)) continue;
    if (c === '.' && j === i + 1 && isAbbreviation(text, i, s)) continue;
    while (p < protect.length && protect[p]!.end <= i) p++;
    const inside = protect.slice(p).some((r) => r.start < i && r.end > j);
    if (inside) continue;
    out.push({ start: s, end: j });
    s = k;
  }
  let e = end;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, end: e });
  return out;
}
