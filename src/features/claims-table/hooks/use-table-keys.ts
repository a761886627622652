import { useEffect, useRef } from 'react';

export type TableKeyActions = Readonly<{
  count: number;
  move: (delta: 1 | -1) => void;
  toggleFocused: () => void;
  openFocused: () => void;
  verdictDigit: (digit: string) => void;
  focusSearch: () => void;
  escape: () => boolean;
  undo: () => void;
}>;

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
const isControl = (t: EventTarget | null) =>
  t instanceof HTMLElement && (isTyping(t) || ['BUTTON', 'A', 'SUMMARY'].includes(t.tagName));
const inDialog = (t: EventTarget | null) => t instanceof HTMLElement && t.closest('dialog[open]') !== null;

/** The Claims screen's keys (listed in shortcuts.ts), on the document while the screen is open. */
export function useTableKeys(actions: TableKeyActions) {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = ref.current;
      if (e.defaultPrevented || inDialog(e.target)) return;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') {
        if (isTyping(e.target)) return;
        e.preventDefault();
        return a.undo();
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Escape') {
        if (a.escape()) e.preventDefault();
        return;
      }
      if (isTyping(e.target)) return;
      if (e.key === '/') {
        e.preventDefault();
        return a.focusSearch();
      }
      if (a.count === 0) return;
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        return a.move(1);
      }
      if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        return a.move(-1);
      }
      if (e.key === 'x' || (e.key === ' ' && !isControl(e.target))) {
        e.preventDefault();
        return a.toggleFocused();
      }
      if (e.key === 'Enter' && !isControl(e.target)) {
        e.preventDefault();
        return a.openFocused();
      }
      if (/^[1-9]$/.test(e.key)) {
        e.preventDefault();
        return a.verdictDigit(e.key);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
