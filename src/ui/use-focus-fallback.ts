import { type RefObject, useEffect, useRef } from 'react';

/** The focus is nowhere a person put it: the browser dropped it to the page. */
export const lostToThePage = () =>
  document.activeElement === null || document.activeElement === document.body;

/**
 * Keeps the keyboard in `root` when the focused control inside it is removed by a render
 * (a "Merge with next" that has no next any more, a row that moved to another group after an undo):
 * the browser drops the focus to the page's start; `fallback` names where it goes instead (the same
 * thing drawn anew, or a heading), given the control that went. Focus the user moved elsewhere stays.
 */
export function useFocusFallback(
  root: RefObject<HTMLElement | null>,
  fallback: (lost: Element, root: HTMLElement) => HTMLElement | null | undefined,
) {
  const to = useRef(fallback);
  to.current = fallback;
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let last: Element | null = el.contains(document.activeElement) ? document.activeElement : null;
    const onIn = (e: FocusEvent) => {
      last = e.target as Element;
    };
    const onOut = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node && !el.contains(e.relatedTarget)) last = null;
    };
    const restore = () => {
      const lost = last;
      if (!lost || lost.isConnected || !lostToThePage()) return;
      last = null;
      to.current(lost, el)?.focus({ preventScroll: true });
    };
    const watch = new MutationObserver(restore);
    watch.observe(el, { subtree: true, childList: true });
    el.addEventListener('focusin', onIn);
    el.addEventListener('focusout', onOut);
    return () => {
      watch.disconnect();
      el.removeEventListener('focusin', onIn);
      el.removeEventListener('focusout', onOut);
    };
  }, [root]);
}
