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

export function ArticleHeader({ article, libraryHref, claimCount, speakerCount, checkedCount }: Props) {
  const url = article.url ? checkUrl(article.url) : null;
  const link = url?.ok ? url.value : null;
  return (
    <header className="article-header">
      <Link className="back-link" to={libraryHref}>
        ← Library
      </Link>
      <h1>{article.title}</h1>
      <p className="article-meta">
        {article.outlet && <span>{article.outlet} · </span>}
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
