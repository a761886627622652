import { memo } from 'react';
import { Link } from 'react-router';
import type { Matrix } from '@/core/compare/matrix';
import { CellEntries } from './cell-entries';

type Props = Readonly<{
  matrix: Matrix;
  focus: string | null;
  onFocus: (questionId: string) => void;
  articleTitles: ReadonlyMap<string, string>;
  speakerHref: (speakerId: string) => string;
}>;

/** At phone width: one question at a time, its speakers stacked. */
export const PhoneView = memo(function PhoneView({
  matrix,
  focus,
  onFocus,
  articleTitles,
  speakerHref,
}: Props) {
  const index = Math.max(
    0,
    matrix.rows.findIndex((r) => r.question.id === focus),
  );
  const row = matrix.rows[index];
  if (!row) return null;
  const go = (i: number) => {
    const to = matrix.rows[i];
    if (to) onFocus(to.question.id);
  };
  // aria-disabled, not disabled: reaching the first or last question would drop the keyboard focus to the page
  return (
    <section className="compare-phone" aria-labelledby="phone-question">
      <div className="phone-nav">
        <button type="button" onClick={() => go(index - 1)} aria-disabled={index === 0}>
          ← Previous
        </button>
        <span>
          Question {index + 1} of {matrix.rows.length}
        </span>
        <button type="button" onClick={() => go(index + 1)} aria-disabled={index === matrix.rows.length - 1}>
          Next →
        </button>
      </div>
      <h3 id="phone-question" className={row.conflict ? 'conflict-row' : undefined}>
        {row.conflict ? <span className="conflict-mark">Conflict</span> : null}
        {row.question.text}
      </h3>
      <ul className="phone-speakers">
        {row.cells.map((cell, i) => (
          <li key={cell.speakerId}>
            <h4>
              <Link to={speakerHref(cell.speakerId)}>{matrix.columns[i]!.name}</Link>
            </h4>
            <CellEntries entries={cell.entries} articleTitles={articleTitles} />
          </li>
        ))}
      </ul>
    </section>
  );
});
