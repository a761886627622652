import { type ComponentType, memo } from 'react';
import type { Claim, Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { useClaimSelected } from '@/stores/ui-store';
import { KIND_LABELS } from '../claim-labels';
import { useSetClaimVerdict } from '../hooks/use-set-claim-verdict';

type Props = Readonly<{
  claim: Claim;
  number: number;
  selected: boolean;
  /** A flag for the claim (e.g. a verdict with no source), composed in by the app. */
  Badge?: ComponentType<{ claim: Claim }>;
}>;

/** One claim in the side list: its words (select it), its kind, and its verdict (change it). */
export const ClaimItem = memo(function ClaimItem({ claim, number, selected, Badge }: Props) {
  const claimSelected = useClaimSelected();
  const setVerdict = useSetClaimVerdict();
  const verdictId = `verdict-${claim.id}`;
  return (
    <li className="claim-item" data-selected={selected || undefined} data-claim-id={claim.id}>
      <button
        type="button"
        className="claim-item-text"
        aria-pressed={selected}
        onClick={() => claimSelected(claim.id, 'list')}
      >
        <span className="claim-number">{number}.</span> {claim.text}
      </button>
      <div className="claim-item-meta">
        <span className={`kind kind-${claim.kind}`}>{KIND_LABELS[claim.kind]}</span>
        {Badge && <Badge claim={claim} />}
        <label className="verdict" htmlFor={verdictId}>
          Verdict
        </label>
        <select
          id={verdictId}
          className={`verdict-select verdict-${claim.verdict.replace(' ', '-')}`}
          value={claim.verdict}
          onChange={(e) => setVerdict.mutate({ id: claim.id, verdict: e.target.value as Verdict })}
        >
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
    </li>
  );
});
