import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import type { ArticleText } from '@/core/import/article-text';

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

/** Plain text with one blank line between blocks; whitespace inside a block collapsed as a browser would. */
function blockText(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName;
    if (tag === 'BR') return void out.push('\n');
    const block = BLOCKS.has(tag);
    if (block) out.push('\n\n');
    for (const child of node.childNodes) walk(child);
    if (block) out.push('\n\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
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

/**
 * The page's headline when Readability took it out of the article as a copy of the title (it drops
 * an h1/h2 much like the title). A headline can hold a claim ("Police chief says people are 'jumping
 * to conclusions'"), and a text import of the same article starts with it, so it is put back first.
 */
function droppedHeadline(doc: Document, title: string, text: string): string | null {
  const titleWords = new Set(words(title));
  for (const heading of doc.querySelectorAll('h1, h2')) {
    const line = (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
    const own = words(line);
    if (own.length === 0) continue;
    const shared = own.filter((w) => titleWords.has(w)).length;
    if (shared / Math.max(own.length, titleWords.size) < 0.75) continue;
    return text.startsWith(line) ? null : line;
  }
  return null;
}

/**
 * HTML → the article's plain text. The markup is sanitized with DOMPurify, then parsed into an inert
 * document (DOMParser: no scripts run, nothing loads) for Readability; only text comes out.
 * `win` is the page's window, or a jsdom window where there is no page (the command-line extractor).
 */
export function htmlToTextIn(win: PageWindow, html: string): ArticleText {
  const DOMPurify = purifierOf(win);
  const parser = new win.DOMParser();
  const clean = DOMPurify.sanitize(html, { WHOLE_DOCUMENT: true });
  const doc = parser.parseFromString(clean, 'text/html');
  const pageTitle = doc.title.trim() || null;
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  if (parsed?.content) {
    const content = parser.parseFromString(DOMPurify.sanitize(parsed.content), 'text/html');
    const text = blockText(content.body);
    const title = parsed.title?.trim() || pageTitle;
    if (text) {
      const headline = title ? droppedHeadline(doc, title, text) : null;
      return { text: headline ? `${headline}\n\n${text}` : text, title };
    }
  }
  return { text: blockText(doc.body), title: pageTitle };
}

export const htmlToText = (html: string): ArticleText => htmlToTextIn(window, html);
