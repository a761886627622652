import { ABBREVIATIONS, SPEECH_VERBS } from '../attribution/lexicon';

export type Span = Readonly<{ start: number; end: number }>;

const CLOSERS = '”"’\')]»';
const OPENERS = '“"‘\'([«';

function isAbbreviation(text: string, dot: number, from: number, next: string): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (!word) return false;
  // ("said no. But he said …": after a speech verb `no.` is an answer; "No. 10" stays an abbreviation.)
  if (text.slice(s, dot) === 'no' && !/\p{N}/u.test(next)) {
    const verb = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(from, s - 20), s))?.[1]?.toLowerCase();
    if (verb !== undefined && SPEECH_VERBS.has(verb)) return false;
  }
  if (/^\p{Lu}$/u.test(text.slice(s, dot))) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

const SUBORDINATOR = /^(when|if|as|after|before|while|because|since|although|though|once|until|unless)$/i;
const TAIL_ADJUNCT = /^(of|about|as|on|in|at|during|after|before|when|while|from)$/;

/**
 * "“….” Trump said.", "“Why?” Ms. Kerr asked." — a short speaker-and-cue tail after a closing mark belongs to the
 * quotation's sentence (a title's dot does not end the tail).
 */
function isAttributionTail(text: string, from: number, end: number): boolean {
  const limit = Math.min(end, from + 62);
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    if ('“”"'.includes(c)) return false;
    if (!'.!?,'.includes(c)) continue;
    if (c === '.' && i > from && isAbbreviation(text, i, from, text.slice(i + 1).trimStart()[0] ?? ''))
      continue;
    const ws = text.slice(from, i).split(/\s+/);
    const v = ws.findIndex((w) => SPEECH_VERBS.has(w.toLowerCase()));
    // ("“Why?” Ms. Kerr said about the mayor’s plan to close the pier.": a longer tail is the cue's adjunct.)
    const adjunct = v >= 0 && v < 6 && ws.length <= 16 && TAIL_ADJUNCT.test(ws[v + 1] ?? '');
    // ("When Mr. Thiel was revealed as …,": a fronted clause opens the next sentence.)
    if (SUBORDINATOR.test(ws[0]!)) return false;
    return i > from && v >= 0 && (ws.length <= 7 || adjunct);
  }
  return false;
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
    if (c === '.' && j === i + 1 && isAbbreviation(text, i, s, n)) continue;
    if (j > i + 1 && isAttributionTail(text, k, end)) continue;
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
