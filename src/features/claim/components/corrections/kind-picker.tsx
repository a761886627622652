import { useId } from 'react';
import type { ClaimKind } from '@/core/extract/types';
import type { Claim } from '@/core/model/types';
import { CLAIM_KINDS, kindLabel } from '@/core/review/kinds';
import { describeDbError } from '@/db/errors';
import { announce, showToast } from '@/ui/toast';
import { type ConflictNotice, noticeOf } from '../../conflict';
import { useUpdateClaim } from '../../hooks/use-claim-mutations';

type Props = Readonly<{ claim: Claim; onConflict: (notice: ConflictNotice | null) => void }>;

/** The claim's kind (direct quote, reported speech…), changeable when the extractor or a hand-made claim got it wrong. */
export function KindPicker({ claim, onConflict }: Props) {
  const id = useId();
  const update = useUpdateClaim();
  return (
    <div className="kind-picker">
      <label htmlFor={id}>Kind</label>
      <select
        id={id}
        value={claim.kind}
        disabled={update.isPending}
        onChange={(e) => {
          const kind = e.target.value as ClaimKind;
          update.mutate(
            { id: claim.id, patch: { kind }, expectedUpdatedAt: claim.updatedAt },
            {
              onSuccess: (result) => {
                onConflict(noticeOf(result));
                announce(`Kind set to ${kindLabel(kind)}.`);
              },
              onError: (err) => showToast(describeDbError(err), { tone: 'error' }),
            },
          );
        }}
      >
        {CLAIM_KINDS.map((k) => (
          <option key={k} value={k}>
            {kindLabel(k)}
          </option>
        ))}
      </select>
    </div>
  );
}
