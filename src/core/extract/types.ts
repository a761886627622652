/** The extractor's output: the command-line contract of DESIGN.md, shared by the worker, the CLI and the app. */

export type SpeakerType = 'person' | 'group' | 'organization' | 'document' | 'unknown';

export type ClaimKind = 'direct' | 'indirect' | 'mixed' | 'headline' | 'unattributed';

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
  /** 0..1 */
  confidence: number;
  checkworthy: Checkworthiness;
}>;

export type BoilerplateRange = Readonly<{ start: number; end: number; reason: string }>;

export type Extraction = Readonly<{
  speakers: readonly ExtractedSpeaker[];
  claims: readonly ExtractedClaim[];
  /** Ranges the extractor ignored (ads, related links, repeated captions…), for dimming in the UI. */
  boilerplate: readonly BoilerplateRange[];
  /** Version of the extractor that produced this result. */
  version: string;
}>;
