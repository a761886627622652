import { useId } from 'react';
import type { ClaimKind } from '@/core/extract/types';
import type { Claim } from '@/core/model/types';
import { CLAIM_KINDS, kindLabel } from '@/core/review/kinds';
import { describeDbError } from '@/db/errors';
import { type ConflictNotice, noticeOf } from '@/features/claim/conflict';
import { useUpdateClaim } from '@/features/claim/hooks/use-claim-mutations';
import { StoredSelect } from '@/ui/stored-select';
import { announce, showToast } from '@/ui/toast';

type Props = Readonly<{ claim: Claim; onConflict: (notice: ConflictNotice | null) => void }>;

/** The claim's kind (direct quote, reported speech…), changeable when the extractor or a hand-made claim got it wrong. */
export function KindPicker({ claim, onConflict }: Props) {
  const id = useId();
  const update = useUpdateClaim();
  return (
    <div className="kind-picker">
      <label htmlFor={id}>Kind</label>
      <StoredSelect<ClaimKind>
        id={id}
        value={claim.kind}
        // not disabled while saving: Chromium drops the focus of a control disabled under it
        aria-disabled={update.isPending || undefined}
        onCommit={(kind) => {
          if (update.isPending) return;
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
      </StoredSelect>
    </div>
  );
}
