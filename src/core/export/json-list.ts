/**
 * A JSON array written a page at a time, so the app (page by page) and the CLI (all at once) write
 * the same bytes: `[`, one document per line (two-space indented inside), `]`.
 */
export const JSON_LIST_OPEN = '[\n';
export const JSON_LIST_CLOSE = '\n]\n';

/** Documents of one page; `first` says whether any document was written before it. */
export function jsonListItems(docs: readonly unknown[], first: boolean): string {
  return docs.map((d, i) => `${first && i === 0 ? '' : ',\n'}${JSON.stringify(d)}`).join('');
}

export function jsonList(docs: readonly unknown[]): string {
  return JSON_LIST_OPEN + jsonListItems(docs, true) + JSON_LIST_CLOSE;
}
