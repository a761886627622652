import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimFilters, ClaimSort } from '@/core/review/filters';
import type { ClaimTableRow as Row } from '@/db/claim-list';
import { ClaimRow } from '@/features/claims-table/components/claim-row';
import { COLUMNS, formatCount } from '@/features/claims-table/format';
import { afterAQuietMoment } from '@/features/claims-table/hooks/quiet-moment';
import { PAGE_SIZE, useFirstPageStatus, useVisibleRows } from '@/features/claims-table/hooks/use-claim-table';

type Props = Readonly<{
  filters: ClaimFilters;
  /** How many claims match (the rows are read a page at a time). */
  count: number;
  selection: ReadonlySet<string>;
  focusIndex: number;
  /** Set when the focus moved by keyboard: the row is scrolled to and given DOM focus. */
  focusByKey: boolean;
  claimHref: (articleId: string, claimId: string) => string;
  onSort: (sort: ClaimSort) => void;
  onFocusRow: (index: number) => void;
  onToggle: (index: number, shiftKey: boolean) => void;
  onToggleAll: () => void;
  onOpen: (row: Row) => void;
  /** Lets the screen read the loaded row at an index (for Enter and digits). */
  rowsRef: React.RefObject<ReadonlyMap<number, Row>>;
  allSelected: boolean;
}>;

const phone = () => typeof window !== 'undefined' && window.matchMedia('(max-width: 760px)').matches;

/**
 * Until the grid's first rows are in, and then until the page has had a quiet moment or the grid is
 * used (scrolled, a key, a pointer, a row focused), the virtualiser is told of the first page's rows
 * only: it walks every row whenever the count changes (30-50 ms for 100,000 rows). Done at once,
 * that walk landed in the first rows' render; done in the frame after them, in whatever the person
 * did next (the Library's first rows after navigation, in the screens bench).
 */
function useCountWhenUsed(
  filters: ClaimFilters,
  count: number,
  scrollRef: React.RefObject<HTMLDivElement | null>,
  focusIndex: number,
): number {
  const rowsIn = useFirstPageStatus(filters) !== 'pending';
  const [whole, setWhole] = useState(false);
  useEffect(() => {
    if (whole) return;
    const el = scrollRef.current;
    const use = () => setWhole(true);
    const events = ['scroll', 'wheel', 'keydown', 'pointerdown', 'focusin'] as const;
    for (const e of events) el?.addEventListener(e, use, { passive: true });
    const cancel = rowsIn ? afterAQuietMoment(use) : () => {};
    return () => {
      cancel();
      for (const e of events) el?.removeEventListener(e, use);
    };
  }, [whole, rowsIn, scrollRef]);
  return whole || focusIndex >= PAGE_SIZE ? count : Math.min(count, PAGE_SIZE);
}

/** The virtualised grid: only the rows in view (plus overscan) are in the DOM, and only their pages are read. */
export function ClaimsGrid(p: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Read once per render: estimateSize runs for every one of (up to) 100,000 rows.
  const estimate = phone() ? 200 : 58;
  const virtualizer = useVirtualizer({
    count: useCountWhenUsed(p.filters, p.count, scrollRef, p.focusIndex),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const rows = useVisibleRows(p.filters, p.count, first, last);
  p.rowsRef.current = rows;

  // Keyboard moves: bring the row into view, then give it DOM focus once it is rendered.
  const { focusIndex, focusByKey } = p;
  useEffect(() => {
    if (!focusByKey || focusIndex < 0) return;
    virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
    let tries = 0;
    const focus = () => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"][tabindex]`);
      if (el) el.focus({ preventScroll: true });
      else if (tries++ < 10) requestAnimationFrame(focus);
    };
    requestAnimationFrame(focus);
  }, [focusIndex, focusByKey, virtualizer]);

  const { onOpen } = p;
  const open = useCallback(
    (index: number) => {
      const row = rows.get(index);
      if (row) onOpen(row);
    },
    [rows, onOpen],
  );

  const { allSelected } = p;
  const someSelected = p.selection.size > 0 && !allSelected;
  return (
    <div
      ref={scrollRef}
      className="claims-scroll"
      role="grid"
      aria-label="Claims"
      aria-rowcount={p.count + 1}
      aria-colcount={COLUMNS.length}
      aria-multiselectable="true"
    >
      <div role="rowgroup" className="claims-head">
        <div role="row" aria-rowindex={1} className="claim-row head-row">
          {COLUMNS.map((c) => {
            if (c.id === 'select') {
              return (
                <div role="columnheader" key={c.id} className="cell-select">
                  <input
                    type="checkbox"
                    aria-label={`Select all ${formatCount(p.count)} matching claims`}
                    checked={allSelected}
                    ref={(el) => {
                      if (el) el.indeterminate = someSelected;
                    }}
                    onChange={p.onToggleAll}
                    disabled={p.count === 0}
                  />
                </div>
              );
            }
            const active = c.sort !== undefined && p.filters.sort === c.sort;
            return (
              <div
                role="columnheader"
                key={c.id}
                className={`cell-${c.id}`}
                aria-sort={
                  c.sort ? (active ? (p.filters.desc ? 'descending' : 'ascending') : 'none') : undefined
                }
              >
                {c.sort ? (
                  <button type="button" className="sort-button" onClick={() => p.onSort(c.sort!)}>
                    {c.label}
                    <span aria-hidden="true" className="sort-arrow">
                      {active ? (p.filters.desc ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                ) : (
                  c.label
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="claims-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows.get(item.index);
          const claim = row;
          return (
            <ClaimRow
              key={item.key}
              index={item.index}
              start={item.start}
              row={row}
              measureRef={virtualizer.measureElement}
              speakerName={claim?.speakerName ?? null}
              articleTitle={claim ? (claim.articleTitle ?? 'Article') : ''}
              href={claim ? p.claimHref(claim.articleId, claim.id) : ''}
              selected={claim ? p.selection.has(claim.id) : false}
              focused={item.index === p.focusIndex}
              tabbable={item.index === Math.max(p.focusIndex, 0)}
              onFocusRow={p.onFocusRow}
              onToggle={p.onToggle}
              onOpen={open}
            />
          );
        })}
      </div>
    </div>
  );
}
