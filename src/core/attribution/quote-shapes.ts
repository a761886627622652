import type { Line } from '../text/lines';
import type { Quote } from '../text/quotes';
import { type Token, tokenize } from '../text/tokens';

/** "‘We're vetting VP candidates!’" alone on its line: a quoted subheading, not a continued quotation. */
export function isSubheading(text: string, line: Line, quotes: readonly Quote[]): boolean {
  const q = quotes[0];
  if (!q || q.double || quotes.length > 1) return false;
  const rest = text.slice(q.close < 0 ? line.end : q.close + 1, line.end);
  return /^[\s.!?]*$/.test(rest) && text.slice(q.start, q.end).split(/\s+/).length <= 8;
}

const TITLE_BEFORE =
  /^(on|in|at|from|of|by|with|titled|entitled|called|named|dubbed|program|programme|show|newspaper|magazine|podcast|broadcast|series|column|book|film|documentary)$/;

/**
 * “Sunday Morning Live.”, “The Long Field”: a quotation in title case after a preposition, a naming word, a medium
 * (`the television program “Inside Edition”`) or an owner (`ABC's “Good Morning America.”`) is a title, not speech,
 * and never pairs with the quotation before it.
 */
export function isTitleQuote(text: string, tokens: readonly Token[], q: Quote): boolean {
  const before = tokens.filter((t) => t.end <= q.open).at(-1);
  if (!before?.word || !(TITLE_BEFORE.test(before.key) || /['’]s$/.test(before.text))) return false;
  const inner = tokenize(text, q.start, q.end).filter((t) => t.word);
  if (!inner.length || inner.length > 7) return false;
  const content = inner.filter((t) => t.text.length > 3);
  return content.length > 0 && content.every((t) => t.cap);
}
