import '@/ui/ui.css';
import { type ReactNode, useEffect, useId, useRef } from 'react';

type Props = Readonly<{
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Shown under the title, read as the dialog's description. */
  description?: ReactNode;
  className?: string;
}>;

/**
 * A modal dialog on the native `<dialog>`: focus moves in and is trapped, Escape and the backdrop
 * close it, and focus returns to where it was (mark the first control to focus with `data-autofocus`). Escape never reaches the page's shortcuts.
 */
export function Dialog({ open, title, onClose, children, description, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const returnTo = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal?.();
    // The control marked data-autofocus (the safe choice) takes the focus, else the first one.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, [open]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          e.nativeEvent.stopImmediatePropagation();
        }
        // Page shortcuts (j, digits…) must not act behind a modal.
        e.nativeEvent.stopPropagation();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onCloseRef.current();
      }}
    >
      <div className="dialog-body">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {description && (
          <div id={descId} className="dialog-description">
            {description}
          </div>
        )}
        {children}
      </div>
    </dialog>
  );
}
