import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ArticleSort, isArticleSort } from '@/core/review/progress';
import { describeDbError } from '@/db/errors';
import type { ArticleSummary } from '@/db/queries';
import { ArticleRow } from '@/features/library/components/article-row';
import { ROW_ESTIMATE_PX, ROW_OVERSCAN } from '@/features/library/components/row-size';
import type { RenderRow, VirtualArticleRows } from '@/features/library/components/virtual-article-rows';
import { useArticles, useNewestArticles } from '@/features/library/hooks/use-articles';
import { useFocusAcrossSwap } from '@/features/library/hooks/use-focus-across-swap';
import { StatusMessage } from '@/ui/status-message';

type Props = Readonly<{ articleHref: (id: string) => string }>;

// The virtualiser is not in the first load: its chunk is fetched now, while the library is read, and
// the first screenful of rows is drawn without it if the rows come first. Not React.lazy: the rows
// arrive in a deferred render, which would wait for the chunk rather than show a fallback.
let loadedRows: typeof VirtualArticleRows | null = null;
const virtualRows = import('@/features/library/components/virtual-article-rows').then((m) => {
  loadedRows = m.VirtualArticleRows;
  return m.VirtualArticleRows;
});

/** The virtualised rows' component once its chunk is in, null until then. */
function useVirtualRows() {
  const [rows, setRows] = useState(() => loadedRows);
  useEffect(() => {
    if (rows) return;
    let live = true;
    void virtualRows.then((r) => live && setRows(() => r));
    return () => {
      live = false;
    };
  }, [rows]);
  return rows;
}

/**
 * Whether the virtualised rows take over from the first rows, once they `can`: not while a press
 * (pointer down, then up: a click) that began on the list is held, and for good once they have. They
 * are other elements: swapped between a press's two ends, the down and the up fell on two different
 * links and the browser sent no click, so a click on an article as the library finished reading was
 * lost (CI: backup-restore, session 22). The swap waits for the task after the up, the click's.
 */
function useVirtualOnceUnpressed(can: boolean) {
  const [pressed, setPressed] = useState(false);
  const [taken, setTaken] = useState(false);
  if (can && !pressed && !taken) setTaken(true);
  useEffect(() => {
    if (!pressed) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const release = () => {
      timer = setTimeout(() => setPressed(false));
    };
    window.addEventListener('pointerup', release, { once: true });
    window.addEventListener('pointercancel', release, { once: true });
    return () => {
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
      clearTimeout(timer);
    };
  }, [pressed]);
  const onPointerDown = useCallback(() => {
    if (!taken) setPressed(true);
  }, [taken]);
  return { taken, onPointerDown };
}

const noMeasure = () => {};

/** How many rows the first screenful holds. */
const firstScreenful = () => Math.ceil(window.innerHeight / ROW_ESTIMATE_PX) + ROW_OVERSCAN;

/** The first screenful of rows, in the list's flow, until the virtualiser loads (or the whole list is read). */
function FirstArticleRows({
  shown,
  renderRow,
}: Readonly<{ shown: readonly ArticleSummary[]; renderRow: RenderRow }>) {
  const first = shown.slice(0, firstScreenful());
  return <ul className="articles">{first.map((a, index) => renderRow(a, index, noMeasure, null))}</ul>;
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
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter.trim().toLowerCase());
  // Until the whole list is read (1.5 MB of summaries at 1,000 articles), the newest screenful is read
  // on its own and drawn: the default order only, with no filter typed. It is read first: asked
  // together, its few requests queued behind the whole list's in the browser's storage and came no sooner.
  const [screenful] = useState(firstScreenful);
  const [wholeRead, setWholeRead] = useState(false);
  const early = sort === 'imported' && deferred === '' && !wholeRead;
  const first = useNewestArticles(screenful, early);
  const articles = useArticles(sort, !early || first.isFetched);
  // a re-read (once per window during a bulk import) renders its rows as a transition, in slices,
  // not in the query's own urgent update
  const data = useDeferredValue(articles.data);
  if (data !== undefined && !wholeRead) setWholeRead(true);
  const newest = first.data;
  const all = useMemo(() => data ?? [], [data]);
  const shown = useMemo(
    () =>
      deferred ? all.filter((a) => `${a.title} ${a.outlet ?? ''}`.toLowerCase().includes(deferred)) : all,
    [all, deferred],
  );
  const VirtualRows = useVirtualRows();
  const virtual = useVirtualOnceUnpressed(VirtualRows !== null && data !== undefined);
  const kept = useFocusAcrossSwap(VirtualRows !== null && virtual.taken);
  const setSize = data === undefined ? -1 : shown.length;
  const renderRow = useCallback<RenderRow>(
    (a, index, measureRef, offset) => (
      <ArticleRow
        key={a.id}
        article={a}
        href={articleHref(a.id)}
        index={index}
        setSize={setSize}
        measureRef={measureRef}
        offset={offset}
      />
    ),
    [articleHref, setSize],
  );
  if (articles.error) return <StatusMessage tone="error">{describeDbError(articles.error)}</StatusMessage>;
  return (
    <section
      className="article-list"
      aria-labelledby="library-heading"
      aria-busy={data === undefined}
      onPointerDown={virtual.onPointerDown}
      ref={kept.listRef}
      onFocus={kept.onFocus}
      onBlur={kept.onBlur}
    >
      <div className="list-header">
        <h2 id="library-heading" tabIndex={-1}>
          {/* No count until the list is read: "(0)" while loading read as an empty library (a newer tab
              still opening its database showed "Articles (0)" beside "Loading your library…"). */}
          Articles{data === undefined ? null : ' '}
          {data === undefined ? null : <span className="count">({all.length})</span>}
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
        early && newest !== undefined && newest.length > 0 ? (
          <FirstArticleRows shown={newest} renderRow={renderRow} />
        ) : (
          <p className="loading">Loading your library…</p>
        )
      ) : all.length === 0 ? (
        <p className="empty">No articles yet. Paste one above, pick a file, or drop one on the page.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No article matches “{filter}”.</p>
      ) : VirtualRows && virtual.taken ? (
        <VirtualRows shown={shown} renderRow={renderRow} />
      ) : (
        <FirstArticleRows shown={shown} renderRow={renderRow} />
      )}
    </section>
  );
}
