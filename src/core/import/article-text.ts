import { decodeEntities, looksEntityEscaped, markdownToText } from './plain-text';
import { type Checked, checkText, type ImportFormat } from './validate';

/**
 * An article's text and title; for a saved page, also where it came from as its head says (address,
 * outlet, publication date: null when it does not say).
 */
export type ArticleText = Readonly<{
  text: string;
  title: string | null;
  url?: string | null;
  outlet?: string | null;
  publishedAt?: string | null;
}>;

/** HTML → its article's text and title; it needs a DOM (the page's, or jsdom's in Node), so callers pass it. */
export type HtmlToText = (html: string) => ArticleText;

/**
 * The text Claimdesk extracts claims from, from what was pasted or read in its format: Markdown loses its
 * syntax, HTML keeps only its article's words, entity-escaped text is decoded; the result is normalised as
 * stored (see checkText). The app's import and the command-line extractor both read articles through here,
 * so one file gives the same claims in both.
 */
export function articleText(
  raw: string,
  format: ImportFormat,
  htmlToText?: HtmlToText,
): Checked<ArticleText> {
  const checked = checkText(raw); // size, emptiness, binary data
  if (!checked.ok) return checked;
  if (format === 'html') {
    if (!htmlToText) throw new Error('articleText: HTML needs an htmlToText');
    const article = htmlToText(checked.value);
    const text = checkText(article.text);
    if (!text.ok) {
      return { ok: false, problem: { code: 'empty', message: 'No article text was found in this HTML.' } };
    }
    return { ok: true, value: { ...article, text: text.value } };
  }
  const prose = format === 'markdown' ? markdownToText(checked.value) : checked.value;
  const text = checkText(looksEntityEscaped(prose) ? decodeEntities(prose) : prose);
  return text.ok ? { ok: true, value: { text: text.value, title: null } } : text;
}
