import { useLayoutEffect, useState } from 'react';

/**
 * Where an element starts in the page (from the top of the document), kept up to date as what sits
 * above it changes height: the scroll margin of a list virtualised in the window. Takes the element
 * itself (from a callback ref), so a list drawn after its data arrives is measured when it appears.
 * Null until then: a list can draw its rows once it is placed, so the first read of its place lays
 * out the page without them.
 */
export function usePageTop(el: HTMLElement | null): number | null {
  const [top, setTop] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => setTop(Math.round(el.getBoundingClientRect().top + window.scrollY));
    measure();
    // the header, the notices and (on phones, where the import panels follow the list) the layout
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [el]);
  return top;
}
