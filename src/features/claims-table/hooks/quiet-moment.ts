/** How long the rows are on screen before the filter menus' lists are read (if the page is idle by then). */
export const MENUS_AFTER_MS = 1_000;

/** Calls `fn` once the page has been idle after MENUS_AFTER_MS; returns the cancel. */
export function afterAQuietMoment(fn: () => void): () => void {
  let idle = 0;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: 1_000 });
    else fn();
  }, MENUS_AFTER_MS);
  return () => {
    clearTimeout(timer);
    if (idle) cancelIdleCallback(idle);
  };
}
