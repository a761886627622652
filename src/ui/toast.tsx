import { useEffect, useSyncExternalStore } from 'react';
import '@/ui/ui.css';

export type ToastAction = Readonly<{ label: string; run: () => void }>;
export type Toast = Readonly<{
  id: number;
  message: string;
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

/** Shows a message for a few seconds (longer with an action), and announces it to screen readers. */
export function showToast(message: string, options: { action?: ToastAction; tone?: 'info' | 'error' } = {}) {
  const toast: Toast = { id: nextId++, message, tone: options.tone ?? 'info', action: options.action };
  toasts = [...toasts.slice(-2), toast];
  emit();
  return toast.id;
}

export function dismissToast(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** Says something to screen readers only (polite), e.g. "Verdict set to False". */
export function announce(text: string) {
  announcement = { text, n: announcement.n + 1 };
  emit();
}

function ToastItem({ toast }: Readonly<{ toast: Toast }>) {
  useEffect(() => {
    const timer = setTimeout(
      () => dismissToast(toast.id),
      toast.action || toast.tone === 'error' ? 8000 : 4000,
    );
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div className={`toast toast-${toast.tone}`}>
      <span>{toast.message}</span>
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
        onClick={() => dismissToast(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

/** Mounted once: the visible toasts (a polite status region) and a screen-reader-only announcer. */
export function Toaster() {
  const list = useSyncExternalStore(subscribe, () => toasts);
  const said = useSyncExternalStore(subscribe, () => announcement);
  return (
    <>
      <div className="toaster" role="status" aria-live="polite">
        {list.map((t) => (
          <ToastItem key={t.id} toast={t} />
        ))}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {/* The counter makes a repeated message a new announcement. */}
        <span key={said.n}>{said.text}</span>
      </div>
    </>
  );
}
