import { attributeClaims } from '../attribution/attribute';
import { PRONOUNS } from '../attribution/lexicon';
import { confidenceOf } from '../attribution/rules';
import { checkworthiness } from '../checkworthy/signals';
import { findBoilerplate } from '../text/clean';
import { withoutLead } from '../text/lead';
import { linesOf } from '../text/lines';
import { joinWrappedQuotes } from '../text/quotes';
import type { ExtractedClaim, Extraction, Granularity, TextMention } from './types';

export const EXTRACTOR_VERSION = '0.4.0';

export type ExtractOptions = Readonly<{
  /** 'quotation' (default): one claim per quotation-mark run or reported clause; see `Granularity`. */
  granularity?: Granularity;
}>;

const mention = (text: string, r: { start: number; end: number } | null): TextMention | null =>
  r ? { start: r.start, end: r.end, text: text.slice(r.start, r.end) } : null;

/**
 * text → clean → segment → quotes → cues → speakers → claims.
 * Pure and deterministic: the same text always gives the same result; offsets index `text` as given.
 * A rule that throws on an odd input does not take the app down: the result keeps the boilerplate, has no
 * claims, and says what failed in `error` (callers show or log it).
 */
export function extractClaims(text: string, options: ExtractOptions = {}): Extraction {
  if (typeof text !== 'string' || !text.trim())
    return { speakers: [], claims: [], boilerplate: [], version: EXTRACTOR_VERSION };
  const lines = joinWrappedQuotes(text, linesOf(text));
  const boilerplate = findBoilerplate(text, lines);
  let found: ReturnType<typeof attributeClaims>;
  try {
    // Boilerplate is read on whole lines (`WATCH: …` promos); claims never start in a dateline or a label.
    found = attributeClaims(text, lines.map(withoutLead), boilerplate, options.granularity ?? 'quotation');
  } catch (e) {
    const error = `attribution failed: ${e instanceof Error ? e.message : String(e)}`;
    return { speakers: [], claims: [], boilerplate, version: EXTRACTOR_VERSION, error };
  }
  const { drafts, registry } = found;
  const groupIds = new Map<number, string>();
  const claims: ExtractedClaim[] = drafts.map((d, i) => {
    const span = text.slice(d.start, d.end);
    const said = mention(text, d.mention);
    const group = d.group ?? -1 - i;
    if (!groupIds.has(group)) groupIds.set(group, `q${groupIds.size + 1}`);
    return {
      id: `c${i + 1}`,
      text: span,
      start: d.start,
      end: d.end,
      kind: d.kind,
      speakerId: d.entity.id,
      speakerMention: said,
      cue: mention(text, d.cue),
      confidence: confidenceOf(d.rule, !!said && PRONOUNS.has(said.text.toLowerCase())),
      checkworthy: checkworthiness(span),
      rule: d.rule,
      groupId: groupIds.get(group)!,
    };
  });
  const speakers = registry.output(new Set(drafts.map((d) => d.entity.id)));
  return { speakers, claims, boilerplate, version: EXTRACTOR_VERSION };
}
