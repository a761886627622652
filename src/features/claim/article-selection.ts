/** Text selected in the rendered article, as offsets into the article's verbatim text. */
export type ArticleSelection = Readonly<{
  start: number;
  end: number;
  rect: DOMRect;
  /** The selection reached outside the article text and was cut to it. */
  clamped: boolean;
}>;

/** The element that renders the article text (its text content is the article, verbatim). */
export const articleTextElement = (): HTMLElement | null =>
  document.querySelector<HTMLElement>('.article-text');

function offsetIn(container: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The current selection when it lies (at least partly) in the article text and is not empty. */
export function readArticleSelection(
  container: HTMLElement | null = articleTextElement(),
): ArticleSelection | null {
  const sel = typeof window === 'undefined' ? null : window.getSelection();
  if (!container || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  const startInside = container.contains(range.startContainer);
  const endInside = container.contains(range.endContainer);
  const start = startInside ? offsetIn(container, range.startContainer, range.startOffset) : 0;
  const end = endInside
    ? offsetIn(container, range.endContainer, range.endOffset)
    : (container.textContent ?? '').length;
  if (end <= start) return null;
  return { start, end, rect: range.getBoundingClientRect(), clamped: !startInside || !endInside };
}
