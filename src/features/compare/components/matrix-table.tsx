import {
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  memo,
  useEffect,
  useRef,
  useState,
} from 'react';
import { Link } from 'react-router';
import type { Matrix, MatrixRow } from '@/core/compare/matrix';
import { CellEntries, takeOffTarget } from './cell-entries';

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

/** The cell (`data-cell="row:column"`) an event came from, when it came from the cell itself. */
function cellOf(target: EventTarget): [number, number] | null {
  const cell = (target as HTMLElement).closest?.<HTMLElement>('[data-cell]');
  if (!cell || cell !== target) return null;
  return cell.dataset.cell!.split(':').map(Number) as [number, number];
}

type RowProps = Readonly<{
  row: MatrixRow;
  r: number;
  /** The column of this row's cell in the tab order, -1 when that cell is in another row. */
  activeColumn: number;
  articleTitles: ReadonlyMap<string, string>;
}>;

/** One question's row; rendered again only when the row or its place in the tab order changes. */
const Row = memo(function Row({ row, r, activeColumn, articleTitles }: RowProps) {
  return (
    <tr data-question={row.question.id} className={row.conflict ? 'conflict-row' : undefined}>
      <th scope="row" data-cell={`${r}:0`} tabIndex={activeColumn === 0 ? 0 : -1}>
        {row.conflict ? (
          <span className="conflict-mark" title="One speaker is for and another against">
            Conflict
          </span>
        ) : null}
        {row.question.text}
      </th>
      {row.cells.map((cell, i) => (
        <td key={cell.speakerId} data-cell={`${r}:${i + 1}`} tabIndex={activeColumn === i + 1 ? 0 : -1}>
          <CellEntries entries={cell.entries} articleTitles={articleTitles} takeOff />
        </td>
      ))}
    </tr>
  );
});

/**
 * The comparison as a real table: questions are row headers, speakers column headers. The cells
 * form one tab stop; arrow keys move between them (Home / End: first / last in the row), and Tab
 * goes on into a cell's buttons. Every row is rendered in one commit: the view is open when the
 * whole matrix shows (off-screen, the table is not styled or laid out until scrolled near, nor
 * are off-screen cells' claims: see the CSS; `--matrix-rows` sizes it meanwhile).
 * Focus, keys and the claims' "Take off" buttons are handled once, on the table.
 */
export const MatrixTable = memo(function MatrixTable({
  matrix,
  caption,
  articleTitles,
  speakerHref,
  onTakeOff,
}: Props) {
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const table = useRef<HTMLTableElement>(null);
  // a Take off's button goes with its claim: the keyboard goes back to the cell, or to the
  // question when the speaker's column goes too (their last placed claim)
  const tookOff = useRef<{ questionId: string; speakerId: string } | null>(null);
  useEffect(() => {
    const from = tookOff.current;
    tookOff.current = null;
    const focused = document.activeElement;
    if (!from || (focused && focused !== document.body)) return;
    const r = matrix.rows.findIndex((row) => row.question.id === from.questionId);
    if (r < 0) return;
    const c = matrix.columns.findIndex((s) => s.id === from.speakerId) + 1;
    setActive([r, c]);
    table.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`)?.focus();
  }, [matrix]);
  const rows = matrix.rows.length;
  const cols = matrix.columns.length + 1;
  const [ar, ac] = [Math.min(active[0], rows - 1), Math.min(active[1], cols - 1)];

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const at = cellOf(event.target);
    if (!at) return;
    const [r, c] = at;
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
  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const at = cellOf(event.target);
    if (at) setActive(at);
  };
  const onClick = (event: MouseEvent<HTMLTableElement>) => {
    const claimId = takeOffTarget(event.target);
    const questionId = (event.target as Element).closest?.<HTMLElement>('tr[data-question]')?.dataset
      .question;
    if (!claimId || !questionId) return;
    const c = Number(
      (event.target as Element).closest<HTMLElement>('td[data-cell]')?.dataset.cell?.split(':')[1],
    );
    const speakerId = matrix.columns[c - 1]?.id;
    if (speakerId) tookOff.current = { questionId, speakerId };
    onTakeOff(questionId, claimId);
  };

  return (
    <div className="matrix-scroll" style={{ '--matrix-rows': rows } as CSSProperties}>
      <table ref={table} className="compare-matrix" onKeyDown={onKeyDown} onFocus={onFocus} onClick={onClick}>
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
            <Row
              key={row.question.id}
              row={row}
              r={r}
              activeColumn={r === ar ? ac : -1}
              articleTitles={articleTitles}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
});
