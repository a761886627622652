import type { Claim } from '@/core/model/types';
import { checkworthyLevel, formatCheckworthy } from '@/core/review/checkworthiness';

const SIGNAL_LABELS: Readonly<Record<string, string>> = {
  percentage: 'a percentage',
  money: 'an amount of money',
  number: 'a number',
  quantity: 'a quantity',
  date: 'a date or period',
  comparison: 'a comparison',
  institution: 'a named institution',
  causal: 'a cause and effect',
};

/** Why the claim may be worth checking: its score and the signals the extractor found. */
export function Checkworthiness({ claim }: Readonly<{ claim: Claim }>) {
  const { score, signals } = claim.checkworthy;

  return (
    <div className="checkworthy">
      <p>
        <strong>{checkworthyLevel(score)}</strong> check-worthiness{' '}
        <span className="hint">({formatCheckworthy(score)})</span>
      </p>
      {signals.length > 0 ? (
        <ul className="signal-list" aria-label="Signals">
          {signals.map((s) => (
            <li key={s} className="signal">
              {SIGNAL_LABELS[s] ?? s}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No numbers, dates, quantities or comparisons found.</p>
      )}
      <p className="hint">
        Extraction confidence {Math.round(claim.confidence * 100)}%
        {claim.cue ? ` · cue “${claim.cue.text}”` : ''}
        {claim.speakerMention ? ` · attributed through “${claim.speakerMention.text}”` : ''}
      </p>
    </div>
  );
}
