import { claimContext } from '../review/context';
import { kindLabel } from '../review/kinds';
import { claimReviewRating, verdictLabel } from '../review/verdicts';
import { type ExportItem, httpUrl, isoTime } from './export-item';

/**
 * One claim of a JSON claim list: what the CSV's row says, with its lists as arrays, its numbers
 * as numbers and each source as an object, for scripts (Python, R, jq) that would otherwise split
 * the CSV's `; `-joined cells. Unlike the JSON backup, it follows the view it was exported from
 * and is not restored.
 */
export function claimDocument(item: ExportItem) {
  const { claim: c, article: a, speaker: s, links } = item;
  const context = claimContext(a.text, c.start, c.end);
  return {
    id: c.id,
    article: {
      id: a.id,
      title: a.title,
      outlet: a.outlet ?? null,
      url: httpUrl(a.url),
      published: a.publishedAt ?? null,
    },
    text: c.text,
    start: c.start,
    end: c.end,
    kind: c.kind,
    kindLabel: kindLabel(c.kind),
    speaker: s && { id: s.id, name: s.name, type: s.type, role: s.role ?? null },
    speakerMention: c.speakerMention?.text ?? null,
    cue: c.cue?.text ?? null,
    confidence: c.confidence,
    checkworthy: { score: c.checkworthy.score, signals: [...c.checkworthy.signals] },
    context: {
      before: `${context.clippedStart ? '…' : ''}${context.before}`,
      after: `${context.after}${context.clippedEnd ? '…' : ''}`,
    },
    verdict: c.verdict,
    verdictLabel: verdictLabel(c.verdict),
    claimReviewRating: claimReviewRating(c.verdict)?.alternateName ?? null,
    ratingNote: c.ratingNote,
    tags: [...c.tags],
    sources: links.map(({ evidence: e, source: src }) => ({
      relation: e.relation,
      url: httpUrl(src.url),
      title: src.title,
      publisher: src.publisher,
      date: src.date,
      passage: e.passage,
      note: e.note,
    })),
    notes: c.notes,
    origin: c.origin,
    createdAt: isoTime(c.createdAt),
    updatedAt: isoTime(c.updatedAt),
  };
}
