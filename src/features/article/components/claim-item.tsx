import '@/features/article/components/claim-quotation.css';
import { type ComponentType, Fragment, memo } from 'react';
import type { Claim, Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { kindLabel } from '@/core/review/kinds';
import { verdictLabel } from '@/core/review/verdicts';
import { useCanWrite } from '@/stores/can-write';
import { StoredSelect } from '@/ui/stored-select';

export type ClaimBadgeProps = { claim: Claim; parts?: readonly Claim[] };

type Props = Readonly<{
  /** The quotation's first part: its number, kind and verdict stand for the quotation. */
  claim: Claim;
  /** Every part of the quotation in reading order (just `claim` for a quotation of one part). */
  parts: readonly Claim[];
  /** 0 while not known (only the article's first claims are read). */
  number: number;
  /** The open claim when it is one of `parts`, else null. */
  selectedPart: string | null;
  /** A flag for the claim (e.g. a verdict with no source), composed in by the app. */
  Badge?: ComponentType<ClaimBadgeProps>;
  /** Asks for a verdict on the whole quotation (every part), through the app's verdict request. */
  onVerdict: (claim: Claim, verdict: Verdict, parts?: readonly Claim[]) => void;
  onSelect: (claimId: string, origin: 'list') => void;
  /** `div` inside a virtual list, whose rows carry the list item role. */
  as?: 'li' | 'div';
}>;

/**
 * One quotation in the side list: its words (select it), its parts when the extractor split it around
 * the cue or over paragraphs (select one), its kind, and its verdict (change it for every part).
 */
export const ClaimItem = memo(function ClaimItem({
  claim,
  parts,
  number,
  selectedPart,
  Badge,
  onVerdict,
  onSelect,
  as = 'li',
}: Props) {
  const Item = as;
  const { canWrite, reason } = useCanWrite();
  const verdictId = `verdict-${claim.id}`;
  const grouped = parts.length > 1;
  const selected = selectedPart !== null;
  const verdict = claim.verdict;
  // Verdicts set on one part elsewhere (the claims table) can differ: the menu says so until one is chosen.
  const mixed = parts.some((p) => p.verdict !== verdict);
  return (
    <Item
      className="claim-item"
      data-selected={selected || undefined}
      data-claim-id={claim.id}
      data-parts={grouped ? parts.length : undefined}
    >
      <button
        type="button"
        className="claim-item-text"
        aria-pressed={selected}
        onClick={() => onSelect(selectedPart ?? claim.id, 'list')}
      >
        {number > 0 && (
          <>
            <span className="claim-number">{number}.</span>{' '}
          </>
        )}
        {parts.map((p, i) => (
          <Fragment key={p.id}>
            {i > 0 && (
              <span className="claim-gap" aria-hidden="true">
                {' … '}
              </span>
            )}
            <span className="claim-part-text" data-part-id={p.id}>
              {p.text}
            </span>
          </Fragment>
        ))}
      </button>
      {grouped && (
        // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a legend box for three small buttons.
        <div className="claim-parts" role="group" aria-label={`Quotation ${number}: ${parts.length} parts`}>
          <span className="claim-parts-label" aria-hidden="true">
            One quotation, {parts.length} parts:
          </span>
          {parts.map((p, i) => (
            <button
              key={p.id}
              type="button"
              className="claim-part"
              aria-pressed={selectedPart === p.id}
              aria-label={`Part ${i + 1} of ${parts.length}`}
              data-part-id={p.id}
              onClick={() => onSelect(p.id, 'list')}
            >
              {i + 1}
            </button>
          ))}
        </div>
      )}
      <div className="claim-item-meta">
        <span className={`kind kind-${claim.kind}`}>{kindLabel(claim.kind)}</span>
        {Badge && <Badge claim={claim} parts={parts} />}
        <label className="verdict" htmlFor={verdictId}>
          {grouped ? 'Verdict (all parts)' : 'Verdict'}
        </label>
        <StoredSelect<Verdict>
          id={verdictId}
          className={`verdict-select verdict-${verdict.replace(' ', '-')}`}
          value={mixed ? '' : verdict}
          disabled={!canWrite}
          title={reason ?? undefined}
          onCommit={(v) => onVerdict(claim, v, parts)}
        >
          {mixed && (
            <option value="" disabled>
              Parts differ
            </option>
          )}
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {verdictLabel(v)}
            </option>
          ))}
        </StoredSelect>
      </div>
    </Item>
  );
});
