import { memo, useState } from 'react';
import { Link } from 'react-router';
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
  return (
    <li
      ref={measureRef}
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
          {dateFormat.format(article.importedAt)} · {article.claimCount}{' '}
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
            <button
              type="button"
              className="danger"
              onClick={() => remove.mutate(deleteArgs(article.id, article.title))}
            >
              Delete “{article.title.length > 30 ? `${article.title.slice(0, 29)}…` : article.title}”
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
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
