import { measureElement, useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ArticleSort, isArticleSort } from '@/core/review/progress';
import { describeDbError } from '@/db/errors';
import { ArticleRow } from '@/features/library/components/article-row';
import { useArticles } from '@/features/library/hooks/use-articles';
import { useKeptFocus } from '@/features/library/hooks/use-kept-focus';
import { usePageTop } from '@/features/library/hooks/use-page-top';
import { StatusMessage } from '@/ui/status-message';

type Props = Readonly<{ articleHref: (id: string) => string }>;

/** A row's height before it is measured: a title line and a meta line (more on phones). */
const ROW_ESTIMATE_PX = 76;

/**
 * A row's height from the ResizeObserver, which reports after the browser's own layout. Read on
 * mount instead (the default), it forced a layout of the page inside React's commit: with a
 * screenful of rows arriving at once during a bulk import, a task over 100 ms.
 */
function measureRow(el: Element, entry: ResizeObserverEntry | undefined, v: Virtualizer<Window, Element>) {
  if (entry) return measureElement(el, entry, v);
  const index = v.indexFromElement(el);
  return v.measurementsCache[index]?.size ?? ROW_ESTIMATE_PX;
}

/** Every article in the library with its claim count and checking progress, in the URL's order. */
const SORT_LABELS: Readonly<Record<ArticleSort, string>> = {
  imported: 'Newest first',
  'needs-work': 'Needs work first (flagged, then unchecked)',
  progress: 'Least checked first',
  title: 'Title A–Z',
};

export function ArticleList({ articleHref }: Props) {
  // The order lives in the URL (?sort=needs-work), so it survives a reload and can be bookmarked.
  const [params, setParams] = useSearchParams();
  const requested = params.get('sort');
  const sort: ArticleSort = isArticleSort(requested) ? requested : 'imported';
  const articles = useArticles(sort);
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter.trim().toLowerCase());

  // a re-read (once per window during a bulk import) renders its rows as a transition, in slices,
  // not in the query's own urgent update
  const data = useDeferredValue(articles.data);
  const all = useMemo(() => data ?? [], [data]);
  const shown = useMemo(
    () =>
      deferred ? all.filter((a) => `${a.title} ${a.outlet ?? ''}`.toLowerCase().includes(deferred)) : all,
    [all, deferred],
  );
  // only the rows in view (and a few either side) are in the page: a library of thousands of
  // articles renders as fast as one of twenty
  const [rowsEl, setRowsEl] = useState<HTMLUListElement | null>(null);
  const top = usePageTop(rowsEl);
  const kept = useKeptFocus(useCallback((id: string) => shown.findIndex((a) => a.id === id), [shown]));
  const virtualizer = useWindowVirtualizer({
    count: shown.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    measureElement: measureRow,
    overscan: 8,
    rangeExtractor: kept.rangeExtractor,
    scrollMargin: top,
    getItemKey: useCallback((i: number) => shown[i]?.id ?? i, [shown]),
  });
  if (articles.error) return <StatusMessage tone="error">{describeDbError(articles.error)}</StatusMessage>;
  return (
    <section className="article-list" aria-labelledby="library-heading" aria-busy={data === undefined}>
      <div className="list-header">
        <h2 id="library-heading">
          Articles <span className="count">({all.length})</span>
        </h2>
        <div className="field filter">
          <label htmlFor="article-filter">Filter articles</label>
          <input
            id="article-filter"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="field filter">
          <label htmlFor="article-sort">Sort</label>
          <select
            id="article-sort"
            value={sort}
            onChange={(e) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (e.target.value === 'imported') next.delete('sort');
                  else next.set('sort', e.target.value);
                  return next;
                },
                { replace: true },
              )
            }
          >
            {(Object.keys(SORT_LABELS) as ArticleSort[]).map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {data === undefined ? (
        <p className="loading">Loading your library…</p>
      ) : all.length === 0 ? (
        <p className="empty">No articles yet. Paste one above, pick a file, or drop one on the page.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No article matches “{filter}”.</p>
      ) : (
        <ul
          ref={setRowsEl}
          className="articles"
          onFocus={kept.onFocus}
          onBlur={kept.onBlur}
          style={{ position: 'relative', height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const a = shown[item.index]!;
            return (
              <ArticleRow
                key={a.id}
                article={a}
                href={articleHref(a.id)}
                index={item.index}
                setSize={shown.length}
                measureRef={virtualizer.measureElement}
                offset={item.start - virtualizer.options.scrollMargin}
              />
            );
          })}
        </ul>
      )}
    </section>
  );
}
