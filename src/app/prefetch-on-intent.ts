/**
 * Calls a screen's `load` (its chunk's import) the first time a pointer or the focus reaches a link
 * matching its selector, since a click usually follows; each once. Returns the listeners' removal
 * (they also go once every screen has been loaded).
 */
export function prefetchOnIntent(screens: ReadonlyMap<string, () => unknown>): () => void {
  const waiting = new Map(screens);
  const intent = (e: Event) => {
    if (!(e.target instanceof Element)) return;
    for (const [links, load] of waiting)
      if (e.target.closest(links)) {
        void load();
        waiting.delete(links);
      }
    if (waiting.size === 0) stop();
  };
  const stop = () => {
    document.removeEventListener('pointerover', intent);
    document.removeEventListener('focusin', intent);
  };
  document.addEventListener('pointerover', intent, { passive: true });
  document.addEventListener('focusin', intent);
  return stop;
}
