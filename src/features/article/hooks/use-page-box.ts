import { type RefObject, useLayoutEffect, useState } from 'react';

export type PageBox = Readonly<{ top: number; width: number }>;

/**
 * Where an element starts in the page (its top from the top of the document) and its width, kept up
 * to date as what sits above it changes height: the scroll margin of a list virtualised in the window.
 */
export function usePageBox(ref: RefObject<HTMLElement | null>): PageBox {
  const [box, setBox] = useState<PageBox>({ top: 0, width: 700 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const rect = el.getBoundingClientRect();
      const top = Math.round(rect.top + window.scrollY);
      setBox((b) => (b.top === top && b.width === rect.width ? b : { top, width: rect.width }));
    };
    measure();
    // The header, notices and (on phones) the article text above can change height.
    const observer = new ResizeObserver(measure);
    observer.observe(el.closest('.article-screen') ?? document.body);
    return () => observer.disconnect();
  }, [ref]);
  return box;
}
