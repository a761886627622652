import { useMutation } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { Claim } from '@/core/model/types';
import { splitSpan, suggestSplit } from '@/core/review/spans';
import { splitClaim } from '@/db/corrections';
import { describeDbError } from '@/db/errors';
import { showToast } from '@/ui/toast';
import { showUndoToast, undoableBatch } from '@/ui/undo-toast';

type Props = Readonly<{ claim: Claim; text: string; onDone: (newClaimId: string | null) => void }>;

/** Split points are the word gaps inside the claim; the suggested one is the sentence boundary nearest the middle. */
export function SplitForm({ claim, text, onDone }: Props) {
  const id = useId();
  const points = useMemo(() => {
    const out: number[] = [];
    for (const m of text.slice(claim.start, claim.end).matchAll(/\s+/g)) {
      const at = claim.start + m.index + m[0].length;
      if (splitSpan(text, claim, at)) out.push(at);
    }
    return out;
  }, [text, claim]);
  const suggested = suggestSplit(text, claim);
  const [index, setIndex] = useState(() => Math.max(0, suggested === null ? 0 : points.indexOf(suggested)));
  const split = useMutation({
    mutationFn: ({ at, batchId }: { at: number; batchId: string }) => splitClaim(claim.id, at, batchId),
  });
  if (points.length === 0) {
    return (
      <div className="inline-form">
        <p className="hint">This claim is a single word; there is nothing to split.</p>
        <button type="button" onClick={() => onDone(null)}>
          Close
        </button>
      </div>
    );
  }
  const at = points[index] ?? points[0]!;
  const halves = splitSpan(text, claim, at);
  return (
    <div className="inline-form split-form">
      <label htmlFor={id}>Split point</label>
      <input
        id={id}
        type="range"
        min={0}
        max={points.length - 1}
        value={index}
        aria-valuetext={`after “${text.slice(Math.max(claim.start, at - 30), at).trim()}”`}
        onChange={(e) => setIndex(Number(e.target.value))}
      />
      {suggested !== null && at !== suggested && (
        <button type="button" className="link-button" onClick={() => setIndex(points.indexOf(suggested))}>
          Back to the suggested sentence boundary
        </button>
      )}
      {halves && (
        <ol className="split-preview">
          <li>{text.slice(halves[0].start, halves[0].end)}</li>
          <li>{text.slice(halves[1].start, halves[1].end)}</li>
        </ol>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={split.isPending}
          onClick={() =>
            split.mutate(
              { at, batchId: undoableBatch() },
              {
                onSuccess: (added, { batchId }) => {
                  showUndoToast('Claim split in two', batchId);
                  onDone(added.id);
                },
                onError: (e) => showToast(describeDbError(e), { tone: 'error' }),
              },
            )
          }
        >
          Split here
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
