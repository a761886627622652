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

/**
 * The text offset of a selection boundary. A long article renders only some of its paragraphs, each
 * in an element that carries its offset in the text (`data-offset`): count from there.
 */
function offsetIn(container: HTMLElement, node: Node, offset: number): number {
  const blocks = container.querySelectorAll<HTMLElement>(':scope > [data-offset]');
  if (blocks.length === 0) return textBefore(container, node, offset);
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest<HTMLElement>('[data-offset]');
  if (block && container.contains(block))
    return Number(block.dataset.offset) + textBefore(block, node, offset);
  // Between two blocks: the start of the first block after the boundary.
  const at = document.createRange();
  at.setStart(node, offset);
  for (const b of blocks) if (at.comparePoint(b, 0) === 1) return Number(b.dataset.offset);
  const last = blocks[blocks.length - 1]!;
  return Number(last.dataset.offset) + (last.textContent ?? '').length;
}

function textBefore(from: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(from, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The length of the article text (a long article renders only part of it). */
const textLength = (container: HTMLElement) =>
  container.dataset.length ? Number(container.dataset.length) : (container.textContent ?? '').length;

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
  const end = endInside ? offsetIn(container, range.endContainer, range.endOffset) : textLength(container);
  if (end <= start) return null;
  return { start, end, rect: range.getBoundingClientRect(), clamped: !startInside || !endInside };
}
