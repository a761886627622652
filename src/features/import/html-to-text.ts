import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import type { ArticleText } from '@/core/import/article-text';
import { pageFactsIn } from './page-facts'; // relative: the command line runs this file without the @ alias

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** A line ends where a sentence can: a `<br>` after one is a paragraph break, elsewhere a line wrap. */
const SENTENCE_END = /[.!?:;"”’)…]\s*$/;

const lastText = (out: readonly string[]): string => {
  for (let i = out.length - 1; i >= 0; i--) if (out[i]!.trim()) return out[i]!;
  return '';
};

/**
 * Plain text with one blank line between blocks; whitespace inside a block collapsed as a browser would.
 * The extractor reads each line as a paragraph, so a `<br>` inside a sentence (a wrapped line in an old
 * CMS) becomes a space, not a line break that would cut the sentence, and its claim, in two. `alsoBlock`
 * names elements laid out as blocks by the page's CSS (a headline in a `<span>`).
 */
function blockText(root: Node, alsoBlock: (el: Element) => boolean = () => false): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName;
    if (tag === 'BR') return void out.push(SENTENCE_END.test(lastText(out)) ? '\n' : ' ');
    const block = BLOCKS.has(tag) || alsoBlock(node as Element);
    if (block) out.push('\n\n');
    for (const child of node.childNodes) walk(child);
    if (block) out.push('\n\n');
  };
  walk(root);
  return out
    .join('')
    .replace(/[\u00ad\u200b\u2060\ufeff]/g, '') // soft hyphens and zero-width spaces: invisible, but they split words
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type PageWindow = Window & typeof globalThis;

const purifiers = new WeakMap<PageWindow, ReturnType<typeof createDOMPurify>>();
function purifierOf(win: PageWindow) {
  const kept = purifiers.get(win);
  if (kept) return kept;
  const purifier = createDOMPurify(win);
  purifiers.set(win, purifier);
  return purifier;
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

const lineOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** "Headline – Site name": the title is the headline, a separator and the site's name. */
const titleStartsWith = (title: string, line: string) =>
  line.length < title.length && title.startsWith(line) && /^\s*[|\-–—:·•»/]\s/.test(title.slice(line.length));
/** "Opinion | Headline", "Site – Headline". */
const titleEndsWith = (title: string, line: string) =>
  line.length < title.length &&
  title.endsWith(line) &&
  /\s[|\-–—:·•»/]\s*$/.test(title.slice(0, -line.length));

/** The page's headline element: the first h1 or h2 that says what the title says (not the site's name). */
function headlineOf(doc: Document, title: string): Element | null {
  const titleWords = new Set(words(title));
  for (const heading of doc.querySelectorAll('h1, h2')) {
    const line = lineOf(heading);
    const own = words(line);
    if (own.length === 0) continue;
    if (titleStartsWith(title, line)) return heading;
    const shared = own.filter((w) => titleWords.has(w)).length;
    if (shared / Math.max(own.length, titleWords.size) >= 0.75) return heading;
  }
  return null;
}

/**
 * The headline, and the standfirst under it, when Readability took them out of the article: it drops
 * an h1/h2 much like the title, and a standfirst set as a heading outside the story's container
 * ("<h2 class="dek">"). Either can hold a claim ("Police chief says people are 'jumping to
 * conclusions'"), and a text import of the same article starts with them, so they are put back first.
 */
function droppedLead(headline: Element, text: string): string[] {
  const lead: string[] = [];
  const line = lineOf(headline);
  if (!text.startsWith(line)) lead.push(line);
  const next = headline.nextElementSibling;
  const standfirst = next && /^(?:H2|H3|P)$/.test(next.tagName) ? lineOf(next) : '';
  if (standfirst.length >= 40 && !text.includes(standfirst)) lead.push(standfirst);
  return lead;
}

/**
 * Page furniture by what the markup says it is: HTML's own elements for navigation, asides (pull
 * quotes, related links, fact boxes), footers, forms and captions; and the class or id names sites
 * give their furniture (ad slots, newsletter and share boxes, related and "read more" links, author
 * bios, comments, social embeds). Readability drops most of it by scoring, but keeps what sits inside
 * the story's container, where each caption, "READ MORE" link or tweet became a false claim or split a
 * real one. Inline SVG and MathML are drawings, not prose: an icon's <title> ("Share on Facebook") or a
 * chart's labels came through as lines of the story.
 */
const FURNITURE_TAGS =
  'nav, aside, footer:not(blockquote footer), form, button, dialog, figcaption, select, textarea, iframe, object, embed, svg, math';
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:ads?|advert\w*|advertisement|newsletter|related|read-?more|share|sharing|social|promo\w*|cookies?|consent|cmp|comments?|bio|disclaimer|pull-?quote|most-?read|trending|subscribe|sign-?up|caption|credits?|tags|breadcrumbs?|cta|embed|tweet|instagram|tiktok|author-?box)(?:$|[\s_-])/i;
/** Readability's own byline test (REGEXPS.byline), applied to every short match, not only the first. */
const BYLINE_NAME = /byline|author|writtenby/i;

/** What holds the story: never removed, whatever its class says ("single-post has-share-bar"). */
const holdsStory = (el: Element) =>
  /^(?:HTML|BODY|MAIN|ARTICLE)$/.test(el.tagName) ||
  !!el.querySelector('h1, article, main, [itemprop="articleBody"]');

function isFurniture(el: Element, pageChars: number): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  const chars = () => (el.textContent ?? '').trim().length; // only for the few elements a name matches
  if (FURNITURE_NAME.test(names)) return chars() < pageChars / 2 && !holdsStory(el);
  if (BYLINE_NAME.test(names) || el.getAttribute('rel') === 'author') return chars() < 100 && !holdsStory(el);
  return false;
}

