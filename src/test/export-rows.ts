/** Rows for the export and backup tests: one small library with every kind of row. */
import type { ExportItem } from '@/core/export/export-item';
import type {
  Article,
  ArticleId,
  Claim,
  ClaimId,
  Evidence,
  EvidenceId,
  HistoryEntry,
  HistoryId,
  Question,
  QuestionId,
  Source,
  SourceId,
  Speaker,
  SpeakerId,
} from '@/core/model/types';

export const TEXT = `Council to cut bus routes

The mayor, Jo Hart, said: "We will =SUM(A1) save £2m a year."
-5 degrees is the coldest night on record, the forecaster said.
Critics said the plan <script>alert(1)</script> would *hurt* rural [villages](javascript:alert(1)).`;

const SHA = 'a'.repeat(64);
const T = Date.UTC(2026, 0, 15, 10, 0, 0);

export function article(over: Partial<Article> = {}): Article {
  return {
    id: 'art-1' as ArticleId,
    title: 'Council to cut bus routes',
    text: TEXT,
    outlet: 'The Courier',
    url: 'https://news.example/bus-cuts',
    publishedAt: '2026-01-14',
    importedAt: T,
    extractorVersion: '0.3.1',
    sha256: SHA,
    boilerplate: [],
    updatedAt: T,
    deletedAt: null,
    ...over,
  };
}

export function speaker(over: Partial<Speaker> = {}): Speaker {
  return {
    id: 'sp-1' as SpeakerId,
    name: 'Jo Hart',
    key: 'jo hart',
    type: 'person',
    role: 'mayor',
    aliases: ['The mayor'],
    updatedAt: T,
    deletedAt: null,
    ...over,
  };
}

/** A claim of TEXT found by its words. */
export function claim(words: string, over: Partial<Claim> = {}): Claim {
  const start = TEXT.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in TEXT`);
  const end = start + words.length;
  return {
    id: `cl-${start}` as ClaimId,
    articleId: 'art-1' as ArticleId,
    speakerId: 'sp-1' as SpeakerId,
    text: words,
    start,
    end,
    quote: {
      exact: words,
      prefix: TEXT.slice(Math.max(0, start - 32), start),
      suffix: TEXT.slice(end, end + 32),
    },
    kind: 'direct',
    cue: { start: start - 7, end: start - 3, text: 'said' },
    speakerMention: null,
    confidence: 0.9,
    checkworthy: { score: 0.7, signals: ['number', 'money'] },
    verdict: 'false',
    ratingNote: 'The budget shows £0.5m.',
    tags: ['transport', 'budget'],
    notes: 'Asked the council.',
    origin: 'extracted',
    createdAt: T,
    updatedAt: T + 1000,
    deletedAt: null,
    ...over,
  };
}

export function source(over: Partial<Source> = {}): Source {
  return {
    id: 'src-1' as SourceId,
    url: 'https://council.example/budget.pdf',
    title: 'Budget 2026 (draft)',
    publisher: 'County Council',
    date: '2026-01-02',
    type: 'primary document',
    notes: '',
    excerpt: null,
    updatedAt: T,
    deletedAt: null,
    ...over,
  };
}

export function evidence(over: Partial<Evidence> = {}): Evidence {
  return {
    id: 'ev-1' as EvidenceId,
    claimId: claim('We will =SUM(A1) save £2m a year.').id,
    sourceId: 'src-1' as SourceId,
    relation: 'refutes',
    passage: 'Savings: £0.5m',
    note: '',
    updatedAt: T,
    deletedAt: null,
    ...over,
  };
}

export function question(over: Partial<Question> = {}): Question {
  return {
    id: 'q-1' as QuestionId,
    text: 'Should the routes be cut?',
    articleIds: ['art-1' as ArticleId],
    stances: { [claim('We will =SUM(A1) save £2m a year.').id]: 'for' },
    placedClaimIds: [claim('We will =SUM(A1) save £2m a year.').id],
    updatedAt: T,
    deletedAt: null,
    ...over,
  };
}

export function history(over: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: 'h-1' as HistoryId,
    table: 'claims',
    rowId: claim('We will =SUM(A1) save £2m a year.').id,
    batchId: 'b-1',
    action: 'update',
    from: { verdict: 'unchecked' },
    to: { verdict: 'false' },
    at: T + 1000,
    undoneAt: null,
    batchKind: 'change',
    target: null,
    label: null,
    ...over,
  };
}

export function item(c: Claim, over: Partial<ExportItem> = {}): ExportItem {
  return {
    claim: c,
    article: article(),
    speaker: c.speakerId ? speaker() : null,
    links: c.id === evidence().claimId ? [{ evidence: evidence(), source: source() }] : [],
    ...over,
  };
}

export const MAYOR = 'We will =SUM(A1) save £2m a year.';
export const MINUS = '-5 degrees is the coldest night on record';
export const CRITICS =
  'the plan <script>alert(1)</script> would *hurt* rural [villages](javascript:alert(1)).';

/** A `urn:uuid:` URN with a well-formed UUID (RFC 9562: 8-4-4-4-12 hex digits, a version and variant). */
export const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
