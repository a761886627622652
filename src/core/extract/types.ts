/** The extractor's output: the command-line contract of DESIGN.md, shared by the worker, the CLI and the app. */

export type SpeakerType = 'person' | 'group' | 'organization' | 'document' | 'unknown';

export type ClaimKind = 'direct' | 'indirect' | 'mixed' | 'headline' | 'unattributed';

/**
 * The claim unit. `quotation` (default): one claim per quotation-mark run and per reported clause, never
 * holding its own cue or speaker; `passage`: runs of one quotation joined, cue included; `sentence`: one
 * claim per quoted sentence.
 */
export type Granularity = 'quotation' | 'passage' | 'sentence';

export const GRANULARITIES: readonly Granularity[] = ['quotation', 'passage', 'sentence'];

/** A half-open range of UTF-16 offsets into the text exactly as given (never a cleaned copy). */
export type TextRange = Readonly<{ start: number; end: number }>;

export type TextMention = Readonly<{ start: number; end: number; text: string }>;

export type ExtractedSpeaker = Readonly<{
  id: string;
  name: string;
  type: SpeakerType;
  role: string | null;
  aliases: readonly string[];
}>;

export type Checkworthiness = Readonly<{ score: number; signals: readonly string[] }>;

export type ExtractedClaim = Readonly<{
  id: string;
  /** Always `input.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  kind: ClaimKind;
  speakerId: string | null;
  speakerMention: TextMention | null;
  cue: TextMention | null;
  /** 0..1, from the rule's line in the confidence table (`src/core/attribution/rules.ts`). */
  confidence: number;
  checkworthy: Checkworthiness;
  /** The rule that found the claim (a key of `RULES` in `src/core/attribution/rules.ts`). */
  rule?: string;
  /** Claims of one quotation (runs split around the cue, or over paragraphs) share a group id. */
  groupId?: string;
}>;

export type BoilerplateRange = Readonly<{ start: number; end: number; reason: string }>;

export type Extraction = Readonly<{
  speakers: readonly ExtractedSpeaker[];
  claims: readonly ExtractedClaim[];
  /** Ranges the extractor ignored (ads, related links, repeated captions…), for dimming in the UI. */
  boilerplate: readonly BoilerplateRange[];
  /** Version of the extractor that produced this result. */
  version: string;
  /** A rule that failed on this text (the claims are then empty): reported, never silently swallowed. */
  error?: string;
}>;
