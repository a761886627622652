import { type FocusEvent, useCallback, useLayoutEffect, useRef } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * The first rows give way to the virtualised ones once their code is in: every row is drawn anew, so
 * a row holding the keyboard focus (a link tabbed to while the page opened) lost it to the page, and
 * the Enter that followed did nothing. Remembers the focused row (`data-key`) and which of its
 * controls had the focus, and gives the focus back to the same control after `swapped` turns true.
 */
export function useFocusAcrossSwap(swapped: boolean) {
  const last = useRef<{ key: string; index: number } | null>(null);
  const listRef = useRef<HTMLElement>(null);
  const onFocus = useCallback((e: FocusEvent<HTMLElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-key]');
    const key = row?.dataset.key;
    last.current =
      row && key !== undefined
        ? { key, index: [...row.querySelectorAll(FOCUSABLE)].indexOf(e.target as Element) }
        : null;
  }, []);
  const onBlur = useCallback((e: FocusEvent<HTMLElement>) => {
    const next = e.relatedTarget as Node | null;
    if (next && !e.currentTarget.contains(next)) last.current = null;
  }, []);
  useLayoutEffect(() => {
    const was = last.current;
    const list = listRef.current;
    if (!swapped || !was || !list) return;
    // the virtualised rows come in a render of their own, after they have measured the list
    const restore = () => {
      // the focus went elsewhere meanwhile: it stays there
      if (document.activeElement && document.activeElement !== document.body) return true;
      const row = [...list.querySelectorAll<HTMLElement>('[data-key]')].find(
        (r) => r.dataset.key === was.key,
      );
      const target = row?.querySelectorAll<HTMLElement>(FOCUSABLE)[Math.max(was.index, 0)];
      target?.focus();
      return target !== undefined;
    };
    if (restore()) return;
    const watch = new MutationObserver(() => {
      if (restore()) watch.disconnect();
    });
    watch.observe(list, { childList: true, subtree: true });
    // only the swap's own renders: a focus the reader let go of later is not taken back
    const done = setTimeout(() => watch.disconnect(), 2_000);
    return () => {
      clearTimeout(done);
      watch.disconnect();
    };
  }, [swapped]);
  return { listRef, onFocus, onBlur };
}
