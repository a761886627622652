import { usePrefetchQuery, useQuery } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ClaimId, Verdict } from '@/core/model/types';
import { type ClaimSort, hasActiveFilters } from '@/core/review/filters';
import { verdictForDigit, verdictNeedsSource } from '@/core/review/verdicts';
import { type ClaimTableRow as ClaimRow, countWithoutSource } from '@/db/claim-list';
import { describeDbError } from '@/db/errors';
import { articleQueries, claimQueries, speakerQueries } from '@/db/queries';
import { BulkBar } from '@/features/claims-table/components/bulk-bar';
import { ClaimsCount } from '@/features/claims-table/components/claims-count';
import { ClaimsEmpty } from '@/features/claims-table/components/claims-empty';
import { ClaimsFilters } from '@/features/claims-table/components/claims-filters';
import { ClaimsGrid } from '@/features/claims-table/components/claims-grid';
import { FiltersPendingNote } from '@/features/claims-table/components/filters-pending-note';
import { SearchBox } from '@/features/claims-table/components/search-box';
import { type VerdictAsk, VerdictConfirm } from '@/features/claims-table/components/verdict-confirm';
import { afterAQuietMoment } from '@/features/claims-table/hooks/quiet-moment';
import { useBulkActions } from '@/features/claims-table/hooks/use-bulk-actions';
import { useClaimFilters } from '@/features/claims-table/hooks/use-claim-filters';
import {
  firstPageQuery,
  useClaimCount,
  useFirstPageStatus,
  useMatchingIdsOnDemand,
} from '@/features/claims-table/hooks/use-claim-table';
import { useTableKeys } from '@/features/claims-table/hooks/use-table-keys';
import type { ClaimNavState } from '@/stores/selected-claim';
import {
  useTableAnchorId,
  useTableRangeSelected,
  useTableRowToggled,
  useTableSelection,
  useTableSelectionCleared,
  useTableSelectionReplaced,
} from '@/stores/ui-store';
import { StatusMessage } from '@/ui/status-message';
import '@/features/claims-table/claims-table.css';

type Props = Readonly<{
  libraryHref: string;
  claimHref: (articleId: string, claimId: string) => string;
  /** Screen actions composed in by the app (e.g. the export button). */
  actions?: ReactNode;
}>;

/** Sorts that read best newest / highest first. */
const DESC_FIRST: readonly ClaimSort[] = ['updated', 'checkworthy'];

