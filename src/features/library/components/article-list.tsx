import { useDeferredValue, useState } from 'react';
import { describeDbError } from '@/db/errors';
import { StatusMessage } from '@/ui/status-message';
import { useArticles } from '../hooks/use-articles';
import { ArticleRow } from './article-row';

type Props = Readonly<{ articleHref: (id: string) => string }>;

/** Every article in the library, newest first, with its claim count and checking progress. */
export function ArticleList({ articleHref }: Props) {
  const articles = useArticles();
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter.trim().toLowerCase());

  if (articles.error) return <StatusMessage tone="error">{describeDbError(articles.error)}</StatusMessage>;
  const all = articles.data ?? [];
  const shown = deferred
    ? all.filter((a) => `${a.title} ${a.outlet ?? ''}`.toLowerCase().includes(deferred))
    : all;
  return (
    <section className="article-list" aria-labelledby="library-heading" aria-busy={articles.isPending}>
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
      </div>
      {articles.isPending ? (
        <p className="loading">Loading your library…</p>
      ) : all.length === 0 ? (
        <p className="empty">No articles yet. Paste one above, pick a file, or drop one on the page.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No article matches “{filter}”.</p>
      ) : (
        <ul className="articles">
          {shown.map((a) => (
            <ArticleRow key={a.id} article={a} href={articleHref(a.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
