import type { Virtualizer } from '@tanstack/react-virtual';
import { type RefObject, useLayoutEffect, useRef } from 'react';

/**
 * After the text's width changes (its first measure, the claim panel opening beside it, a resize), the
 * blocks are placed afresh: every estimate at the new width (`measure()`), and the rendered blocks'
 * heights read again by a ResizeObserver of their own, after the browser's layout. The virtualiser
 * keeps a measure only where it differs from the estimate of the moment, and its own observer reports
 * only a change: a block whose height matched its estimate at the old width, and kept its height, was
 * placed by its estimate at the new width, leaving a gap or an overlap under it.
 */
export function useRemeasureOnWidth(
  virtualizer: Virtualizer<Window, Element>,
  rows: RefObject<HTMLElement | null>,
  width: number,
): void {
  const measuredAt = useRef(width);
  useLayoutEffect(() => {
    if (measuredAt.current === width) return;
    measuredAt.current = width;
    virtualizer.measure();
    const parent = rows.current;
    if (!parent || typeof ResizeObserver === 'undefined') return;
    const again = new ResizeObserver((entries) => {
      again.disconnect();
      for (const entry of entries) {
        const index = Number((entry.target as HTMLElement).dataset.index);
        const size = entry.borderBoxSize?.[0]?.blockSize;
        if (Number.isInteger(index) && size !== undefined) virtualizer.resizeItem(index, Math.round(size));
      }
    });
    for (const row of parent.querySelectorAll(':scope > [data-index]')) again.observe(row);
    return () => again.disconnect();
  }, [virtualizer, rows, width]);
}
