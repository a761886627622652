import { validateGold } from '../../eval/corpus';
import type { Gold } from '../../eval/score';

const OPENING = /^["“‘'«]/;
const CLOSING = /["”’'»]$/;
/** `,” she said. “` inside one claim: a direct claim ran over its cue into the next quotation-mark run. */
const RUN_OVER_CUE = /[,.!?—-]["”’]\s+[^"“”‘’]{1,80}?\s+["“‘]\p{Lu}/u;
/** A transcript or Q&A prefix (`RP:`, `DUNLEAVY:`) or a stage direction (`(laughs)`) at a claim's edge. */
const TURN_EDGE = /^(?:\p{Lu}[\p{Lu} .,'()-]*:|[([])|[)\]]$/u;

export const MIN_WORDS = 250;
export const MAX_WORDS = 900;

/** Breaches of the set's claim unit (heldout2/README.md, "Claim unit") in one claim, as readable lines. */
export function unitProblems(claim: Gold['claims'][number]): string[] {
  const { n, kind, text } = claim;
  const problems: string[] = [];
  if (text.trim() !== text) problems.push(`#${n} has outer whitespace`);
  if (kind === 'direct' && (OPENING.test(text) || CLOSING.test(text)))
    problems.push(`#${n} keeps a quotation mark at its edge`);
  // A headline keeps the marks of a quoted fragment (`rural wells need 'a real plan'`), not of a whole quotation.
  if (kind === 'headline' && OPENING.test(text) && CLOSING.test(text))
    problems.push(`#${n} is a whole quotation`);
  if (RUN_OVER_CUE.test(text)) problems.push(`#${n} runs over a cue into another quotation`);
  if (TURN_EDGE.test(text)) problems.push(`#${n} keeps a turn prefix or stage direction`);
  return problems;
}

/**
 * Everything wrong with one held-out article and its gold: the corpus validator (offsets, speakers, overlaps,
 * boilerplate, ambiguous aliases), the length, speakers without a claim and the claim unit.
 */
export function goldProblems(text: string, gold: Gold): string[] {
  const words = text.split(/\s+/).filter(Boolean).length;
  const used = new Set(gold.claims.map((c) => c.speaker));
  return [
    ...validateGold(text, gold),
    ...(words < MIN_WORDS || words > MAX_WORDS ? [`${words} words, not ${MIN_WORDS}-${MAX_WORDS}`] : []),
    ...(gold.claims.length === 0 ? ['no claims'] : []),
    ...gold.speakers.filter((s) => !used.has(s.id)).map((s) => `speaker ${s.id} has no claim`),
    ...gold.claims.flatMap(unitProblems),
  ];
}
