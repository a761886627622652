/**
 * Subjects the leftward phrase reader cannot parse because a modifier with verbs of its own sits between the
 * head and the cue: survey shares (`One in three said …`, `Nearly nine out of 10 say …`, `Just shy of half, 49%,
 * say …`) and plural groups with a participle or relative clause (`People briefed on the talks say …`,
 * `Democrats trying to regain the Senate say …`, `The officials whose laws were struck down say …`).
 * Read off PolNeAR train's missed reports (even-numbered articles only); a fallback, tried after every other
 * subject rule has failed.
 */
import type { Token } from '../text/tokens';
import { DETERMINERS, HEAD_TYPE, POSSESSIVE_PRONOUNS, SPEECH_VERBS } from './lexicon';
import type { Mention } from './mention';
import { shareEnd } from './survey-share';

// The share reader lives in `survey-share.ts` (one reader for every rule); re-exported for the phrase reader.
export { opensWithShare } from './survey-share';

/** Words that open a modifier after a plural head; an -ed participle counts only before a preposition. */
const POST =
  /^(who|whose|that|in|at|from|with|across|familiar|close|involved|surveyed|polled|questioned|interviewed)$/;
const PREP = /^(on|in|at|with|by|about|to|from|for|of)$/;

/** A plural noun: a group head from the lexicon, or any word with a plural ending (a modifier must follow it). */
const isPluralHead = (t: Token) =>
  t.word &&
  !/\d/.test(t.key) &&
  ((HEAD_TYPE.get(t.key) === 'group' && /s$/.test(t.key)) ||
    t.key === 'people' ||
    (/[^su]s$/.test(t.key) && !/(ss|is|ous)$/.test(t.key) && t.key.length > 4));

/** A plural head at tokens[i] (after determiners and adjectives) followed by a modifier: the head's index, or -1. */
function modifiedGroupHead(tokens: readonly Token[], i: number, last: number): number {
  for (let k = i; k <= last && k - i <= 4; k++) {
    const t = tokens[k]!;
    if (!t.word) return -1;
    if (!isPluralHead(t)) continue;
    // "Taoiseach defends housing plan": a verb in -s after a name, not a plural noun.
    const before = tokens[k - 1];
    if (k > i && before?.cap && !DETERMINERS.has(before.key) && HEAD_TYPE.get(t.key) !== 'group') return -1;
    const next = tokens[k + 1];
    if (!next?.word || next.cap) return -1;
    if (POST.test(next.key)) return k;
    if (/ing$/.test(next.key) && next.key.length > 4 && !SPEECH_VERBS.has(next.key)) return k;
    if (/ed$/.test(next.key) && PREP.test(tokens[k + 2]?.key ?? '') && !SPEECH_VERBS.has(next.key)) return k;
    return -1;
  }
  return -1;
}

/** The whole subject of the cue at tokens[cue] when it is a survey share or a modified plural group, or null. */
export function groupSubject(
  text: string,
  tokens: readonly Token[],
  cue: number,
  min: number,
): Mention | null {
  // "Just shy of half, 49%, say": an appositive share ends at the comma before the cue.
  const last = tokens[cue - 1]?.text === ',' ? cue - 2 : cue - 1;
  if (last < min) return null;
  // A speech verb in between is another report ("the state officials" is a noun after a determiner).
  const verbAt = (k: number) =>
    tokens[k]!.word &&
    !tokens[k]!.cap &&
    SPEECH_VERBS.has(tokens[k]!.key) &&
    !(k > 0 && (DETERMINERS.has(tokens[k - 1]!.key) || POSSESSIVE_PRONOUNS.has(tokens[k - 1]!.key)));
  // Clause starts to try: the sentence start, then after each comma, nearest the cue first.
  const starts = [min];
  // (", and all but two said": the conjunction opens the clause, not the subject.)
  for (let k = min; k < last; k++)
    if (tokens[k]!.text === ',') starts.push(/^(and|but)$/.test(tokens[k + 1]!.key) ? k + 2 : k + 1);
  for (const s of starts.reverse()) {
    if (s > last) continue;
    const between = tokens.slice(s, last + 1);
    if (between.some((t, k) => /^[;:“”"‘’()]$/.test(t.text) || verbAt(s + k))) continue;
    if (cue - s > 22) continue;
    const share = shareEnd(tokens, s, last);
    const head = share < 0 ? modifiedGroupHead(tokens, s, last) : -1;
    const end = share >= 0 ? share : head;
    if (end < 0) continue;
    // A survey share is the whole subject (or is followed by a short relative clause); a group keeps its modifier.
    const after = tokens.slice(end + 1, last + 1);
    if (share >= 0 && after.length > 0 && !/^(who|whose|that|surveyed|polled)$/.test(after[0]!.key)) continue;
    if (after.some((t) => t.text === ',')) continue;
    const from = tokens[s]!;
    const to = tokens[end]!;
    return {
      start: from.start,
      end: to.end,
      text: text.slice(from.start, to.end),
      kind: 'nominal',
      name: null,
      role: null,
      head: to.key,
      type: 'group',
      owner: null,
    };
  }
  return null;
}
