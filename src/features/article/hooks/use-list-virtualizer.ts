import { type Range, useVirtualizer, useWindowVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useLayoutEffect, useState } from 'react';
import { followedElementScroll, followedWindowScroll } from '@/features/article/follow-layout';
import { usePageBox } from '@/features/article/hooks/use-page-box';
import { measureAfterLayout } from '@/ui/measure-after-layout';

/**
 * Whether the list runs on in the page (under the text on phones, under it beside an open panel on
 * narrow screens) rather than in a column of its own capped by `max-height` (styles.css).
 */
export const scrollsWithPage = (list: Element | null): boolean =>
  list !== null && getComputedStyle(list).maxHeight === 'none';

type Options = Readonly<{
  count: number;
  estimateSize: (index: number) => number;
  /** A row's lasting key: measured heights follow the row when rows are inserted before it. */
  getItemKey: (index: number) => string;
  overscan: number;
  rangeExtractor?: (range: Range) => number[];
}>;

/**
 * A virtualiser for the claim list that follows whatever scrolls the list: its own box where it is a
 * column of its own, the window where it runs on in the page, so a phone has one scroll, not a scroll
 * box nested in the page. `rows` is the element the rows are placed in.
 */
export function useListVirtualizer(
  list: RefObject<HTMLElement | null>,
  rows: RefObject<HTMLElement | null>,
  options: Options,
) {
  const [inPage, setInPage] = useState(false);
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const check = () => setInPage(scrollsWithPage(el));
    check();
    // The layout changes with the width and when the claim panel opens beside the list.
    const observer = new ResizeObserver(check);
    observer.observe(el.closest('.article-screen') ?? document.body);
    window.addEventListener('resize', check);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', check);
    };
  }, [list]);
  const { top } = usePageBox(rows);
  const inBox = useVirtualizer({
    ...options,
    measureElement: measureAfterLayout,
    getScrollElement: () => list.current,
    enabled: !inPage,
    scrollToFn: followedElementScroll,
  });
  const inWindow = useWindowVirtualizer({
    ...options,
    measureElement: measureAfterLayout,
    scrollMargin: top,
    enabled: inPage,
    scrollToFn: followedWindowScroll,
  });
  return inPage ? inWindow : inBox;
}
