import { createHash } from 'node:crypto';
import type { ExportItem } from '../core/export/export-item';
import { webAnnotationOf } from '../core/export/web-annotation';
import type { Extraction } from '../core/extract/types';
import { normalizeText } from '../core/import/validate';
import { claimFromExtracted } from '../core/model/claim-row';
import type { Article, ArticleId, ClaimId, Speaker, SpeakerId } from '../core/model/types';

/**
 * The extractor's result as W3C Web Annotations, through the app's own `webAnnotationOf`: each
 * claim on its document, identified by `urn:sha256:` of the text (the command line has no URL), the
 * same as the app's for the same file when the offsets allow it.
 * No `created` / `modified` (nothing is stored), so the same input gives the same output.
 */
export function extractionAnnotations(id: string, text: string, x: Extraction): unknown[] {
  // The app stores (and hashes) the text normalised: when that only drops trailing blanks (a file's
  // last newline), every offset holds in both, so the source is the app's hash and the two join.
  const stored = normalizeText(text);
  const hashed = text.startsWith(stored) && x.claims.every((c) => c.end <= stored.length) ? stored : text;
  const article: Article = {
    id: id as ArticleId,
    title: id,
    text,
    outlet: null,
    url: null,
    publishedAt: null,
    importedAt: 0,
    extractorVersion: x.version,
    sha256: createHash('sha256').update(hashed, 'utf8').digest('hex'),
    boilerplate: [],
    updatedAt: 0,
    deletedAt: null,
  };
  const speakers = new Map<string, Speaker>(
    x.speakers.map((s) => [
      s.id,
      { ...s, id: s.id as SpeakerId, key: s.name.toLowerCase(), updatedAt: 0, deletedAt: null },
    ]),
  );
  return x.claims.map((c) => {
    const speaker = c.speakerId ? (speakers.get(c.speakerId) ?? null) : null;
    const claim = claimFromExtracted(c.id as ClaimId, article.id, text, c, speaker?.id ?? null, 0);
    const item: ExportItem = { claim, article, speaker, links: [] };
    return webAnnotationOf(item, { times: false });
  });
}
