import type { CellEntry } from '@/core/compare/matrix';
import { STANCE_LABELS } from '@/core/compare/types';
import { verdictLabel } from '@/core/review/verdicts';

type Props = Readonly<{
  entries: readonly CellEntry[];
  articleTitles: ReadonlyMap<string, string>;
  onTakeOff?: (claimId: string) => void;
}>;

const sources = (n: number) => `${n} source${n === 1 ? '' : 's'}`;

/** A speaker's claims on one question: stance, the words, verdict, source count, where and when. */
export function CellEntries({ entries, articleTitles, onTakeOff }: Props) {
  if (entries.length === 0) return <span className="said-nothing">said nothing on this</span>;
  return (
    <ul className="cell-entries">
      {entries.map(({ claim, stance }) => (
        <li key={claim.id} className={`cell-entry stance-${stance}`}>
          <span className={`stance-badge stance-${stance}`}>{STANCE_LABELS[stance]}</span>
          <q className="cell-claim">{claim.text}</q>
          <span className="cell-meta">
            {`${verdictLabel(claim.verdict)} · ${sources(claim.sourceCount)}${claim.date ? ` · ${claim.date}` : ''}`}
            {articleTitles.get(claim.articleId) ? (
              <span className="cell-article">{` · ${articleTitles.get(claim.articleId)}`}</span>
            ) : null}
          </span>
          {onTakeOff ? (
            <button
              type="button"
              className="link-button take-off"
              onClick={() => onTakeOff(claim.id)}
              aria-label={`Take off: “${claim.text.slice(0, 60)}”`}
            >
              Take off
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
