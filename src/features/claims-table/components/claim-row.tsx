import { memo } from 'react';
import { Link } from 'react-router';
import { formatCheckworthy } from '@/core/review/checkworthiness';
import { kindLabel } from '@/core/review/kinds';
import { verdictLabel } from '@/core/review/verdicts';
import { clip } from '@/core/text/clip';
import type { ClaimTableRow as Row } from '@/db/claim-list';
import { formatUpdated } from '@/features/claims-table/format';

type Props = Readonly<{
  index: number;
  row: Row | undefined;
  speakerName: string | null;
  articleTitle: string;
  href: string;
  selected: boolean;
  focused: boolean;
  /** The grid's one Tab stop: the focused row, or the first row while none is (WAI-ARIA grid pattern). */
  tabbable: boolean;
  measureRef: (el: HTMLElement | null) => void;
  start: number;
  onFocusRow: (index: number) => void;
  onToggle: (index: number, shiftKey: boolean) => void;
  onOpen: (index: number) => void;
}>;

/** One claim: a grid row whose text is clamped until it has the focus. */
export const ClaimRow = memo(function ClaimRow(p: Props) {
  const { row, index } = p;
  const style = { transform: `translateY(${p.start}px)` };
  if (!row) {
    return (
      <div
        role="row"
        aria-rowindex={index + 2}
        className="claim-row loading-row"
        data-index={index}
        ref={p.measureRef}
        style={style}
      >
        <div role="gridcell" className="cell-text">
          Loading…
        </div>
      </div>
    );
  }
  const claim = row;
  const { sourceCount, flagged } = row;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={p.selected}
      tabIndex={p.tabbable ? 0 : -1}
      className="claim-row"
      data-index={index}
      data-focused={p.focused || undefined}
      data-selected={p.selected || undefined}
      ref={p.measureRef}
      style={style}
      onFocus={(e) => {
        if (e.target === e.currentTarget || !p.focused) p.onFocusRow(index);
      }}
      onDoubleClick={() => p.onOpen(index)}
    >
      <div role="gridcell" className="cell-select">
        <input
          type="checkbox"
          checked={p.selected}
          aria-label={`Select claim: ${clip(claim.text, 60)}`}
          onChange={() => undefined}
          onClick={(e) => p.onToggle(index, e.shiftKey)}
          tabIndex={-1}
        />
      </div>
      <div role="gridcell" className="cell-text">
        <span className="claim-text">{claim.text}</span>
      </div>
      <div role="gridcell" className="cell-speaker" data-label="Speaker">
        {p.speakerName ? (
          <span className="speaker-name">{p.speakerName}</span>
        ) : (
          <span className="muted">No speaker</span>
        )}
      </div>
      <div role="gridcell" className="cell-article" data-label="Article">
        <Link
          to={p.href}
          tabIndex={p.focused ? 0 : -1}
          aria-label={`Open in “${p.articleTitle}”`}
          onClick={(e) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            p.onOpen(index);
          }}
        >
          {p.articleTitle}
        </Link>
      </div>
      <div role="gridcell" className="cell-kind" data-label="Kind">
        {kindLabel(claim.kind)}
      </div>
      <div role="gridcell" className="cell-verdict" data-label="Verdict">
        <span className={`verdict-badge verdict-${claim.verdict.replace(' ', '-')}`}>
          {verdictLabel(claim.verdict)}
        </span>
        {flagged && (
          <span className="flag-badge" title="A verdict needs at least one source">
            No source
          </span>
        )}
      </div>
      <div role="gridcell" className="cell-tags" data-label="Tags">
        {claim.tags.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          claim.tags.map((t) => (
            <span key={t} className="tag-chip">
              {t}
            </span>
          ))
        )}
      </div>
      <div role="gridcell" className="cell-sources" data-label="Sources">
        {sourceCount}
      </div>
      <div
        role="gridcell"
        className="cell-checkworthy"
        data-label="Check-worthy"
        title={claim.checkworthy.signals.join(', ') || undefined}
      >
        {formatCheckworthy(claim.checkworthy.score)}
      </div>
      <div role="gridcell" className="cell-updated" data-label="Updated">
        <time dateTime={new Date(claim.updatedAt).toISOString()}>{formatUpdated(claim.updatedAt)}</time>
      </div>
    </div>
  );
});