/**
 * A paragraph that is mostly one link ("READ MORE: …"), or a list or box that is mostly links ("Most
 * viewed", "Key events"): pointers to other pages.
 */
function isLinkBlock(el: Element): boolean {
  const links = el.getElementsByTagName('a');
  if (links.length === 0) return false;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!text || (/^(?:P|LI)$/.test(el.tagName) && text.length > 200)) return false;
  let linked = 0;
  for (const a of links) linked += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return linked / text.length > 0.75 && !holdsStory(el);
}

/** A block's words for comparing it with others: quotation marks, closing punctuation, case and spacing aside. */
const bareText = (el: Element) =>
  (el.textContent ?? '')
    .replace(/["“”‘’'«»„]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!?…–—-]+$/, '')
    .trim()
    .toLowerCase();

/** Where a pull quote is set; not a heading: a crosshead quoting the story ("‘Another winter of sandbags’") is its structure. */
const PARAGRAPHS = 'p, blockquote, li, div';

/**
 * Pull quotes whatever the site calls them ("article__pullout", "quote-callout", a bare <blockquote>):
 * a short block that repeats, word for word, part of a longer paragraph of the same story
 * ("“He is wrong that a new road will make them disappear”"). Each copy became a second claim, and as
 * it stands alone, with no cue, it went to whoever spoke last. A block equal to a whole paragraph is
 * kept (a repeated paragraph is the page's own doing, not a pull quote).
 */
function removePullQuotes(body: HTMLElement): void {
  const blocks = [...body.querySelectorAll(PARAGRAPHS)];
  const texts = new Map(blocks.map((el) => [el, bareText(el)]));
  // every paragraph's words, one a line, to find a block's words inside a longer one (a paragraph, not
  // the quotation or list around it, whose words run its paragraphs together)
  const all = `\n${blocks
    .filter((el) => /^(?:P|LI|BLOCKQUOTE)$/.test(el.tagName) && !el.querySelector('p, li, blockquote'))
    .map((el) => texts.get(el))
    .join('\n')}\n`;
  for (const el of blocks) {
    const words = texts.get(el)!;
    if (!el.isConnected || words.length < 20 || words.length > 300 || words.split(' ').length < 4) continue;
    for (let at = all.indexOf(words); at >= 0; at = all.indexOf(words, at + 1)) {
      const wholeLine = all[at - 1] === '\n' && all[at + words.length] === '\n';
      if (!wholeLine) {
        el.remove();
        break;
      }
    }
  }
}

/** Inline elements a site's CSS may lay out as a block: where a headline set without a heading is. */
const INLINE = 'span, a, b, strong, em, i, font';

/** Takes the furniture out of the inert document before Readability scores it. */
function removeFurniture(doc: Document): void {
  for (const el of doc.querySelectorAll(FURNITURE_TAGS)) el.remove();
  const pageChars = (doc.body?.textContent ?? '').trim().length;
  for (const el of doc.body?.querySelectorAll('*') ?? []) {
    if (el.isConnected && isFurniture(el, pageChars)) el.remove();
  }
  for (const el of doc.querySelectorAll('p, li, ul, ol, section, div'))
    if (el.isConnected && isLinkBlock(el)) el.remove();
  // Readability turns a `<br><br>` run into a paragraph break, moving the inline content after it into a
  // new <p>; it renames <font> to <span> only afterwards, so on a page set in <font> tags the <p> stays
  // empty and the break is lost ("Posted 1 December Plans to extend…"). Renamed first, as it would be.
  for (const font of doc.querySelectorAll('font')) {
    const span = doc.createElement('span');
    span.append(...font.childNodes);
    font.replaceWith(span);
  }
}

/**
 * HTML → the article's plain text. The markup is sanitized with DOMPurify, then parsed into an inert
 * document (DOMParser: no scripts run, nothing loads); page furniture is taken out and Readability
 * finds the article; only text comes out.
 * `win` is the page's window, or a jsdom window where there is no page (the command-line extractor).
 */
export function htmlToTextIn(win: PageWindow, html: string): ArticleText {
  const DOMPurify = purifierOf(win);
  const parser = new win.DOMParser();
  const clean = DOMPurify.sanitize(html, { WHOLE_DOCUMENT: true });
  const doc = parser.parseFromString(clean, 'text/html');
  const pageTitle = doc.title.trim() || null;
  const facts = pageFactsIn(win, html);
  removeFurniture(doc);
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  if (parsed?.content) {
    const content = parser.parseFromString(DOMPurify.sanitize(parsed.content), 'text/html');
    removePullQuotes(content.body);
    const found = parsed.title?.trim() || pageTitle;
    const headline = found ? headlineOf(doc, found) : null;
    // Readability leaves the site's name on a title it does not split ("Headline – Site", an en dash)
    const line = headline ? lineOf(headline) : '';
    const title = found && (titleStartsWith(found, line) || titleEndsWith(found, line)) ? line : found;
    // a headline set in a <span> (laid out as a block by the site's CSS) is its own line, not glued to the next
    const inlineHeadline = new Set(
      title ? [...content.body.querySelectorAll(INLINE)].filter((el) => lineOf(el) === title) : [],
    );
    const text = blockText(content.body, (el) => inlineHeadline.has(el));
    if (text) {
      const lead = headline ? droppedLead(headline, text) : [];
      return { ...facts, text: [...lead, text].join('\n\n'), title };
    }
  }
  return { ...facts, text: blockText(doc.body), title: pageTitle };
}

export const htmlToText = (html: string): ArticleText => htmlToTextIn(window, html);
