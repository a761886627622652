import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';

export type HtmlArticle = Readonly<{ text: string; title: string | null }>;

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

/** Plain text with one blank line between blocks; whitespace inside a block collapsed as a browser would. */
function blockText(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
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

/**
 * HTML → the article's plain text. The markup is sanitized with DOMPurify, then parsed into an inert
 * document (DOMParser: no scripts run, nothing loads) for Readability; only text comes out.
 */
export function htmlToText(html: string): HtmlArticle {
  const clean = DOMPurify.sanitize(html, { WHOLE_DOCUMENT: true });
  const doc = new DOMParser().parseFromString(clean, 'text/html');
  const pageTitle = doc.title.trim() || null;
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  if (parsed?.content) {
    const content = new DOMParser().parseFromString(DOMPurify.sanitize(parsed.content), 'text/html');
    const text = blockText(content.body);
    if (text) return { text, title: parsed.title?.trim() || pageTitle };
  }
  return { text: blockText(doc.body), title: pageTitle };
}
