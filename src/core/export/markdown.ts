import { kindLabel } from '../review/kinds';
import { verdictLabel } from '../review/verdicts';
import { type ExportItem, httpUrl } from './export-item';

/**
 * Text as Markdown shows it literally: HTML is entity-escaped, Markdown punctuation
 * backslash-escaped, line breaks folded to spaces (a claim stays one list item).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-!|~]/g, '\\$&');
}

/** A link only for an http(s) address (percent-encoding what would end a Markdown link); else the escaped text. */
export function markdownLink(label: string, url: string | null | undefined): string {
  const href = httpUrl(url);
  const text = escapeMarkdown(label || url || '');
  if (!href) return text;
  const safe = href.replace(
    /[()<> ]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `[${text}](${safe})`;
}

export type MarkdownReportOptions = Readonly<{
  /** The report's heading, e.g. the article's title or "Claims: verdict False". */
  title: string;
  /** Lines under the heading (already plain text; escaped here). */
  subtitle?: string;
}>;

type Group = { key: string; name: string; role: string | null; items: ExportItem[] };

function groupBySpeaker(items: readonly ExportItem[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const key = item.speaker?.id ?? '';
    let g = groups.get(key);
    if (!g) {
      g = { key, name: item.speaker?.name ?? 'No speaker', role: item.speaker?.role ?? null, items: [] };
      groups.set(key, g);
    }
    g.items.push(item);
  }
  return [...groups.values()].sort((a, b) => {
    if ((a.key === '') !== (b.key === '')) return a.key === '' ? 1 : -1;
    return a.name.localeCompare(b.name, 'en') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}

function claimLines(item: ExportItem, showArticle: boolean): string[] {
  const { claim, article, links } = item;
  const lines = [`- “${escapeMarkdown(claim.text)}” (${escapeMarkdown(kindLabel(claim.kind))})`];
  lines.push(`  - Verdict: **${escapeMarkdown(verdictLabel(claim.verdict))}**`);
  if (claim.ratingNote.trim()) lines.push(`  - Rating note: ${escapeMarkdown(claim.ratingNote)}`);
  if (showArticle) lines.push(`  - Article: ${markdownLink(article.title, article.url)}`);
  if (claim.tags.length) lines.push(`  - Tags: ${claim.tags.map(escapeMarkdown).join(', ')}`);
  for (const l of links) {
    const label = l.source.title || l.source.url;
    const by = l.source.publisher ? ` (${escapeMarkdown(l.source.publisher)})` : '';
    lines.push(
      `  - Source, ${escapeMarkdown(l.evidence.relation)}: ${markdownLink(label, l.source.url)}${by}`,
    );
  }
  return lines;
}

/** A report of claims grouped by speaker (speakers by name; no-speaker claims last; claims in the given order). */
export function markdownReport(items: readonly ExportItem[], options: MarkdownReportOptions): string {
  const articles = new Set(items.map((i) => i.article.id));
  const showArticle = articles.size > 1;
  const out = [`# ${escapeMarkdown(options.title)}`, ''];
  if (options.subtitle) out.push(escapeMarkdown(options.subtitle), '');
  if (!showArticle && items[0]) {
    const a = items[0].article;
    const meta = [a.outlet, a.publishedAt].filter((x): x is string => !!x).map(escapeMarkdown);
    out.push(`Article: ${markdownLink(a.title, a.url)}${meta.length ? ` — ${meta.join(', ')}` : ''}`, '');
  }
  out.push(
    `${items.length} ${items.length === 1 ? 'claim' : 'claims'}${showArticle ? ` from ${articles.size} articles` : ''}.`,
    '',
  );
  for (const g of groupBySpeaker(items)) {
    out.push(`## ${escapeMarkdown(g.name)}${g.role ? ` — ${escapeMarkdown(g.role)}` : ''}`, '');
    for (const item of g.items) out.push(...claimLines(item, showArticle));
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
