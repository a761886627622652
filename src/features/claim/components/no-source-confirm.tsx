import type { Verdict } from '@/core/model/types';
import { verdictLabel } from '@/core/review/verdicts';
import { ConfirmDialog } from '@/ui/confirm-dialog';

type Props = Readonly<{
  verdict: Verdict | null;
  onConfirm: () => void;
  onAddSource: () => void;
  onCancel: () => void;
}>;

/** Asked before a rating verdict on a claim with no source: add a source first, or set it anyway. */
export function NoSourceConfirm({ verdict, onConfirm, onAddSource, onCancel }: Props) {
  return (
    <ConfirmDialog
      open={verdict !== null}
      title={`Set “${verdict ? verdictLabel(verdict) : ''}” without a source?`}
      description={
        <p>
          A verdict other than Unchecked or In progress should rest on at least one source. Without one, the
          claim is flagged “No source” in lists.
        </p>
      }
      alternative={{ label: 'Add a source first', onSelect: onAddSource }}
      confirmLabel="Set without a source"
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
