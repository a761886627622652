import type { Article, Claim, Evidence, Source, Speaker } from '../model/types';

/** A source linked to a claim, as every export shows it. */
export type ExportLink = Readonly<{ evidence: Evidence; source: Source }>;

/** One claim with everything an export shows about it. */
export type ExportItem = Readonly<{
  claim: Claim;
  article: Article;
  speaker: Speaker | null;
  links: readonly ExportLink[];
}>;

/** Lookups an export needs besides the claims (read once per page by the app, from the backup by the CLI). */
export type ExportLookup = Readonly<{
  article: (id: string) => Article | undefined;
  speaker: (id: string) => Speaker | undefined;
  links: (claimId: string) => readonly ExportLink[];
}>;

/** A live claim of a live article, with its live links; null for what an export leaves out. */
export function exportItemOf(claim: Claim, lookup: ExportLookup): ExportItem | null {
  if (claim.deletedAt !== null) return null;
  const article = lookup.article(claim.articleId);
  if (!article || article.deletedAt !== null) return null;
  const speaker = claim.speakerId ? (lookup.speaker(claim.speakerId) ?? null) : null;
  return { claim, article, speaker, links: lookup.links(claim.id) };
}

/** Links of live evidence to live sources, in a stable order (supports, refutes, context; then id). */
export function liveLinks(
  evidence: readonly Evidence[],
  source: (id: string) => Source | undefined,
): ExportLink[] {
  const order = { supports: 0, refutes: 1, context: 2 } as const;
  const out: ExportLink[] = [];
  for (const e of evidence) {
    if (e.deletedAt !== null) continue;
    const s = source(e.sourceId);
    if (!s || s.deletedAt !== null) continue;
    out.push({ evidence: e, source: s });
  }
  return out.sort(
    (a, b) =>
      order[a.evidence.relation] - order[b.evidence.relation] ||
      (a.evidence.id < b.evidence.id ? -1 : a.evidence.id > b.evidence.id ? 1 : 0),
  );
}

/** The order every "many claims" export uses: article id, then position, then id (the `[articleId+start]` index order). */
export function compareForExport(a: Claim, b: Claim): number {
  if (a.articleId !== b.articleId) return a.articleId < b.articleId ? -1 : 1;
  if (a.start !== b.start) return a.start - b.start;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** ISO 8601 (UTC) of a timestamp, as every export writes times. */
export const isoTime = (t: number): string => new Date(t).toISOString();

/** An http(s) URL as given, or null (exports link nothing else). */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
