import { type RefObject, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import '@/ui/ui.css';

export type ToastAction = Readonly<{ label: string; run: () => void }>;
export type Toast = Readonly<{
  id: number;
  message: string;
  /** A toast with the same key (or, without one, the same message) replaces this one. */
  key?: string;
  tone: 'info' | 'error';
  action?: ToastAction;
}>;

let toasts: readonly Toast[] = [];
let announcement = { text: '', n: 0 };
const listeners = new Set<() => void>();
let nextId = 1;
const emit = () => {
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Toasts kept at once (a phone shows only the newest: see ui.css). */
const KEPT = 3;

export type ToastOptions = { action?: ToastAction; tone?: 'info' | 'error'; key?: string };

/**
 * Shows a message for a few seconds (longer with an action), and announces it to screen readers.
 * The same message again, or one with the same `key`, replaces the one shown (placing claims one
 * after another is one toast, with the last placement's Undo), so a run of changes does not stack
 * up over the screen.
 */
export function showToast(message: string, options: ToastOptions = {}) {
  const { action, key } = options;
  const toast: Toast = { id: nextId++, message, key, tone: options.tone ?? 'info', action };
  const same = (t: Toast) => t.message === message || (key !== undefined && t.key === key);
  toasts = [...toasts.filter((t) => !same(t)).slice(-(KEPT - 1)), toast];
  emit();
  return toast.id;
}

export function dismissToast(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/**
 * For tests: no toast listed, nothing announced. The ui tests share this module between files
 * (vitest `isolate: false`), and a toast shown with no Toaster on screen is never expired.
 */
export function resetToastsForTests() {
  toasts = [];
  announcement = { text: '', n: 0 };
  emit();
}

/** Says something to screen readers only (polite), e.g. "Verdict set to False". */
export function announce(text: string) {
  announcement = { text, n: announcement.n + 1 };
  emit();
}

const lifetime = (t: Toast) => (t.action || t.tone === 'error' ? 8000 : 4000);

function ToastItem({ toast, paused }: Readonly<{ toast: Toast; paused: boolean }>) {
  // the clock stops while the pointer is on the toasts or the keyboard is in them (WCAG 2.2.1), and
  // starts again from the full time when they are left
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => dismissToast(toast.id), lifetime(toast));
    return () => clearTimeout(timer);
  }, [toast, paused]);
  return (
    <div className={`toast toast-${toast.tone}`} data-toast={toast.id}>
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          onClick={() => {
            dismissToast(toast.id);
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="toast-dismiss"
        aria-label="Dismiss"
        title="Dismiss (Esc)"
        onClick={() => dismissToast(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

/** The space the toasts take at the bottom of the window, as `--toast-space` (the page's bottom padding). */
function useToastSpace(ref: RefObject<HTMLDivElement | null>, shown: boolean) {
  useEffect(() => {
    const root = document.documentElement;
    const el = ref.current;
    if (!shown || !el || typeof ResizeObserver === 'undefined') {
      root.style.removeProperty('--toast-space');
      return;
    }
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--toast-space', `${Math.ceil(el.getBoundingClientRect().height)}px`),
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--toast-space');
    };
  }, [ref, shown]);
}

/**
 * Mounted once: the visible toasts (a polite status region) and a screen-reader-only announcer.
 * Esc in a toast dismisses it; when a toast the keyboard was in goes, the keyboard goes back to
 * where it came from.
 */
export function Toaster() {
  const list = useSyncExternalStore(subscribe, () => toasts);
  const said = useSyncExternalStore(subscribe, () => announcement);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  useToastSpace(ref, list.length > 0);
  const empty = list.length === 0;
  useEffect(() => {
    // nothing left to point at or be in (no mouseleave or blur comes from an element that went)
    if (empty) {
      setHovered(false);
      setFocused(false);
    }
  }, [empty]);
  /** After a toast's button or Esc: if the focus went with the toast, it goes back. */
  const giveBackFocus = () =>
    requestAnimationFrame(() => {
      // the focus is somewhere (the next toast, or where an action put it): leave it there
      if (document.activeElement && document.activeElement !== document.body) return;
      const back = cameFrom.current;
      cameFrom.current = null;
      setFocused(false);
      if (back?.isConnected) back.focus();
    });
  return (
    <>
      {/* the pointer and focus only pause the toasts' clock; Esc is a shortcut for a toast's Dismiss */}
      <div
        ref={ref}
        className="toaster"
        role="status"
        aria-live="polite"
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => setHovered(false)}
        onFocus={(e) => {
          const from = e.relatedTarget;
          if (from instanceof HTMLElement && !ref.current?.contains(from)) cameFrom.current = from;
          setFocused(true);
        }}
        onBlur={(e) => {
          if (!ref.current?.contains(e.relatedTarget as Node | null)) setFocused(false);
        }}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('button')) giveBackFocus();
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          const id = (e.target as HTMLElement).closest<HTMLElement>('[data-toast]')?.dataset.toast;
          if (!id) return;
          e.stopPropagation();
          dismissToast(Number(id));
          giveBackFocus();
        }}
      >
        {list.map((t) => (
          <ToastItem key={t.id} toast={t} paused={hovered || focused} />
        ))}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {/* The counter makes a repeated message a new announcement. */}
        <span key={said.n}>{said.text}</span>
      </div>
    </>
  );
}
