import type { ReactNode } from 'react';
import { Dialog } from '@/ui/dialog';

type Props = Readonly<{
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** An extra action between cancel and confirm (e.g. "Add a source first"). */
  alternative?: Readonly<{ label: string; onSelect: () => void }>;
  tone?: 'default' | 'danger';
}>;

/** Asks before an action; the safe choice (cancel, or the alternative) takes the focus first. */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  onConfirm,
  onCancel,
  alternative,
  tone = 'default',
}: Props) {
  return (
    <Dialog open={open} title={title} description={description} onClose={onCancel}>
      <div className="dialog-actions">
        {alternative ? (
          <button type="button" className="primary" data-autofocus onClick={alternative.onSelect}>
            {alternative.label}
          </button>
        ) : null}
        <button type="button" className={tone === 'danger' ? 'danger' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" data-autofocus={alternative ? undefined : true} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
