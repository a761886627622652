/**
 * Where a saved page came from, as the page says: its address, the outlet that published it and when.
 * "Save page as" keeps them in the page's head (the canonical link, Open Graph and article meta tags,
 * schema.org JSON-LD) and in the comment browsers write above it ("saved from url=(0071)https://…").
 * DOMPurify takes the head's meta, link and script elements out with everything else that is not
 * text, so they are read from the page as it came: only attribute values and JSON-LD's text, from an
 * inert document (DOMParser: no scripts run, nothing loads), each checked before it is kept.
 */
// biome-ignore lint/style/noRestrictedImports: the command line runs this file (through html-to-text) without the @ alias
import { checkUrl } from '../../core/import/validate';

export type PageFacts = Readonly<{ url: string | null; outlet: string | null; publishedAt: string | null }>;

type PageWindow = Window & typeof globalThis;
type Json = Record<string, unknown>;

const NO_FACTS: PageFacts = { url: null, outlet: null, publishedAt: null };

/** An absolute http(s) address, as the paste form's URL field accepts it. */
const httpUrl = (s: unknown): string | null => {
  const checked = typeof s === 'string' && s.trim().length <= 2000 ? checkUrl(s) : null;
  return checked?.ok ? checked.value : null;
};

/** A date a reader would accept as the publication date: parseable, in a plausible year, short. */
const pageDate = (s: unknown): string | null => {
  const date = typeof s === 'string' ? s.trim() : '';
  if (!date || date.length > 40) return null;
  const time = Date.parse(date);
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  return year >= 1900 && year <= 2100 ? date : null;
};

const name = (s: unknown): string | null => {
  const text = typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '';
  return text && text.length <= 200 ? text : null;
};

/** The page's JSON-LD objects, `@graph` and arrays flattened. */
function jsonLd(html: string): Json[] {
  const out: Json[] = [];
  const add = (v: unknown, depth: number) => {
    if (depth > 3 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) for (const x of v) add(x, depth + 1);
    else {
      out.push(v as Json);
      add((v as Json)['@graph'], depth + 1);
    }
  };
  const scripts = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi;
  for (const m of html.matchAll(scripts)) {
    try {
      add(JSON.parse(m[1]!), 0);
    } catch {
      // a page's broken JSON-LD says nothing
    }
  }
  return out;
}

const ARTICLE_TYPE = /Article|BlogPosting|LiveBlogPosting|Report/;
const isArticle = (o: Json) => [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));

const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.date',
  'dc.date',
  'date',
];

/** The story's own `<time itemprop="datePublished" datetime="…">` (or HTML 4's `<time pubdate>`). */
function timeDate(html: string): string | null {
  for (const [tag] of html.matchAll(/<time\b[^>]*>/gi)) {
    if (!/\bitemprop\s*=\s*["']?[^"'>]*\bdatePublished\b|\spubdate[\s>=]/i.test(tag)) continue;
    const date = pageDate(
      /\bdatetime\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag)?.slice(1).find(Boolean),
    );
    if (date) return date;
  }
  return null;
}

/** The facts a page gives about itself, from the page as imported (`html`). */
export function pageFactsIn(win: PageWindow, html: string): PageFacts {
  // the head's tags only: the story is parsed once already, and the facts are in the head
  const cut = html.search(/<body[\s>]/i);
  if (cut < 0 && !/<head[\s>]/i.test(html)) return NO_FACTS; // a pasted fragment says nothing of its page
  // (a page with no <body> tag: its head is at its start, and the story is not parsed a second time)
  const head = new win.DOMParser().parseFromString(html.slice(0, cut >= 0 ? cut : 65_536), 'text/html');
  const meta = new Map<string, string>();
  for (const el of head.querySelectorAll('meta[content]')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    if (key && !meta.has(key)) meta.set(key, el.getAttribute('content') ?? '');
  }
  const ld = jsonLd(html);
  const article = ld.find(isArticle) ?? ld.find((o) => 'datePublished' in o) ?? {};
  const publisher = article.publisher as Json | string | undefined;
  const mainEntity = article.mainEntityOfPage as Json | string | undefined;
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 2048))?.[1];

  const url =
    httpUrl(head.querySelector('link[rel~="canonical" i]')?.getAttribute('href')) ??
    httpUrl(meta.get('og:url')) ??
    httpUrl(article.url) ??
    httpUrl(typeof mainEntity === 'object' ? mainEntity?.['@id'] : mainEntity) ??
    httpUrl(savedFrom);
  const outlet =
    name(meta.get('og:site_name')) ??
    name(typeof publisher === 'object' ? publisher?.name : publisher) ??
    name(meta.get('application-name'));
  let publishedAt = pageDate(article.datePublished);
  for (const key of DATE_META) publishedAt ??= pageDate(meta.get(key));
  publishedAt ??= timeDate(html);
  return { url, outlet, publishedAt };
}
