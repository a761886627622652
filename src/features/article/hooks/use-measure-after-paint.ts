import { measureElement, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { afterNextPaint } from '@/ui/use-after-paint';

/** For either virtualiser of the article screen: the window's or an element's. */
export type Measure = <S extends Element | Window>(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<S, Element>,
) => number;

/**
 * A virtualiser's `measureElement` that leaves the screen's first frame to the browser: until that
 * frame is out, a row (or text block) just mounted keeps the size it was given (measured before, or
 * the estimate) instead of being measured there and then, which forces a layout of the whole new
 * screen inside React's commit and renders the list again before anything is painted (the long
 * article's open: one forced layout and a second render per virtualiser). The rows are observed all
 * the same: the ResizeObserver's first entries, after that frame's layout, bring their real sizes,
 * and the list renders them in a task after the paint. From then on, as the library does.
 */
export function useMeasureAfterPaint(): Measure {
  const painted = useRef(false);
  useEffect(
    () =>
      afterNextPaint(() => {
        painted.current = true;
      }),
    [],
  );
  return useCallback<Measure>((element, entry, instance) => {
    if (entry || painted.current) return measureElement(element, entry, instance);
    const index = instance.indexFromElement(element);
    return (
      instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index)
    );
  }, []);
}
