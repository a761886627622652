import { type KeyboardEvent, memo, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { clip } from '@/core/text/clip';
import type { ArticleSummary } from '@/db/queries';
import { deleteArgs, useDeleteArticle } from '@/features/library/hooks/use-articles';
import { ProgressMeter } from '@/ui/progress-meter';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

type Props = Readonly<{
  article: ArticleSummary;
  href: string;
  /** Its place in the whole list (the list is virtualised: only the rows in view are in the page). */
  index: number;
  setSize: number;
  measureRef: (el: HTMLLIElement | null) => void;
  /** Pixels from the top of the list; null: in the list's flow (the first rows, before the virtualiser). */
  offset: number | null;
}>;

/** Memoised: a re-read keeps the rows whose summary, place and offset did not change. */
export const ArticleRow = memo(function ArticleRow({
  article,
  href,
  index,
  setSize,
  measureRef,
  offset,
}: Props) {
  const remove = useDeleteArticle();
  const [confirming, setConfirming] = useState(false);
  const rowRef = useRef<HTMLLIElement | null>(null);
  const ref = useCallback(
    (el: HTMLLIElement | null) => {
      rowRef.current = el;
      measureRef(el);
    },
    [measureRef],
  );
  // Keep (or Escape) puts the focus back on Delete, not on the page: the button it was on goes away.
  const refocusDelete = useRef(false);
  useEffect(() => {
    if (confirming || !refocusDelete.current) return;
    refocusDelete.current = false;
    rowRef.current?.querySelector<HTMLElement>('.article-row-actions button')?.focus();
  }, [confirming]);
  const keep = () => {
    refocusDelete.current = true;
    setConfirming(false);
  };
  const escapeKeeps = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    keep();
  };
  const confirmDelete = () => {
    // The row goes away with its buttons: the focus moves to the next article (or the one before, or
    // the list's heading) instead of falling to the page, where a keyboard user starts over.
    const row = rowRef.current;
    const neighbour = (row?.nextElementSibling ?? row?.previousElementSibling)?.querySelector<HTMLElement>(
      '.article-link',
    );
    const target = neighbour ?? row?.closest('section')?.querySelector<HTMLElement>('h2') ?? null;
    remove.mutate(deleteArgs(article.id, article.title), { onSuccess: () => target?.focus() });
  };
  return (
    <li
      ref={ref}
      data-index={index}
      data-key={article.id}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className="article-row"
      style={
        offset === null
          ? undefined
          : { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${offset}px)` }
      }
    >
      <div className="article-row-main">
        <Link to={href} className="article-link">
          {article.title}
        </Link>
        <p className="article-row-meta">
          {article.outlet && <>{article.outlet} · </>}
          imported {dateFormat.format(article.importedAt)} · {article.claimCount}{' '}
          {article.claimCount === 1 ? 'claim' : 'claims'} · {article.speakerCount}{' '}
          {article.speakerCount === 1 ? 'speaker' : 'speakers'}
          {article.flaggedCount > 0 && (
            <>
              {' · '}
              <span className="flagged-count">{article.flaggedCount} rated without a source</span>
            </>
          )}
        </p>
      </div>
      <ProgressMeter
        done={article.checkedCount}
        total={article.claimCount}
        label={`Claims checked in “${article.title}”`}
      />
      <div className="article-row-actions">
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={confirmDelete} onKeyDown={escapeKeeps}>
              Delete “{clip(article.title, 30)}”
            </button>
            <button type="button" onClick={keep} onKeyDown={escapeKeeps}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" aria-label={`Delete “${article.title}”`} onClick={() => setConfirming(true)}>
            Delete
          </button>
        )}
      </div>
    </li>
  );
});
