import { kindLabel } from '../review/kinds';
import { verdictLabel } from '../review/verdicts';
import { claimUrn } from './claim-urn';
import { type ExportItem, httpUrl, isoTime } from './export-item';

/** A W3C Web Annotation (www.w3.org/TR/annotation-model) of one claim on its article. */
export type WebAnnotation = Readonly<{
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'assessing';
  created?: string;
  modified?: string;
  body: readonly Readonly<Record<string, unknown>>[];
  target: Readonly<{
    source: string;
    selector: readonly [
      Readonly<{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }>,
      Readonly<{ type: 'TextPositionSelector'; start: number; end: number }>,
    ];
  }>;
}>;

/** The article's address: its http(s) URL, or `urn:sha256:` of its text when it has none. */
export const articleIri = (item: ExportItem): string =>
  httpUrl(item.article.url) ?? `urn:sha256:${item.article.sha256}`;

/** Characters of context the quote selector carries on each side. */
const CONTEXT = 32;

/** `times: false` leaves out `created` / `modified` (the command line's extraction has no stored times). */
export function webAnnotationOf(
  item: ExportItem,
  options: Readonly<{ times?: boolean }> = {},
): WebAnnotation {
  const { claim, article, speaker, links } = item;
  const body: Record<string, unknown>[] = [
    {
      type: 'TextualBody',
      purpose: 'describing',
      format: 'text/plain',
      value: speaker
        ? `${kindLabel(claim.kind)} by ${speaker.name}${speaker.role ? ` (${speaker.role})` : ''}`
        : kindLabel(claim.kind),
    },
    { type: 'TextualBody', purpose: 'tagging', value: `verdict: ${verdictLabel(claim.verdict)}` },
  ];
  if (speaker) body.push({ type: 'TextualBody', purpose: 'identifying', value: speaker.name });
  if (claim.ratingNote.trim())
    body.push({ type: 'TextualBody', purpose: 'commenting', value: claim.ratingNote.trim() });
  for (const tag of claim.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  for (const l of links) {
    const url = httpUrl(l.source.url);
    if (url)
      body.push({ type: 'SpecificResource', purpose: 'linking', source: url, relation: l.evidence.relation });
  }
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: claimUrn(claim.id),
    type: 'Annotation',
    motivation: 'assessing',
    ...(options.times === false
      ? {}
      : { created: isoTime(claim.createdAt), modified: isoTime(claim.updatedAt) }),
    body,
    target: {
      source: articleIri(item),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: article.text.slice(claim.start, claim.end),
          prefix: article.text.slice(Math.max(0, claim.start - CONTEXT), claim.start),
          suffix: article.text.slice(claim.end, claim.end + CONTEXT),
        },
        { type: 'TextPositionSelector', start: claim.start, end: claim.end },
      ],
    },
  };
}
