type Props = Readonly<{ done: number; total: number; label: string }>;

/** A labelled bar for "n of total done"; a total of 0 reads as empty, not as complete. */
export function ProgressMeter({ done, total, label }: Props) {
  const pct = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total}`}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text">
        {done}/{total} checked
      </span>
    </div>
  );
}
