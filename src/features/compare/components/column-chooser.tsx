import { useState } from 'react';
import type { CompareSpeaker } from '@/core/compare/types';

type Props = Readonly<{
  /** Every speaker that can be a column, in the current order. */
  order: readonly CompareSpeaker[];
  hidden: ReadonlySet<string>;
  /** A new column order (every id). */
  onReorder: (order: readonly string[]) => void;
  /** Show a hidden column or hide a shown one. */
  onToggle: (id: string) => void;
}>;

/** Choose, reorder and hide the speaker columns (all kept in the URL). */
export function ColumnChooser({ order, hidden, onReorder, onToggle }: Props) {
  const ids = order.map((s) => s.id);
  const move = (i: number, by: number) => {
    const next = [...ids];
    const [id] = next.splice(i, 1);
    next.splice(i + by, 0, id!);
    onReorder(next);
  };
  const shown = ids.filter((id) => !hidden.has(id)).length;
  // the list (six elements and three handlers a speaker) is rendered only while it is open
  const [open, setOpen] = useState(false);
  return (
    <details className="column-chooser" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Columns ({shown} of {ids.length} shown)
      </summary>
      {open ? (
        <ol>
          {order.map((s, i) => (
            <li key={s.id}>
              <label>
                <input type="checkbox" checked={!hidden.has(s.id)} onChange={() => onToggle(s.id)} />
                {s.name}
              </label>
              <span className="move-buttons">
                <button
                  type="button"
                  onClick={() => move(i, -1)}
                  disabled={i === 0}
                  aria-label={`Move ${s.name} left`}
                >
                  ←
                </button>
                <button
                  type="button"
                  onClick={() => move(i, 1)}
                  disabled={i === order.length - 1}
                  aria-label={`Move ${s.name} right`}
                >
                  →
                </button>
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}
