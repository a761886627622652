import { attributeClaims, type Granularity } from '../attribution/claims';
import { checkworthiness } from '../checkworthy/signals';
import { findBoilerplate } from '../text/clean';
import { linesOf } from '../text/lines';
import type { ExtractedClaim, Extraction, TextMention } from './types';

export const EXTRACTOR_VERSION = '0.3.1';

export type ExtractOptions = Readonly<{
  /** 'passage' (default): one claim per run of quotation by one speaker; 'sentence': one per quoted sentence. */
  granularity?: Granularity;
}>;

const mention = (text: string, r: { start: number; end: number } | null): TextMention | null =>
  r ? { start: r.start, end: r.end, text: text.slice(r.start, r.end) } : null;

/**
 * text → clean → segment → quotes → cues → speakers → claims.
 * Pure and deterministic: the same text always gives the same result; offsets index `text` as given.
 */
export function extractClaims(text: string, options: ExtractOptions = {}): Extraction {
  if (typeof text !== 'string' || !text.trim())
    return { speakers: [], claims: [], boilerplate: [], version: EXTRACTOR_VERSION };
  const lines = linesOf(text);
  const boilerplate = findBoilerplate(text, lines);
  let found: ReturnType<typeof attributeClaims>;
  try {
    found = attributeClaims(text, lines, boilerplate, options.granularity ?? 'passage');
  } catch {
    // A rule that trips on an odd input must not take the article down: keep the boilerplate, drop the claims.
    return { speakers: [], claims: [], boilerplate, version: EXTRACTOR_VERSION };
  }
  const { drafts, registry } = found;
  const claims: ExtractedClaim[] = drafts.map((d, i) => {
    const span = text.slice(d.start, d.end);
    return {
      id: `c${i + 1}`,
      text: span,
      start: d.start,
      end: d.end,
      kind: d.kind,
      speakerId: d.entity.id,
      speakerMention: mention(text, d.mention),
      cue: mention(text, d.cue),
      confidence: d.confidence,
      checkworthy: checkworthiness(span),
    };
  });
  const speakers = registry.output(new Set(drafts.map((d) => d.entity.id)));
  return { speakers, claims, boilerplate, version: EXTRACTOR_VERSION };
}
