import { VERDICTS, type Verdict } from '@/core/model/types';
import { claimReviewRating, digitForVerdict, verdictLabel } from '@/core/review/verdicts';

type Props = Readonly<{ value: Verdict; onChange: (verdict: Verdict) => void; disabled?: boolean }>;

function ratingText(verdict: Verdict): string {
  const rating = claimReviewRating(verdict);
  if (!rating) return 'Not rated yet: no ClaimReview rating is published.';
  return rating.ratingValue === undefined
    ? `ClaimReview rating: “${rating.alternateName}” (no numeric value)`
    : `ClaimReview rating: “${rating.alternateName}”, ${rating.ratingValue} of ${rating.bestRating}`;
}

/** The verdict scale as a radio group; each option shows the digit that sets it. */
export function VerdictPicker({ value, onChange, disabled }: Props) {
  return (
    <fieldset className="verdict-picker" disabled={disabled}>
      <legend>Verdict</legend>
      <div className="verdict-options">
        {VERDICTS.map((v) => (
          <label key={v} className={`verdict-option verdict-tone-${v.replace(' ', '-')}`}>
            <input
              type="radio"
              name="verdict"
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
              aria-keyshortcuts={String(digitForVerdict(v))}
            />
            <kbd>{digitForVerdict(v)}</kbd> <span>{verdictLabel(v)}</span>
          </label>
        ))}
      </div>
      <p className="hint claimreview">{ratingText(value)}</p>
    </fieldset>
  );
}
