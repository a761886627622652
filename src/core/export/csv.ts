import Papa from 'papaparse';
import { claimContext } from '../review/context';
import { kindLabel } from '../review/kinds';
import { claimReviewRating, verdictLabel } from '../review/verdicts';
import { safeCell } from './csv-cell';
import { type ExportItem, isoTime } from './export-item';

/**
 * The columns of the claims CSV. Those the extractor's command line also writes (`npm run extract
 * -- --format csv`) have the same names and values there: claim, start, end, kind, speaker,
 * speaker_type, speaker_role, speaker_mention, cue, confidence, checkworthy, signals, text.
 */
export const CSV_COLUMNS = [
  'article_id',
  'article_title',
  'article_outlet',
  'article_url',
  'article_published',
  'claim',
  'start',
  'end',
  'kind',
  'kind_label',
  'speaker_id',
  'speaker',
  'speaker_type',
  'speaker_role',
  'speaker_mention',
  'cue',
  'confidence',
  'checkworthy',
  'signals',
  'text',
  'context',
  'verdict',
  'verdict_label',
  'claimreview_rating',
  'rating_note',
  'tags',
  'source_urls',
  'source_relations',
  'sources',
  'notes',
  'origin',
  'created_at',
  'updated_at',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Joined lists inside one cell. */
const LIST = '; ';

function context(item: ExportItem): string {
  const c = claimContext(item.article.text, item.claim.start, item.claim.end);
  return `${c.clippedStart ? '…' : ''}${c.before}${c.claim}${c.after}${c.clippedEnd ? '…' : ''}`
    .replace(/\s+/g, ' ')
    .trim();
}

export function csvRecord(item: ExportItem): Record<CsvColumn, string | number> {
  const { claim: c, article: a, speaker: s, links } = item;
  const rating = claimReviewRating(c.verdict);
  return {
    article_id: a.id,
    article_title: a.title,
    article_outlet: a.outlet ?? '',
    article_url: a.url ?? '',
    article_published: a.publishedAt ?? '',
    claim: c.id,
    start: c.start,
    end: c.end,
    kind: c.kind,
    kind_label: kindLabel(c.kind),
    speaker_id: s?.id ?? '',
    speaker: s?.name ?? '',
    speaker_type: s?.type ?? '',
    speaker_role: s?.role ?? '',
    speaker_mention: c.speakerMention?.text ?? '',
    cue: c.cue?.text ?? '',
    confidence: c.confidence,
    checkworthy: c.checkworthy.score,
    signals: c.checkworthy.signals.join(' '),
    text: c.text,
    context: context(item),
    verdict: c.verdict,
    verdict_label: verdictLabel(c.verdict),
    claimreview_rating: rating?.alternateName ?? '',
    rating_note: c.ratingNote,
    tags: c.tags.join(LIST),
    source_urls: links.map((l) => l.source.url).join(LIST),
    source_relations: links.map((l) => l.evidence.relation).join(LIST),
    sources: links
      .map(
        (l) =>
          `${l.evidence.relation}: ${l.source.title || l.source.url}${l.source.url ? ` <${l.source.url}>` : ''}`,
      )
      .join(LIST),
    notes: c.notes,
    origin: c.origin,
    created_at: isoTime(c.createdAt),
    updated_at: isoTime(c.updatedAt),
  };
}

export type CsvOptions = Readonly<{ bom?: boolean }>;

const NEWLINE = '\r\n';

/** The header line (with a UTF-8 byte order mark first when asked, for spreadsheet programs). */
export function csvHeader(options: CsvOptions = {}): string {
  return `${options.bom ? '\ufeff' : ''}${Papa.unparse([CSV_COLUMNS as unknown as string[]], { newline: NEWLINE })}${NEWLINE}`;
}

/** Rows for a page of claims, each ended by CRLF (RFC 4180), so pages can be concatenated. */
export function csvRows(items: readonly ExportItem[]): string {
  if (items.length === 0) return '';
  const data = items.map((item) => {
    const r = csvRecord(item);
    return CSV_COLUMNS.map((k) => safeCell(r[k]));
  });
  return `${Papa.unparse(data, { newline: NEWLINE, header: false })}${NEWLINE}`;
}

/** A whole CSV file (header and rows). */
export function claimsCsv(items: readonly ExportItem[], options: CsvOptions = {}): string {
  return csvHeader(options) + csvRows(items);
}
