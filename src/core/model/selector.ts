import type { TextQuoteSelector } from './types';

/** Characters of context kept on each side of a quote (W3C Web Annotation text-quote selector). */
export const SELECTOR_CONTEXT = 32;

/** The text-quote selector of `text.slice(start, end)`: the exact words plus up to `context` characters either side. */
export function selectorFromRange(
  text: string,
  start: number,
  end: number,
  context: number = SELECTOR_CONTEXT,
): TextQuoteSelector {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`Invalid range ${start}..${end} for a text of ${text.length} characters`);
  }
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  };
}
