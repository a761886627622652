import { memo } from 'react';
import type { ArticleId } from '@/core/model/types';

type ArticleOption = Readonly<{ id: ArticleId; title: string }>;

type Props = Readonly<{
  articles: readonly ArticleOption[];
  /** The titles are not read yet (they are read after the matrix's first paint). */
  loading: boolean;
  chosen: readonly ArticleId[];
  onChange: (ids: readonly ArticleId[]) => void;
}>;

/** Which articles are compared: their questions, their claims to place and the suggestions from them. */
export const ScopePicker = memo(function ScopePicker({ articles, loading, chosen, onChange }: Props) {
  if (loading)
    return (
      <section className="panel compare-panel scope-picker" aria-labelledby="scope-heading">
        <h2 id="scope-heading">Articles</h2>
        <p className="hint">
          {chosen.length === 0
            ? 'Loading the library’s articles…'
            : `${chosen.length} article${chosen.length === 1 ? '' : 's'} compared; loading their titles…`}
        </p>
      </section>
    );
  const byId = new Map(articles.map((a) => [a.id, a]));
  const rest = articles.filter((a) => !chosen.includes(a.id));
  return (
    <section className="panel compare-panel scope-picker" aria-labelledby="scope-heading">
      <h2 id="scope-heading">Articles</h2>
      {chosen.length === 0 ? (
        <p className="hint">No article chosen: the comparison shows the library’s latest questions.</p>
      ) : (
        <ul className="scope-list">
          {chosen.map((id) => (
            <li key={id}>
              <span>{byId.get(id)?.title ?? 'An article no longer in the library'}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(chosen.filter((c) => c !== id))}
                aria-label={`Remove “${byId.get(id)?.title ?? id}” from the comparison`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {rest.length > 0 ? (
        <div className="field">
          <label htmlFor="add-article">Add an article</label>
          <select
            id="add-article"
            value=""
            onChange={(e) => e.target.value && onChange([...chosen, e.target.value as ArticleId])}
          >
            <option value="">Choose an article…</option>
            {rest.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </section>
  );
});
