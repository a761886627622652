import { Link } from 'react-router';
import { checkUrl } from '@/core/import/validate';
import type { Article } from '@/core/model/types';

type Props = Readonly<{
  article: Article;
  libraryHref: string;
  claimCount: number;
  speakerCount: number;
  checkedCount: number;
}>;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
// a day written without a time is that day wherever the reader is, not midnight UTC a day early
const dayOnlyFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** The page's own publication date (from its head, a backup or a team library: any string). */
function publishedDay(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  return (/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? dayOnlyFormat : dayFormat).format(time);
}

export function ArticleHeader({ article, libraryHref, claimCount, speakerCount, checkedCount }: Props) {
  const url = article.url ? checkUrl(article.url) : null;
  const link = url?.ok ? url.value : null;
  const published = publishedDay(article.publishedAt);
  return (
    <header className="article-header">
      <Link className="back-link" to={libraryHref}>
        ← Library
      </Link>
      <h1>{article.title}</h1>
      <p className="article-meta">
        {article.outlet && <span>{article.outlet} · </span>}
        {published && article.publishedAt && (
          <span>
            Published <time dateTime={article.publishedAt}>{published}</time> ·{' '}
          </span>
        )}
        <span>Imported {dateFormat.format(article.importedAt)}</span>
        {link && (
          <>
            {' · '}
            <a href={link} target="_blank" rel="noopener noreferrer">
              Original
            </a>
          </>
        )}
      </p>
      <p className="article-counts">
        {claimCount} {claimCount === 1 ? 'claim' : 'claims'} · {speakerCount}{' '}
        {speakerCount === 1 ? 'speaker' : 'speakers'} · {checkedCount} checked
      </p>
    </header>
  );
}
