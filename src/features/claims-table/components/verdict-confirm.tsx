import type { ClaimId, Verdict } from '@/core/model/types';
import { verdictLabel } from '@/core/review/verdicts';
import { plural } from '@/features/claims-table/format';
import { ConfirmDialog } from '@/ui/confirm-dialog';

export type VerdictAsk = Readonly<{ ids: readonly ClaimId[]; verdict: Verdict; withoutSource: number }>;

type Props = Readonly<{ ask: VerdictAsk | null; onConfirm: (ask: VerdictAsk) => void; onCancel: () => void }>;

/** A rating verdict on claims with no source asks first (Cancel has the focus); they are flagged if set. */
export function VerdictConfirm({ ask, onConfirm, onCancel }: Props) {
  const label = ask ? verdictLabel(ask.verdict) : '';
  const n = ask?.ids.length ?? 0;
  const without = ask?.withoutSource ?? 0;
  return (
    <ConfirmDialog
      open={ask !== null}
      title={`Set “${label}” without a source?`}
      description={
        <p>
          {without === n
            ? n === 1
              ? 'This claim has no source.'
              : `None of these ${plural(n, 'claim')} has a source.`
            : `${plural(without, 'claim')} of the ${plural(n, 'selected claim')} have no source.`}{' '}
          A verdict other than Unchecked or In progress should rest on at least one source; without one, a
          claim is flagged “No source” in lists.
        </p>
      }
      confirmLabel={`Set “${label}” anyway`}
      onConfirm={() => ask && onConfirm(ask)}
      onCancel={onCancel}
    />
  );
}
