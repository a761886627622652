/** The stored data of DESIGN.md. Rows are plain objects; ids are made on the device (UUID v7). */
import type { Checkworthiness, ClaimKind, SpeakerType, TextMention } from '../extract/types';

export type ArticleId = string & { readonly _brand: 'ArticleId' };
export type SpeakerId = string & { readonly _brand: 'SpeakerId' };
export type ClaimId = string & { readonly _brand: 'ClaimId' };
export type SourceId = string & { readonly _brand: 'SourceId' };
export type EvidenceId = string & { readonly _brand: 'EvidenceId' };
export type QuestionId = string & { readonly _brand: 'QuestionId' };
export type HistoryId = string & { readonly _brand: 'HistoryId' };

/** Milliseconds since the epoch. */
export type Timestamp = number;

/** Every stored row: a device-made id, a change time, and a tombstone instead of a delete. */
export type RowMeta = Readonly<{
  updatedAt: Timestamp;
  deletedAt: Timestamp | null;
}>;

export type Article = RowMeta &
  Readonly<{
    id: ArticleId;
    title: string;
    text: string;
    outlet: string | null;
    url: string | null;
    publishedAt: string | null;
    importedAt: Timestamp;
    /** Extractor version that produced the stored claims. */
    extractorVersion: string;
    /** Hex SHA-256 of `text`: one article per distinct text. */
    sha256: string;
    /** Ranges the extractor marked as boilerplate. */
    boilerplate: readonly { start: number; end: number; reason: string }[];
  }>;

export type Speaker = RowMeta &
  Readonly<{
    id: SpeakerId;
    name: string;
    /** Lower-cased name used to find the same entity across articles. */
    key: string;
    type: SpeakerType;
    role: string | null;
    aliases: readonly string[];
  }>;

export const VERDICTS = [
  'unchecked',
  'in progress',
  'true',
  'mostly true',
  'half true',
  'mostly false',
  'false',
  'misleading',
  'unverifiable',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A text-quote selector (W3C Web Annotation): lets an anchor be found again after the text changes. */
export type TextQuoteSelector = Readonly<{ exact: string; prefix: string; suffix: string }>;

export type ClaimOrigin = 'extracted' | 'manual';

export type Claim = RowMeta &
  Readonly<{
    id: ClaimId;
    articleId: ArticleId;
    speakerId: SpeakerId | null;
    text: string;
    start: number;
    end: number;
    quote: TextQuoteSelector;
    kind: ClaimKind;
    cue: TextMention | null;
    speakerMention: TextMention | null;
    confidence: number;
    checkworthy: Checkworthiness;
    verdict: Verdict;
    ratingNote: string;
    tags: readonly string[];
    notes: string;
    origin: ClaimOrigin;
    createdAt: Timestamp;
    /** The attribution rule that found an extracted claim (`RULES` in src/core/attribution/rules.ts). */
    rule?: string;
    /** Claims of one quotation (runs split around the cue, or over paragraphs) share it. */
    groupId?: string;
  }>;

export const SOURCE_TYPES = [
  'primary document',
  'official statistics',
  'court or parliamentary record',
  'news report',
  'expert',
  'social media',
  'other',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export type Source = RowMeta &
  Readonly<{
    id: SourceId;
    url: string;
    title: string;
    publisher: string;
    date: string | null;
    type: SourceType;
    notes: string;
    excerpt: string | null;
  }>;

export type EvidenceRelation = 'supports' | 'refutes' | 'context';

export type Evidence = RowMeta &
  Readonly<{
    id: EvidenceId;
    claimId: ClaimId;
    sourceId: SourceId;
    relation: EvidenceRelation;
    passage: string;
    note: string;
  }>;

export type Stance = 'for' | 'against' | 'neutral' | 'mixed';

export type Question = RowMeta &
  Readonly<{
    id: QuestionId;
    text: string;
    articleIds: readonly ArticleId[];
    /** claim id → the claim's speaker's stance on this question */
    stances: Readonly<Record<string, Stance>>;
    /** The keys of `stances`, indexed (schema version 4) to find the questions a claim is placed under. */
    placedClaimIds: readonly ClaimId[];
  }>;

export type HistoryTable = 'claims' | 'speakers' | 'sources' | 'evidence' | 'articles' | 'questions';

/** What a history batch is: a user's change, or the undo / redo of an earlier change batch. */
export type HistoryBatchKind = 'change' | 'undo' | 'redo';

/**
 * Append-only: one row per change to one row of another table. Undo applies `from` to the row
 * (for 'create', tombstone it); redo applies `to`. An article import is one 'articles' 'create'
 * entry whose `to` lists the claims and speakers it created (plus a 'speakers' 'update' per
 * existing speaker that gained aliases), not one entry per claim.
 */
export type HistoryEntry = Readonly<{
  id: HistoryId;
  table: HistoryTable;
  rowId: string;
  /** Rows changed together (a bulk edit, an import, a merge) share a batch, undone as one. */
  batchId: string;
  /** 'delete' and 'restore' are tombstone changes ({ deletedAt }), never removals. */
  action: 'create' | 'update' | 'delete' | 'restore';
  /**
   * The changed fields before and after (`updatedAt` left out; a field that did not exist is
   * `undefined` in `from`). For 'create': `from` null and `to` the new row (an article: a summary
   * `{ title, sha256, extractorVersion, claimIds, createdSpeakerIds }`). Tombstones of an
   * article or a merged speaker also carry `claimIds` / `mergedInto` in `to`.
   */
  from: Readonly<Record<string, unknown>> | null;
  to: Readonly<Record<string, unknown>> | null;
  at: Timestamp;
  /**
   * Never set since schema version 2 (history is append-only: an undo is a new 'undo' batch whose
   * `target` is the batch it reverses); kept so version-1 rows read the same.
   */
  undoneAt: Timestamp | null;
  /** 'change' for a user's edit; 'undo' / 'redo' for a batch that reverses / replays `target`. Since v2. */
  batchKind: HistoryBatchKind;
  /** For 'undo' and 'redo' batches: the id of the change batch they act on; else null. Since v2. */
  target: string | null;
  /** A label for the whole batch when the writer knows better than the entries (e.g. "Accept 3 re-extraction proposals"). Since v2. */
  label?: string | null;
  /**
   * Team sync (schema version 5): who made the change and on which device. Set on entries pulled
   * from a team's server and on this device's entries as pushed; absent on entries made here
   * before they were pushed (and on every entry of a library never synced): those are this device's.
   */
  author?: string;
  deviceId?: string;
}>;
