import { measureElement, type Virtualizer } from '@tanstack/react-virtual';

/**
 * A virtualiser's `measureElement` that reads a row's size only from its ResizeObserver entry, which
 * arrives after the browser's own layout. On mount (no entry) the row keeps the size it was placed at
 * (its last measure, else its estimate). The default read it there, forcing a layout of the page
 * inside React's commit: a task over 100 ms when a screenful of rows arrived at once (the Library
 * during a bulk import; the long article's first frame, its text and its claim list).
 */
export function measureAfterLayout<S extends Element | Window, E extends Element>(
  el: E,
  entry: ResizeObserverEntry | undefined,
  v: Virtualizer<S, E>,
): number {
  if (entry) return measureElement(el, entry, v);
  const index = v.indexFromElement(el);
  // its measured size by key (the measurements by index can be older than the last measure)
  const measured = v.itemSizeCache.get(v.options.getItemKey(index));
  return measured ?? v.measurementsCache[index]?.size ?? v.options.estimateSize(index);
}
