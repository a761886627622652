import { memo } from 'react';
import type { CellEntry } from '@/core/compare/matrix';
import { STANCE_LABELS } from '@/core/compare/types';
import { verdictLabel } from '@/core/review/verdicts';

type Props = Readonly<{
  entries: readonly CellEntry[];
  articleTitles: ReadonlyMap<string, string>;
  /**
   * Each claim gets a "Take off" button carrying `data-take-off` (the claim's id); its click is
   * handled once, on the table (`takeOffTarget`), not by a handler per claim.
   */
  takeOff?: boolean;
}>;

const sources = (n: number) => `${n} source${n === 1 ? '' : 's'}`;

/** The claim id of the "Take off" button an event came from, if any. */
export const takeOffTarget = (target: EventTarget | null): string | null =>
  target instanceof Element
    ? (target.closest<HTMLElement>('[data-take-off]')?.dataset.takeOff ?? null)
    : null;

/**
 * A speaker's claims on one question: stance, the words, verdict, source count, where and when.
 * Three elements per claim and a fourth for its button (a matrix holds some 1,200 claims): the
 * quoted words are the item's own text, the meta line one text node.
 */
export const CellEntries = memo(function CellEntries({ entries, articleTitles, takeOff }: Props) {
  if (entries.length === 0) return <span className="said-nothing">said nothing on this</span>;
  return (
    <ul className="cell-entries">
      {entries.map(({ claim, stance }) => {
        const title = articleTitles.get(claim.articleId);
        return (
          <li key={claim.id} className="cell-entry">
            <span className={`stance-badge stance-${stance}`}>{STANCE_LABELS[stance]}</span>
            {`“${claim.text}”`}
            <span className="cell-meta">
              {`${verdictLabel(claim.verdict)} · ${sources(claim.sourceCount)}${claim.date ? ` · ${claim.date}` : ''}${title ? ` · ${title}` : ''}`}
            </span>
            {takeOff ? (
              <button
                type="button"
                className="link-button take-off"
                data-take-off={claim.id}
                aria-label={`Take off: “${claim.text.slice(0, 60)}”`}
              >
                Take off
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
});
