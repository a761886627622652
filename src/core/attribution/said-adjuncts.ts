import type { Token } from '../text/tokens';
import type { Cue } from './cues';

const SAY = /^(said|says|say)$/;
const FINITE = /^(is|was|are|were|will|would|has|have|had|can|could|does|did|do)$/;
const SUBJECT_PRONOUN = /^(he|she|they|we|i|it)$/;
const ABOUT_OBJECT = /^(the|his|her|their|its|this|these|those|my|our|your)$/;

/** Where the words of a `said` adjunct end: at a `that` (its clause is the content) or at the sentence's end. */
type Adjunct = { content: number; only: boolean };

/** From j, the first `, that` / `that` (the content after the adjunct), or the sentence's end when none. */
function scanToContent(tokens: readonly Token[], j: number, n: number, finiteEnds: boolean): Adjunct | null {
  for (let k = j + 1; k < n; k++) {
    const t = tokens[k]!;
    if (t.key === 'that') return { content: k, only: false };
    // ("said about its platform:" and the quotation after it: the cue's own path.)
    if (t.text === ':') return null;
    if (t.text === ';' || (t.text === ',' && tokens[k + 1]?.key !== 'that')) return null;
    if (finiteEnds && FINITE.test(t.key)) return null;
  }
  return { content: n, only: true };
}

/**
 * "Mr. Biden said, clutching the lectern.", "said as he launched the process", "said of the encounter he had last
 * week", "said about the filibuster": after a `said`-type cue, a participle after its comma, or an `of`/`about`/
 * `as`-clause adjunct, is how or of what it was said, not what was said. The content is the `that` clause after the
 * adjunct, or none.
 */
export function saidAdjunct(tokens: readonly Token[], cue: Cue, j: number, n: number): Adjunct | null {
  if (!SAY.test(cue.key)) return null;
  const t = tokens[j];
  if (!t?.word || t.cap) return null;
  if (
    tokens[cue.to + 1]?.text === ',' &&
    j === cue.to + 2 &&
    /^[a-z]{3,}ing$/.test(t.key) &&
    !/thing$/.test(t.key)
  )
    return scanToContent(tokens, j, n, true);
  if (j !== cue.to + 1) return null;
  const next = tokens[j + 1];
  // "… and said little, according to an attendee": an amount of talk, not what was said.
  // (Only before the sentence's end or its source: "Lazar said little, offering only …" keeps Lazar the latest
  // speaker for the "he" after it.)
  if (
    /^(little|nothing|much|less|more|few)$/.test(t.key) &&
    (!next || /^[.;)]$/.test(next.text) || (next.text === ',' && tokens[j + 2]?.key === 'according'))
  )
    return { content: n, only: true };
  if (!next?.word) return null;
  const adjunct =
    t.key === 'of' ||
    (t.key === 'about' && (ABOUT_OBJECT.test(next.key) || (next.cap && !/^\d/.test(next.text)))) ||
    (t.key === 'as' && SUBJECT_PRONOUN.test(next.key) && !!tokens[j + 2]?.word);
  return adjunct ? scanToContent(tokens, j, n, false) : null;
}
