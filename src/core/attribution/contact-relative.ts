import type { Token } from '../text/tokens';
import { HEAD_TYPE, ROLE_WORDS } from './lexicon';
import { isVerbLike, type Subject, subjectBefore } from './mention';
import { QUOTE_OBJECT_VERBS } from './reporting-verbs';

/** Words that open the relative clause's own subject: "the island's MP", "his deputy", "critics", "he". */
const INNER_START =
  /^(the|his|her|their|its|our|my|this|these|those|some|many|most|one|two|he|she|they|we|i|you|critics|opponents|campaigners|residents|officials|experts|supporters|unions|activists)$/;

/**
 * "…, a move the island's MP called “reckless”", "a decision critics described as “a betrayal”": a relative
 * clause with no relative pronoun, after the noun it describes. The clause's own subject is the speaker, and the
 * naming after the cue is the report; the noun it describes is neither. Reads the subject phrase `read` that the
 * subject reader found (which runs over both), or null when it is no such clause.
 */
export function contactRelative(
  text: string,
  tokens: readonly Token[],
  read: Subject,
  cue: Readonly<{ from: number; key: string }>,
): Subject | null {
  if (!QUOTE_OBJECT_VERBS.has(cue.key)) return null;
  const s = tokens.findIndex((t) => t.start === (read.from ?? read.mention.start));
  if (s < 1 || !/^(a|an|another|the)$/.test(tokens[s]!.key) || tokens[s]!.cap) return null;
  // (Not at the sentence's start, where the phrase is the subject: "The council leader Jo Pratt called …".)
  if (tokens[s - 1]!.text !== ',' && !tokens[s - 1]!.word) return null;
  for (let m = s + 2; m < cue.from; m++) {
    const noun = tokens[m - 1]!;
    if (!noun.word || noun.cap || isVerbLike(noun.key) || /['’]s$/.test(noun.text)) return null;
    const t = tokens[m]!;
    if (!t.word || !(t.cap || INNER_START.test(t.key))) continue;
    // "a housing officer Jo Pratt": a person's noun before a name is her title.
    if (HEAD_TYPE.get(noun.key) === 'person' || ROLE_WORDS.has(noun.key)) return null;
    const inner = subjectBefore(text, tokens, cue.from, m);
    return inner && inner.mention.start === t.start ? inner : null;
  }
  return null;
}