export function ClaimsScreen({ libraryHref, claimHref, actions }: Props) {
  const [filters, setFilters] = useClaimFilters();
  // The count and the first page are asked for together, in this first render: the grid (which
  // reads the pages) mounts only once the count is in, and would otherwise ask for page 0 a round
  // trip and a render later.
  usePrefetchQuery(claimQueries.count(filters));
  usePrefetchQuery(firstPageQuery(filters));
  const matching = useClaimCount(filters);
  const count = matching.data ?? 0;
  const matchingIds = useMatchingIdsOnDemand(filters);
  // The filter menus' full lists (every speaker, every article's title: 0.5 MB at 100,000 claims)
  // are read once the first rows are in (or there are none) and the page has had a quiet moment, or
  // as soon as the filters are used: the rows name their own speakers and articles, so they never
  // wait behind these reads, and a quick move on to another screen does not queue its first reads
  // behind them either (IndexedDB answers in order, and a request under way cannot be taken back).
  const firstPage = useFirstPageStatus(filters);
  const [menusWanted, setMenusWanted] = useState(false);
  const rowsIn = firstPage === 'success' || (matching.isFetched && count === 0) || matching.isError;
  useEffect(
    () => (rowsIn && !menusWanted ? afterAQuietMoment(() => setMenusWanted(true)) : undefined),
    [rowsIn, menusWanted],
  );
  const speakers = useQuery({ ...speakerQueries.list(), enabled: menusWanted });
  const articles = useQuery({ ...articleQueries.titles(), enabled: menusWanted });
  const wantMenus = useCallback(() => setMenusWanted(true), []);
  const selection = useTableSelection();
  const anchorId = useTableAnchorId();
  const anchorIndex = useRef(-1);
  const rowToggled = useTableRowToggled();
  const rangeSelected = useTableRangeSelected();
  const selectionReplaced = useTableSelectionReplaced();
  const selectionCleared = useTableSelectionCleared();
  const navigate = useNavigate();
  const [focus, setFocus] = useState({ index: -1, byKey: false });
  const searchRef = useRef<HTMLInputElement>(null);
  const rowsRef = useRef<ReadonlyMap<number, ClaimRow>>(new Map());

  const bulk = useBulkActions();
  const [ask, setAsk] = useState<VerdictAsk | null>(null);
  /** A rating verdict on claims without a source asks first; the rest is set at once. */
  const setVerdict = (ids: readonly ClaimId[], verdict: Verdict) => {
    if (ids.length === 0) return;
    if (!verdictNeedsSource(verdict)) return bulk.verdict.mutate({ ids, verdict });
    void countWithoutSource(ids).then((withoutSource) =>
      withoutSource === 0 ? bulk.verdict.mutate({ ids, verdict }) : setAsk({ ids, verdict, withoutSource }),
    );
  };

  // A new filter is a new list: the selection and the focus start again (sorting keeps them).
  const filterKey = JSON.stringify({ ...filters, sort: null, desc: null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the filters (not the sort) change.
  useEffect(() => {
    selectionCleared();
    setFocus({ index: -1, byKey: false });
  }, [filterKey, selectionCleared]);
  useEffect(() => selectionCleared, [selectionCleared]);

  const articleOptions = useMemo(
    () => (articles.data ?? []).map((a) => ({ id: a.id, label: a.title })),
    [articles.data],
  );

  const open = useCallback(
    (row: ClaimRow) => {
      navigate(claimHref(row.articleId, row.id), { state: { origin: 'list' } satisfies ClaimNavState });
    },
    [navigate, claimHref],
  );
  const toggle = useCallback(
    (index: number, shiftKey: boolean) => {
      const row = rowsRef.current.get(index);
      if (!row) return;
      const anchor = anchorId !== null ? anchorIndex.current : -1;
      anchorIndex.current = index;
      setFocus({ index, byKey: false });
      if (shiftKey && anchor >= 0) {
        const [a, b] = anchor < index ? [anchor, index] : [index, anchor];
        void matchingIds().then((ids) => rangeSelected(ids.slice(a, b + 1), row.id));
      } else rowToggled(row.id);
    },
    [anchorId, matchingIds, rangeSelected, rowToggled],
  );
  const allSelected = count > 0 && selection.size >= count;
  const toggleAll = useCallback(
    () => (allSelected ? selectionCleared() : void matchingIds().then(selectionReplaced)),
    [allSelected, matchingIds, selectionCleared, selectionReplaced],
  );
  const onSort = useCallback(
    (sort: ClaimSort) =>
      setFilters((f) =>
        f.sort === sort ? { ...f, desc: !f.desc } : { ...f, sort, desc: DESC_FIRST.includes(sort) },
      ),
    [setFilters],
  );
  const onSearch = useCallback(
    (q: string) => setFilters((f) => ({ ...f, q }), { replace: true }),
    [setFilters],
  );
  const onFocusRow = useCallback((index: number) => setFocus({ index, byKey: false }), []);
  const targets = (): ClaimId[] => {
    if (selection.size > 0) return [...selection] as ClaimId[];
    const row = rowsRef.current.get(focus.index);
    return row ? [row.id] : [];
  };

  useTableKeys({
    count,
    hasSelection: selection.size > 0,
    move: (delta) =>
      setFocus((f) => ({ index: Math.min(count - 1, Math.max(0, f.index + delta)), byKey: true })),
    toggleFocused: () => {
      if (focus.index >= 0) toggle(focus.index, false);
      else setFocus({ index: 0, byKey: true });
    },
    openFocused: () => {
      const row = rowsRef.current.get(focus.index);
      if (row) open(row);
    },
    verdictDigit: (digit) => {
      const verdict = verdictForDigit(digit);
      if (verdict) setVerdict(targets(), verdict);
    },
    focusSearch: () => searchRef.current?.focus(),
    clearSelection: selectionCleared,
  });

  const error = matching.error ?? speakers.error ?? articles.error;
  return (
    <div className="claims-screen">
      <div className="claims-title">
        <h1>Claims</h1>
        <ClaimsCount
          pending={matching.isPending}
          count={count}
          selected={selection.size}
          searching={filters.q !== ''}
        />
        {actions}
      </div>
      <FiltersPendingNote />
      <SearchBox inputRef={searchRef} value={filters.q} onSearch={onSearch} />
      <ClaimsFilters
        filters={filters}
        articles={articleOptions}
        speakers={speakers.data ?? []}
        loading={speakers.data === undefined || articles.data === undefined}
        onWanted={wantMenus}
        onChange={(f) => setFilters(f)}
      />
      {count > 0 && (
        <BulkBar
          count={selection.size}
          busy={bulk.busy}
          onVerdict={(verdict) => setVerdict([...selection] as ClaimId[], verdict)}
          onTag={(tag) => bulk.tag.mutate({ ids: [...selection] as ClaimId[], tag })}
          onUntag={(tag) => bulk.untag.mutate({ ids: [...selection] as ClaimId[], tag })}
          onDelete={() => {
            bulk.remove.mutate({ ids: [...selection] as ClaimId[] });
            selectionCleared();
          }}
          onClear={selectionCleared}
        />
      )}
      <VerdictConfirm
        ask={ask}
        onCancel={() => setAsk(null)}
        onConfirm={({ ids, verdict }) => {
          setAsk(null);
          bulk.verdict.mutate({ ids, verdict });
        }}
      />
      {error ? (
        <StatusMessage tone="error">{describeDbError(error)}</StatusMessage>
      ) : matching.isPending ? (
        <p className="loading">Loading claims…</p>
      ) : count === 0 ? (
        <ClaimsEmpty
          filters={filters}
          filtered={hasActiveFilters(filters)}
          libraryHref={libraryHref}
          onClear={setFilters}
        />
      ) : (
        <>
          <p className="hint claims-hint">
            <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>x</kbd> selects, <kbd>Enter</kbd> opens, <kbd>1</kbd>–
            <kbd>9</kbd> set a verdict, <kbd>/</kbd> searches.
          </p>
          <ClaimsGrid
            filters={filters}
            count={count}
            selection={selection}
            focusIndex={focus.index}
            focusByKey={focus.byKey}
            claimHref={claimHref}
            onSort={onSort}
            onFocusRow={onFocusRow}
            onToggle={toggle}
            onToggleAll={toggleAll}
            onOpen={open}
            rowsRef={rowsRef}
            allSelected={allSelected}
          />
        </>
      )}
    </div>
  );
}
