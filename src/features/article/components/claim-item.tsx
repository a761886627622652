import { type ComponentType, memo } from 'react';
import type { Claim, Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { kindLabel } from '@/core/review/kinds';
import { verdictLabel } from '@/core/review/verdicts';
import { useCanWrite } from '@/stores/can-write';

type Props = Readonly<{
  claim: Claim;
  number: number;
  selected: boolean;
  /** A flag for the claim (e.g. a verdict with no source), composed in by the app. */
  Badge?: ComponentType<{ claim: Claim }>;
  /** Asks for a verdict: the app's verdict request, which confirms a rating with no source first. */
  onVerdict: (claim: Claim, verdict: Verdict) => void;
  onSelect: (claimId: string, origin: 'list') => void;
  /** `div` inside a virtual list, whose rows carry the list item role. */
  as?: 'li' | 'div';
}>;

/** One claim in the side list: its words (select it), its kind, and its verdict (change it). */
export const ClaimItem = memo(function ClaimItem({
  claim,
  number,
  selected,
  Badge,
  onVerdict,
  onSelect,
  as = 'li',
}: Props) {
  const Item = as;
  const { canWrite, reason } = useCanWrite();
  const verdictId = `verdict-${claim.id}`;
  return (
    <Item className="claim-item" data-selected={selected || undefined} data-claim-id={claim.id}>
      <button
        type="button"
        className="claim-item-text"
        aria-pressed={selected}
        onClick={() => onSelect(claim.id, 'list')}
      >
        <span className="claim-number">{number}.</span> {claim.text}
      </button>
      <div className="claim-item-meta">
        <span className={`kind kind-${claim.kind}`}>{kindLabel(claim.kind)}</span>
        {Badge && <Badge claim={claim} />}
        <label className="verdict" htmlFor={verdictId}>
          Verdict
        </label>
        <select
          id={verdictId}
          className={`verdict-select verdict-${claim.verdict.replace(' ', '-')}`}
          value={claim.verdict}
          disabled={!canWrite}
          title={reason ?? undefined}
          onChange={(e) => onVerdict(claim, e.target.value as Verdict)}
        >
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {verdictLabel(v)}
            </option>
          ))}
        </select>
      </div>
    </Item>
  );
});
