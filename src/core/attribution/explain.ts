import type { ClaimKind, ExtractedClaim } from '../extract/types';
import { isRuleId, RULES } from './rules';

const KIND_WORDS: Readonly<Record<ClaimKind, string>> = {
  direct: 'direct quote',
  indirect: 'reported speech',
  mixed: 'partly quoted report',
  headline: 'headline',
  unattributed: 'no speaker',
};

type Explained = Pick<ExtractedClaim, 'kind' | 'cue' | 'speakerMention' | 'start' | 'end'> & {
  rule?: string;
};

/** A relative pronoun as the words a claim's speaker rests on ("Tom Hale, who said …"). */
const RELATIVE_PRONOUN = /^(who|whom|which|that)$/i;

/**
 * Why the extractor thinks this claim is someone's, in one line:
 * "direct quote · cue 'said' · speaker 'Ms Hart' from the cue after the quote". Pure; works on stored
 * claims too (a claim saved before rules were recorded, or typed by hand, says so). `speakerName`, when given,
 * names the antecedent of a relative pronoun ("speaker 'who' (Tom Hale)"): the pronoun alone says nothing.
 */
export function explainClaim(claim: Explained, speakerName?: string | null): string {
  const parts = [KIND_WORDS[claim.kind]];
  if (claim.cue) parts.push(`cue '${claim.cue.text}'`);
  const m = claim.speakerMention;
  const said = m
    ? `speaker '${m.text}'${speakerName && RELATIVE_PRONOUN.test(m.text.trim()) ? ` (${speakerName})` : ''}`
    : null;
  if (!claim.rule) {
    parts.push(said ?? 'no rule recorded');
    return parts.join(' · ');
  }
  if (!isRuleId(claim.rule)) {
    parts.push(`rule ${claim.rule}`);
    return parts.join(' · ');
  }
  const from = RULES[claim.rule].speakerFrom;
  parts.push(said ? `${said} from ${from}` : `speaker from ${from}`);
  return parts.join(' · ');
}

/**
 * The claim panel's "why" line: `explainClaim` with the rule's name and how sure the engine was, as one
 * sentence: "Direct quote · cue 'said' · speaker 'Dr Ada Obi' from the cue after the quote (rule
 * quote-cue-after, confidence 90 %)." A claim added by hand has no rule and says so.
 */
export function whyLine(
  claim: Explained & { confidence?: number; origin?: string },
  speakerName?: string | null,
): string {
  if (claim.origin === 'manual') return 'Added by hand: the extractor did not find this claim.';
  const line = explainClaim(claim, speakerName);
  const said = line.charAt(0).toUpperCase() + line.slice(1);
  const facts: string[] = [];
  if (claim.rule) facts.push(`rule ${claim.rule}`);
  if (typeof claim.confidence === 'number' && Number.isFinite(claim.confidence)) {
    facts.push(`confidence ${Math.round(Math.min(Math.max(claim.confidence, 0), 1) * 100)} %`);
  }
  return facts.length ? `${said} (${facts.join(', ')}).` : `${said}.`;
}
