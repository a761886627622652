import { type KeyboardEvent, memo, useState } from 'react';
import { Link } from 'react-router';
import type { Matrix } from '@/core/compare/matrix';
import { CellEntries } from './cell-entries';

type Props = Readonly<{
  matrix: Matrix;
  caption: string;
  articleTitles: ReadonlyMap<string, string>;
  speakerHref: (speakerId: string) => string;
  onTakeOff: (questionId: string, claimId: string) => void;
}>;

const KEYS: Readonly<Record<string, [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * The comparison as a real table: questions are row headers, speakers column headers. The cells
 * form one tab stop; arrow keys move between them (Home / End: first / last in the row), and Tab
 * goes on into a cell's buttons. Every row is rendered in one commit: the view is open when the
 * whole matrix shows (off-screen cells' claims are not laid out until scrolled to, see the CSS).
 */
export const MatrixTable = memo(function MatrixTable({
  matrix,
  caption,
  articleTitles,
  speakerHref,
  onTakeOff,
}: Props) {
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const rows = matrix.rows.length;
  const cols = matrix.columns.length + 1;
  const [ar, ac] = [Math.min(active[0], rows - 1), Math.min(active[1], cols - 1)];

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell || cell !== event.target) return;
    const [r, c] = cell.dataset.cell!.split(':').map(Number) as [number, number];
    let next: [number, number] | null = null;
    const move = KEYS[event.key];
    if (move)
      next = [Math.max(0, Math.min(rows - 1, r + move[0])), Math.max(0, Math.min(cols - 1, c + move[1]))];
    if (event.key === 'Home') next = [r, 0];
    if (event.key === 'End') next = [r, cols - 1];
    if (!next) return;
    event.preventDefault();
    setActive(next);
    event.currentTarget.querySelector<HTMLElement>(`[data-cell="${next[0]}:${next[1]}"]`)?.focus();
  };
  const cellProps = (r: number, c: number) => ({
    'data-cell': `${r}:${c}`,
    tabIndex: r === ar && c === ac ? 0 : -1,
    onFocus: () => setActive([r, c]),
  });

  return (
    <div className="matrix-scroll">
      <table className="compare-matrix" onKeyDown={onKeyDown}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="question-head">
              Question
            </th>
            {matrix.columns.map((s) => (
              <th scope="col" key={s.id}>
                <Link to={speakerHref(s.id)}>{s.name}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, r) => (
            <tr key={row.question.id} className={row.conflict ? 'conflict-row' : undefined}>
              <th scope="row" {...cellProps(r, 0)}>
                {row.conflict ? (
                  <span className="conflict-mark" title="One speaker is for and another against">
                    Conflict
                  </span>
                ) : null}
                {row.question.text}
              </th>
              {row.cells.map((cell, i) => (
                <td key={cell.speakerId} {...cellProps(r, i + 1)}>
                  <CellEntries
                    entries={cell.entries}
                    articleTitles={articleTitles}
                    onTakeOff={(claimId) => onTakeOff(row.question.id, claimId)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
