/**
 * After the open claim is scrolled to, the layout can still move it: the claim panel mounts a frame
 * after the selection (useAfterPaint) and, on a wide screen, narrows the text's and the list's columns,
 * so the text wraps again and a highlight scrolled to the bottom edge ends up below it (long-article's
 * `j` story, under load: three quick `j`s were scrolled to before the panel first opened); a
 * virtualised list or text measures its rows and moves them too.
 *
 * `followLayout(el, again)` calls `again` each time `el` changes size, until the person scrolls or
 * points (wheel, touch, pointer, a key) or the returned function runs (a new selection). Sizes are
 * compared with the one `el` has when this is called, so a change landing in the same frame counts.
 */
const PERSON = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

export function followLayout(el: Element, again: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  const sizeOf = () => {
    const box = el.getBoundingClientRect();
    return `${box.width}x${box.height}`;
  };
  let size = sizeOf();
  const observer = new ResizeObserver(() => {
    const next = sizeOf();
    if (next === size) return;
    size = next;
    again();
  });
  observer.observe(el);
  const stop = () => {
    observer.disconnect();
    for (const type of PERSON) window.removeEventListener(type, stop, true);
  };
  for (const type of PERSON) window.addEventListener(type, stop, { capture: true, passive: true });
  return stop;
}
