import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Claim } from '@/core/model/types';
import { mergeSpans } from '@/core/review/spans';
import { clip } from '@/core/text/clip';
import { mergeClaims } from '@/db/corrections';
import { describeDbError } from '@/db/errors';
import { KindPicker } from '@/features/claim/components/corrections/kind-picker';
import { SplitForm } from '@/features/claim/components/corrections/split-form';
import type { ConflictNotice } from '@/features/claim/conflict';
import { showToast } from '@/ui/toast';
import { showUndoToast, undoableBatch } from '@/ui/undo-toast';

type Props = Readonly<{
  claim: Claim;
  text: string;
  previous: Claim | null;
  next: Claim | null;
  spanEditing: boolean;
  onSpanEdit: () => void;
  onDelete: () => void;
  onSelect: (claimId: string) => void;
  onConflict: (notice: ConflictNotice | null) => void;
}>;

/** Fix what the extractor got wrong: the kind, the span, a split, a merge with a neighbour, or the trash. */
export function ClaimCorrections({
  claim,
  text,
  previous,
  next,
  spanEditing,
  onSpanEdit,
  onDelete,
  onSelect,
  onConflict,
}: Props) {
  const [splitting, setSplitting] = useState(false);
  const merge = useMutation({
    mutationFn: ({ other, batchId }: { other: Claim; batchId: string }) =>
      mergeClaims(claim.id, other.id, batchId),
  });
  const canMerge = (other: Claim | null) => other !== null && mergeSpans(text, claim, other) !== null;
  const mergeWith = (other: Claim) =>
    merge.mutate(
      { other, batchId: undoableBatch() },
      {
        onSuccess: (_, { batchId }) => showUndoToast('Claims merged', batchId),
        onError: (e) => showToast(describeDbError(e), { tone: 'error' }),
      },
    );
  return (
    <div className="corrections">
      <KindPicker claim={claim} onConflict={onConflict} />
      <div className="inline-actions">
        <button
          type="button"
          className="small"
          aria-pressed={spanEditing}
          onClick={onSpanEdit}
          aria-keyshortcuts="e"
        >
          Edit span <kbd>e</kbd>
        </button>
        <button
          type="button"
          className="small"
          aria-expanded={splitting}
          onClick={() => setSplitting((v) => !v)}
        >
          Split…
        </button>
        {canMerge(previous) && (
          <button
            type="button"
            className="small"
            title={`Merge with “${clip(previous!.text, 40)}”`}
            onClick={() => mergeWith(previous!)}
          >
            Merge with previous
          </button>
        )}
        {canMerge(next) && (
          <button
            type="button"
            className="small"
            title={`Merge with “${clip(next!.text, 40)}”`}
            onClick={() => mergeWith(next!)}
          >
            Merge with next
          </button>
        )}
        <button type="button" className="small danger-outline" onClick={onDelete}>
          Delete claim
        </button>
      </div>
      {splitting && (
        <SplitForm
          claim={claim}
          text={text}
          onDone={(id) => {
            setSplitting(false);
            if (id) onSelect(id);
          }}
        />
      )}
    </div>
  );
}
