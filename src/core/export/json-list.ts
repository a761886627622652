/**
 * A JSON array written a page at a time, so the app (page by page) and the CLI (all at once) write
 * the same bytes: `[`, one document per line (two-space indented inside), `]`.
 */
export const JSON_LIST_OPEN = '[\n';
export const JSON_LIST_CLOSE = '\n]\n';

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON that can be pasted as is into an HTML `<script type="application/ld+json">` (where
 * ClaimReview markup lives): `<`, `>` and `&` are written as `\u003c`, `\u003e`, `\u0026`, so text
 * holding `</script>` or `<!--` cannot end or bend the script element, and the line separators
 * U+2028 / U+2029 as escapes, so older JavaScript parsers and line-based tools do not break the
 * line. It parses back to exactly the same values.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    SCRIPT_UNSAFE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Documents of one page; `first` says whether any document was written before it. */
export function jsonListItems(docs: readonly unknown[], first: boolean): string {
  return docs.map((d, i) => `${first && i === 0 ? '' : ',\n'}${scriptSafeJson(d)}`).join('');
}

export function jsonList(docs: readonly unknown[]): string {
  return JSON_LIST_OPEN + jsonListItems(docs, true) + JSON_LIST_CLOSE;
}
