import type { CompareSpeaker } from '@/core/compare/types';

type Props = Readonly<{
  /** Every speaker that can be a column, in the current order. */
  order: readonly CompareSpeaker[];
  hidden: ReadonlySet<string>;
  onChange: (order: readonly string[], hidden: readonly string[]) => void;
}>;

/** Choose, reorder and hide the speaker columns (all kept in the URL). */
export function ColumnChooser({ order, hidden, onChange }: Props) {
  const ids = order.map((s) => s.id);
  const move = (i: number, by: number) => {
    const next = [...ids];
    const [id] = next.splice(i, 1);
    next.splice(i + by, 0, id!);
    onChange(next, [...hidden]);
  };
  const toggle = (id: string) =>
    onChange(ids, hidden.has(id) ? [...hidden].filter((h) => h !== id) : [...hidden, id]);
  const shown = ids.filter((id) => !hidden.has(id)).length;
  return (
    <details className="column-chooser">
      <summary>
        Columns ({shown} of {ids.length} shown)
      </summary>
      <ol>
        {order.map((s, i) => (
          <li key={s.id}>
            <label>
              <input type="checkbox" checked={!hidden.has(s.id)} onChange={() => toggle(s.id)} />
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
    </details>
  );
}
