import type { Article, Claim, Evidence, Source, Speaker } from '../model/types';
import { claimReviewOf } from './claimreview';
import { csvHeader, csvRows } from './csv';
import { compareForExport, type ExportItem, exportItemOf, liveLinks } from './export-item';
import { claimDocument } from './json-claims';
import { JSON_LIST_CLOSE, JSON_LIST_OPEN, jsonListItems } from './json-list';
import { markdownReport } from './markdown';
import type { ExportSettings } from './settings';
import { webAnnotationOf } from './web-annotation';

export const EXPORT_FORMATS = ['csv', 'json', 'claimreview', 'webannotation', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_EXTENSION: Record<ExportFormat, string> = {
  csv: 'csv',
  json: 'claims.json',
  claimreview: 'claimreview.jsonld',
  webannotation: 'annotations.jsonld',
  markdown: 'md',
};

export const FORMAT_MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  claimreview: 'application/ld+json',
  webannotation: 'application/ld+json',
  markdown: 'text/markdown;charset=utf-8',
};

export type RenderOptions = Readonly<{
  settings: ExportSettings;
  /** CSV: a UTF-8 byte order mark first. */
  bom?: boolean;
  /** Markdown: the report's heading. */
  title: string;
}>;

/**
 * An export file, a chunk of text per page of claims. The app (pages read from IndexedDB) and the
 * command line (`npm run convert`, pages from a backup) both write through this, so the same
 * claims give the same bytes. Markdown groups by speaker, so it gathers its pages first.
 */
export async function* renderExport(
  format: ExportFormat,
  pages: AsyncIterable<readonly ExportItem[]> | Iterable<readonly ExportItem[]>,
  options: RenderOptions,
): AsyncGenerator<string> {
  switch (format) {
    case 'csv':
      yield csvHeader({ bom: options.bom });
      for await (const page of pages) yield csvRows(page);
      return;
    case 'markdown': {
      const all: ExportItem[] = [];
      for await (const page of pages) all.push(...page);
      yield markdownReport(all, { title: options.title });
      return;
    }
    default: {
      yield JSON_LIST_OPEN;
      let first = true;
      for await (const page of pages) {
        const docs =
          format === 'claimreview'
            ? page.map((i) => claimReviewOf(i, options.settings)).filter((d) => d !== null)
            : format === 'json'
              ? page.map(claimDocument)
              : page.map((i) => webAnnotationOf(i));
        if (docs.length === 0) continue;
        yield jsonListItems(docs, first);
        first = false;
      }
      yield JSON_LIST_CLOSE;
    }
  }
}

export type ExportTables = Readonly<{
  articles: readonly Article[];
  speakers: readonly Speaker[];
  sources: readonly Source[];
  claims: readonly Claim[];
  evidence: readonly Evidence[];
}>;

/** Every live claim of the tables (a backup's) as export items, in the order the app exports "all claims". */
export function exportItemsOfTables(t: ExportTables): ExportItem[] {
  const articles = new Map(t.articles.map((a) => [a.id as string, a]));
  const speakers = new Map(t.speakers.map((s) => [s.id as string, s]));
  const sources = new Map(t.sources.map((s) => [s.id as string, s]));
  const evidence = new Map<string, Evidence[]>();
  for (const e of t.evidence) evidence.set(e.claimId, [...(evidence.get(e.claimId) ?? []), e]);
  const lookup = {
    article: (id: string) => articles.get(id),
    speaker: (id: string) => speakers.get(id),
    links: (claimId: string) => liveLinks(evidence.get(claimId) ?? [], (id) => sources.get(id)),
  };
  return [...t.claims]
    .sort(compareForExport)
    .map((c) => exportItemOf(c, lookup))
    .filter((i): i is ExportItem => i !== null);
}

export { ALL_CLAIMS_TITLE } from './titles';
